package org.meander.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.meander.project.RasterTiling;
import org.meander.project.raster.BandChoice;
import org.meander.project.raster.BandNames;
import org.meander.project.raster.RasterFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./meander project tile DIR --raster FILE [--tile-size 1024] [--overlap 128] [--bands R,G,B]
 * [--nir-band K | --nir FILE | --no-nir] [--mask FILE [--class-index K]]}. Bands not chosen are taken from the
 * names the raster gives them, where it does.
 */
@Command(name = "tile", mixinStandardHelpOptions = true,
        description = {"Cut a raster larger than a tile (an orthomosaic, say; TIFF, striped or tiled, PNG or JPEG"
                + " 2000; or a GDAL virtual raster stacking a satellite scene's band files, gdalbuildvrt -separate)"
                + " into overlapping tiles named <raster>_r<row>_c<column>, reading it a row of tiles at a time"
                + " (JPEG 2000 is decoded whole first).",
                "With --nir, a near-infrared raster of its own (a multispectral map's band file) is cut along with"
                        + " it: pixel for pixel when it has the raster's grid, else, both georeferenced in one CRS,"
                        + " resampled where the raster's pixels lie on the map.",
                "With --mask, a mask of the whole raster (a river mask from a GIS or another tool, of the raster's"
                        + " size) is cut along with it: each tile's window becomes its label, marked imported.",
                "A cut that was interrupted (Ctrl+C, a crash) is finished by the same command: the tiles it wrote"
                        + " are kept.",
                "Prints one JSON line {\"raster\": ..., \"width\": W, \"height\": H, \"rows\": R, \"columns\": C,"
                        + " \"tiles\": N, \"labelled\": M, \"resumed\": K, \"seconds\": s}, \"nir_fit\":"
                        + " \"grid\" or \"map\" with --nir, and \"empty\": E when E windows of the grid held no data"
                        + " (alpha or GDAL's nodata mask 0, GDAL's nodata value or NaN) and made no tile."})
final class ProjectTileCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "project folder; created if missing, added to if not")
    Path project;

    @Option(names = "--raster", required = true, paramLabel = "FILE", description = "the raster to cut")
    Path raster;

    @Option(names = "--tile-size", defaultValue = "1024", paramLabel = "N",
            description = "tile width and height in pixels (default ${DEFAULT-VALUE}, SAM's input size)")
    int tileSize;

    @Option(names = "--overlap", defaultValue = "128", paramLabel = "N",
            description = "least overlap of neighbouring tiles in pixels (default ${DEFAULT-VALUE}); the tiles are"
                    + " spread evenly, so it comes out a little larger")
    int overlap;

    @Mixin
    BandOptions bands;

    @Option(names = "--nir", paramLabel = "FILE",
            description = "the near-infrared band in a raster of its own (its first band; 8-, 16-bit or floating"
                    + " point), cut along into nir/<tile>.png: of the raster's size, or georeferenced in its CRS at"
                    + " any pixel size (resampled bilinearly; where it does not reach, the tiles' band has no value)")
    Path nearInfrared;

    @Option(names = "--no-nir", description = "keep no near-infrared band, not even one the raster names so")
    boolean noNearInfrared;

    @Option(names = "--mask", paramLabel = "FILE",
            description = "a mask of the whole raster, of its size (TIFF or PNG; 0/255, 0/1 or class indices in its"
                    + " first band): each tile gets its window as its label, marked imported")
    Path mask;

    @Option(names = "--class-index", paramLabel = "K",
            description = "with --mask: the mask holds class indices and pixels equal to K are river (default: every"
                    + " pixel above 0)")
    Integer classIndex;

    @Override
    public Integer call() throws IOException {
        long start = System.nanoTime();
        TilingProgress progress = new TilingProgress(System.err);
        if (classIndex != null && mask == null) {
            throw new ParameterException(spec.commandLine(), "--class-index says which pixels of --mask are river;"
                    + " give the mask too");
        }
        if (nearInfrared != null && bands.nearInfraredBandChosen()) {
            throw new ParameterException(spec.commandLine(), "--nir-band takes the near-infrared from a band of the"
                    + " raster and --nir from a raster of its own; give one of them");
        }
        if (noNearInfrared && (nearInfrared != null || bands.nearInfraredBandChosen())) {
            throw new ParameterException(spec.commandLine(), "--no-nir keeps no near-infrared band; it does not go"
                    + " with " + (nearInfrared != null ? "--nir" : "--nir-band"));
        }
        RasterTiling.Report report = RasterTiling.tile(project, raster,
                new RasterTiling.Settings(tileSize, overlap, chooseBands(), nearInfrared),
                mask == null ? null : new RasterTiling.Mask(mask, classIndex), progress);
        progress.finish();
        if (report.resumed() > 0) {
            System.err.println("finished the interrupted cut of " + report.raster() + ": " + report.resumed() + " of "
                    + report.tiles().size() + " tiles were written before");
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("raster", report.raster());
        result.put("width", report.width());
        result.put("height", report.height());
        result.put("rows", report.rows());
        result.put("columns", report.columns());
        result.put("tiles", report.tiles().size());
        result.put("labelled", report.labelled());
        result.put("resumed", report.resumed());
        if (report.empty() > 0) {
            result.put("empty", report.empty());
            System.err.println(report.empty() + " windows of the grid held no data (outside the imagery: alpha or"
                    + " GDAL's nodata mask 0, GDAL's nodata value or NaN) and made no tile");
        }
        if (report.nearInfraredFit() != null) {
            result.put("nir_fit", report.nearInfraredFit().name().toLowerCase(Locale.ROOT));
        }
        result.put("seconds", Math.round((System.nanoTime() - start) / 1e7) / 100.0);
        System.out.println(new ObjectMapper().writeValueAsString(result));
        return 0;
    }

    /** The bands typed, else those the raster names; a header that cannot be read is left to the cut to report. */
    private BandChoice chooseBands() {
        if (bands.rgbChosen() && (bands.nearInfraredBandChosen() || noNearInfrared || nearInfrared != null)) {
            return bands.choice();
        }
        BandNames names;
        try (RasterFile file = RasterFile.open(raster)) {
            names = file.bandNames();
        } catch (IOException | RuntimeException e) {
            return bands.choice();
        }
        return bands.choice(names, raster.getFileName().toString(), !noNearInfrared && nearInfrared == null);
    }
}
