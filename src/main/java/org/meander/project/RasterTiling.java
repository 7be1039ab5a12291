package org.meander.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.meander.project.raster.BandChoice;
import org.meander.project.raster.BandStretch;
import org.meander.project.raster.ColourRadiometry;
import org.meander.project.raster.Georeferencing;
import org.meander.project.raster.NearInfraredRaster;
import org.meander.project.raster.NearInfraredScale;
import org.meander.project.raster.Overview;
import org.meander.project.raster.PixelToMap;
import org.meander.project.raster.RasterFile;
import org.meander.project.raster.TileGrid;
import org.meander.project.raster.WholeDecoding;

/**
 * Cuts a raster larger than a tile (an orthomosaic of 20000 x 20000 pixels, say) into overlapping tiles of a project
 * without holding it in memory: it is read one row of tiles at a time, in column chunks of at most
 * {@link #CHUNK_BYTES}, each tile written as an RGB PNG ({@code <raster>_r<row>_c<column>}), its near-infrared
 * band, if there is one (a band of the raster, or a raster of its own laid on it), to {@code nir/}, and its window
 * of a mask of the whole raster, if given, as its label.
 * meander.json records the raster (file, size, grid, bands, stretch, georeferencing) and each tile's window, so that
 * labels can be stitched back into one mask of the raster.
 */
public final class RasterTiling {

    /** The most raw sample bytes read at once: a row of 1024-pixel tiles of a 20000-pixel-wide RGB raster is 61 MB. */
    static final long CHUNK_BYTES = 96L << 20;

    /**
     * Tile size and overlap in pixels, the bands that make each tile, and a raster holding the near-infrared band
     * apart ({@link NearInfraredRaster}; null for none, or when the band is one of the raster's own).
     */
    public record Settings(int tileSize, int overlap, BandChoice bands, Path nearInfrared) {

        public Settings {
            if (nearInfrared != null && bands.nearInfrared().isPresent()) {
                throw new IllegalArgumentException("near-infrared from band " + bands.nearInfrared().getAsInt()
                        + " of the raster and from " + nearInfrared + ": choose one, --nir-band or --nir");
            }
        }

        public Settings(int tileSize, int overlap, BandChoice bands) {
            this(tileSize, overlap, bands, null);
        }
    }

    /**
     * The raster's name, size and grid, the tiles written, row by row, how many got a label from a mask, how a
     * separate near-infrared raster was laid on it (null without one), how many tiles an interrupted cut had
     * written whole already (0 for a fresh cut), and how many windows of the grid held no data and made no tile.
     */
    public record Report(String raster, int width, int height, int rows, int columns, List<String> tiles,
                         int labelled, NearInfraredRaster.Fit nearInfraredFit, int resumed, int empty) {
    }

    /**
     * A mask of the whole raster from another tool (0/255, 0/1 or class indices, the first band read; a palette
     * image's indices, not its colours), cut along with it into the tiles' labels, marked imported: foreground where
     * it equals {@code classIndex}, or where it is above 0 when that is null.
     */
    public record Mask(Path file, Integer classIndex) {
    }

    /**
     * Told after each tile is written, and when a file is decoded whole before its first window (JPEG 2000: the
     * raster, its mask or its near-infrared raster), which takes seconds for a satellite scene's band.
     */
    public interface Progress extends WholeDecoding {
        void tileWritten(int done, int total);
    }

    private RasterTiling() {
    }

    /**
     * @throws IOException when the raster cannot be read (naming the file), a chosen band is not in it, it was
     *                     already cut into this project, or its near-infrared raster cannot be laid on it; tiles
     *                     written before a read error stay
     */
    public static Report tile(Path projectDir, Path rasterFile, Settings settings, Progress progress)
            throws IOException {
        return tile(projectDir, rasterFile, settings, null, progress);
    }

    /**
     * As {@link #tile(Path, Path, Settings, Progress)}, each tile also labelled with its window of {@code mask}
     * (none when null), which must have the raster's size and, when both are georeferenced, lie where it lies. A cut
     * that was interrupted (a crash, Ctrl+C) is resumed when it is asked for again with the same settings: the tiles
     * it wrote whole are kept, the rest written.
     */
    public static Report tile(Path projectDir, Path rasterFile, Settings settings, Mask mask, Progress progress)
            throws IOException {
        Path directory = projectDir.toAbsolutePath().normalize();
        String name = TileNames.stem(rasterFile);
        try (RasterFile raster = RasterFile.open(rasterFile, progress);
             RasterFile maskFile = mask == null ? null : RasterFile.open(mask.file(), progress);
             NearInfraredRaster nirRaster = settings.nearInfrared() == null ? null
                     : NearInfraredRaster.lay(settings.nearInfrared(), raster, progress)) {
            if (maskFile != null) {
                refuseMisfit(raster, maskFile);
            }
            int[] rgb;
            OptionalInt nirBand;
            TileGrid grid;
            try {
                rgb = settings.bands().rgbIndices(raster.bandCount());
                nirBand = settings.bands().nearInfraredIndex(raster.bandCount());
                grid = new TileGrid(raster.width(), raster.height(), settings.tileSize(), settings.overlap());
            } catch (IllegalArgumentException e) {
                throw new IOException(rasterFile + ": " + e.getMessage(), e);
            }
            Optional<ColourRadiometry> interrupted = interruptedRadiometry(ProjectManifest.read(directory),
                    directory, name);
            BandStretch stretch;
            NearInfraredScale nirScale;
            if (raster.needsStretch() && interrupted.isPresent()) {
                // the tiles written before were stretched so: the rest are too, whatever a new measure would say
                stretch = interrupted.get().stretch();
                nirScale = nirBand.isEmpty() ? NearInfraredScale.UNCHANGED : interrupted.get().nirScale();
            } else {
                Overview overview = raster.needsStretch() ? raster.readOverview() : null;
                try {
                    stretch = overview == null ? BandStretch.identity()
                            : BandStretch.measure(overview.pixels(), rgb, overview.noData());
                } catch (IllegalArgumentException e) {
                    throw new IOException(rasterFile + ": " + e.getMessage(), e);
                }
                nirScale = overview == null || nirBand.isEmpty() ? NearInfraredScale.UNCHANGED
                        : NearInfraredScale.of(overview.pixels(), nirBand.getAsInt(), overview.noData());
            }
            // only now, every refusal said: a cut refused writes nothing, not even the project's folder
            Files.createDirectories(directory.resolve("tiles"));
            Project project = Project.open(directory); // before the manifest is read: it may record splits
            List<String> names = new ArrayList<>();
            grid.cells().forEach(cell -> names.add(tileName(name, cell, grid)));
            ProjectManifest manifest = ProjectManifest.read(directory);
            ObjectNode entry = rasterEntry(raster, settings, stretch,
                    nirRaster == null ? nirScale : nirRaster.scale(), nirRaster);
            if (!resumes(rasterFile, name, names, manifest, project, entry)) {
                // recorded before the first tile, so that a cut interrupted can be told from a name clash
                ProjectManifest.update(directory, m -> m.withEntries(TileSources.RASTERS,
                        Map.of(name, entry.deepCopy().put(TileSources.COMPLETE, false))));
            }
            TileCut cut = new TileCut(directory, raster, rgb, stretch, nirBand, nirScale, nirRaster, maskFile,
                    mask == null ? null : mask.classIndex());
            Map<String, JsonNode> sources = new LinkedHashMap<>();
            List<TileGrid.Cell> cells = grid.cells();
            double bytesPerPixel = cut.bytesPerPixel();
            int resumed = 0;
            List<String> tiles = new ArrayList<>();
            for (int first = 0; first < cells.size(); ) {
                // a chunk: consecutive tiles of one row whose pixels together stay under the budget
                int last = first;
                while (last + 1 < cells.size() && cells.get(last + 1).row() == cells.get(first).row()
                        && span(cells, first, last + 1).width * (long) span(cells, first, last + 1).height
                        * bytesPerPixel <= CHUNK_BYTES) {
                    last++;
                }
                List<Integer> missing = new ArrayList<>();
                Set<Integer> written = new HashSet<>();
                for (int i = first; i <= last; i++) {
                    if (cut.written(names.get(i))) {
                        resumed++;
                        written.add(i);
                    } else {
                        missing.add(i);
                    }
                }
                if (!missing.isEmpty()) {
                    Rectangle chunkWindow = span(cells, missing.get(0), missing.get(missing.size() - 1));
                    TileCut.Chunk chunk = cut.read(chunkWindow);
                    for (int i : missing) {
                        if (chunk.write(names.get(i), cells.get(i).window())) {
                            written.add(i);
                        }
                    }
                }
                for (int i = first; i <= last; i++) {
                    if (written.contains(i)) {
                        tiles.add(names.get(i));
                        sources.put(names.get(i), TileSources.windowEntry(name, cells.get(i).window()));
                    }
                    progress.tileWritten(i + 1, cells.size());
                }
                first = last + 1;
            }
            ProjectManifest.update(directory, m -> m.withEntries(TileSources.RASTERS, Map.of(name, entry))
                    .withEntries(TileSources.SOURCES, sources));
            Project.open(directory); // the new tiles get their split
            return new Report(name, raster.width(), raster.height(), grid.rows(), grid.columns(), tiles,
                    maskFile == null ? 0 : tiles.size(), nirRaster == null ? null : nirRaster.fit(), resumed,
                    names.size() - tiles.size());
        }
    }

    /** A mask of another size, or placed elsewhere on the map, would label each tile with another place's river. */
    private static void refuseMisfit(RasterFile raster, RasterFile mask) throws IOException {
        if (mask.width() != raster.width() || mask.height() != raster.height()) {
            throw new IOException(mask.file() + " is " + mask.width() + " x " + mask.height() + " but the raster "
                    + raster.file() + " is " + raster.width() + " x " + raster.height() + "; a mask must have the"
                    + " raster's pixels (gdalwarp -te and -ts make one fit)");
        }
        Optional<PixelToMap> rasterMap = raster.georeferencing().flatMap(Georeferencing::pixelToMap);
        Optional<PixelToMap> maskMap = mask.georeferencing().flatMap(Georeferencing::pixelToMap);
        if (rasterMap.isPresent() && maskMap.isPresent() && !rasterMap.get().sameGridAs(maskMap.get())) {
            throw new IOException(mask.file() + " lies elsewhere on the map than " + raster.file() + " (its top left"
                    + " corner at " + maskMap.get().x(0, 0) + ", " + maskMap.get().y(0, 0) + " against "
                    + rasterMap.get().x(0, 0) + ", " + rasterMap.get().y(0, 0) + ", or another pixel size); warp it"
                    + " onto the raster's grid first (gdalwarp -te, -tr)");
        }
    }

    /** The stretch recorded for a cut of the raster {@code name} that was interrupted, if there is one. */
    private static Optional<ColourRadiometry> interruptedRadiometry(ProjectManifest manifest, Path directory,
            String name) throws IOException {
        JsonNode recorded = manifest.section(TileSources.RASTERS).path(name);
        return recorded.isObject() && TileSources.interrupted(recorded)
                ? TileSources.radiometry(recorded, directory.resolve(ProjectManifest.FILE_NAME),
                        TileSources.RASTERS + "." + name)
                : Optional.empty();
    }

    /**
     * Cutting a raster twice would mix two sets of windows under one name, and a tile of the same name from
     * elsewhere would be replaced; a cut recorded as not complete, asked for again with the same settings, is
     * resumed. Returns whether it is.
     */
    private static boolean resumes(Path rasterFile, String name, List<String> names, ProjectManifest manifest,
            Project project, ObjectNode entry) throws IOException {
        JsonNode recorded = manifest.section(TileSources.RASTERS).path(name);
        if (recorded.isObject() && TileSources.interrupted(recorded)) {
            ObjectNode settings = recorded.deepCopy();
            settings.remove(TileSources.COMPLETE);
            if (settings.equals(entry)) {
                return true;
            }
            throw new IOException(rasterFile + ": a cut of a raster named " + name + " into " + project.directory()
                    + " was interrupted, with other settings (file, tile size, overlap, bands or near-infrared:"
                    + " see \"rasters\" in meander.json); run it again with those to finish it, or take it out to"
                    + " start afresh: ./meander project remove-raster " + project.directory() + " " + name);
        }
        if (!recorded.isMissingNode()) {
            throw new IOException(rasterFile + ": a raster named " + name + " was already cut into "
                    + project.directory() + "; to cut it again, take it out first (its tiles and labels go to the"
                    + " project's trash): ./meander project remove-raster " + project.directory() + " " + name
                    + "; or rename the file to cut it beside it");
        }
        for (Tile tile : project.tiles()) {
            if (names.contains(tile.name())) {
                throw new IOException(rasterFile + ": the project already has a tile named " + tile.name()
                        + ", which a tile of this raster would replace; rename the raster file and cut it again");
            }
        }
        return false;
    }

    private static Rectangle span(List<TileGrid.Cell> cells, int first, int last) {
        Rectangle union = cells.get(first).window().rectangle();
        for (int i = first + 1; i <= last; i++) {
            union = union.union(cells.get(i).window().rectangle());
        }
        return union;
    }

    /** Row and column numbers are zero-padded to the same width, so the tiles sort in raster order. */
    static String tileName(String raster, TileGrid.Cell cell, TileGrid grid) {
        int rowDigits = Integer.toString(grid.rows() - 1).length();
        int columnDigits = Integer.toString(grid.columns() - 1).length();
        return String.format("%s_r%0" + rowDigits + "d_c%0" + columnDigits + "d", raster, cell.row(), cell.column());
    }

    private static ObjectNode rasterEntry(RasterFile raster, Settings settings, BandStretch stretch,
            NearInfraredScale nirScale, NearInfraredRaster nirRaster) {
        ObjectNode entry = JsonNodeFactory.instance.objectNode();
        entry.put("file", raster.file().toAbsolutePath().normalize().toString());
        entry.put("width", raster.width());
        entry.put("height", raster.height());
        entry.put("tile_size", settings.tileSize());
        entry.put("overlap", settings.overlap());
        BandChoice bands = settings.bands();
        entry.putArray("bands").add(bands.red()).add(bands.green()).add(bands.blue());
        bands.nearInfrared().ifPresent(n -> entry.put("nir_band", n));
        if (nirRaster != null) {
            entry.put("nir_file", nirRaster.file().toAbsolutePath().normalize().toString());
            entry.put("nir_fit", nirRaster.fit().name().toLowerCase(Locale.ROOT));
        }
        if (raster.needsStretch()) {
            TileSources.putRadiometry(entry, new ColourRadiometry(stretch, nirScale));
        }
        TileSources.putGreenChannel(entry, bands.greenChannel(raster.bandNames()));
        raster.georeferencing().ifPresent(g -> entry.set("georeferencing", g.toJson()));
        return entry;
    }
}
