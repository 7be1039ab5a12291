package org.meander.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.meander.project.Project;
import org.meander.project.Split;
import org.meander.project.Tile;
import org.meander.project.export.CocoExport;
import org.meander.project.export.GeoTiffExport;
import org.meander.project.export.HfExport;
import org.meander.project.export.PngExport;
import org.meander.project.export.StitchedExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./meander project export DIR --format png|coco|geotiff|hf --out PATH [--split S]}: labels for other tools. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export a project's labels: png (a folder of 0/255 masks), coco (instance segmentation JSON"
                + " with RLE as pycocotools encodes it), geotiff (a folder of 0/255 GeoTIFF masks placed like their"
                + " imagery) or hf (a Hugging Face dataset: a parquet file per split with image and label columns,"
                + " labels 0/1 class-index PNGs; unlabelled tiles are left out). png and geotiff also stitch the"
                + " tiles of each raster cut by `project tile` into one mask of its size, in OUT/stitched/, unless"
                + " --split is given.")
final class ProjectExportCommand implements Callable<Integer> {

    /** The formats this command writes. */
    enum Format { png, coco, geotiff, hf }

    @Parameters(index = "0", paramLabel = "DIR", description = "the project folder")
    Path project;

    @Option(names = "--format", paramLabel = "FORMAT", required = true, description = "png, coco, geotiff or hf")
    Format format;

    @Option(names = "--out", paramLabel = "PATH",
            required = true, description = "png, geotiff, hf: a folder; coco: the JSON file")
    Path out;

    @Option(names = "--split", paramLabel = "SPLIT",
            description = "only tiles of this split: train, validation or test")
    String split;

    @Override
    public Integer call() throws IOException {
        Project opened = Project.open(project);
        Predicate<Tile> which = tilesOf(opened);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("format", format.name());
        result.put("out", out.toAbsolutePath().toString());
        switch (format) {
            case png -> result.put("masks", PngExport.write(opened, out, which));
            case coco -> result.put("annotations", CocoExport.write(opened, out, which));
            case geotiff -> {
                GeoTiffExport.Written written = GeoTiffExport.write(opened, out, which);
                result.put("masks", written.masks());
                result.put("georeferenced", written.georeferenced());
            }
            case hf -> {
                HfExport.Result written = HfExport.write(opened, out, which);
                result.put("rows", written.rows());
                result.put("files", written.files().stream().map(Path::toString).toList());
                result.put("unlabelled_tiles_left_out", written.unlabelledTiles());
            }
        }
        if (split == null && (format == Format.png || format == Format.geotiff)) {
            // a split's tiles do not cover a raster, so only a whole export stitches
            result.put("stitched", StitchedExport.write(opened, out,
                    format == Format.geotiff ? StitchedExport.Format.TIFF : StitchedExport.Format.PNG));
        }
        System.out.println(new ObjectMapper().writeValueAsString(result));
        return 0;
    }

    private Predicate<Tile> tilesOf(Project opened) {
        if (split == null) {
            return tile -> true;
        }
        for (Split s : Split.values()) {
            if (s.key().equals(split)) {
                return tile -> opened.split(tile) == s;
            }
        }
        throw new IllegalArgumentException("--split " + split + ": use train, validation or test");
    }
}
