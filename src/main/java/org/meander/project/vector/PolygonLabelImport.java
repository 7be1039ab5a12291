package org.meander.project.vector;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.meander.project.LabelMask;
import org.meander.project.Project;
import org.meander.project.RasterWindow;
import org.meander.project.Tile;
import org.meander.project.raster.Georeferencing;
import org.meander.project.raster.PixelToMap;
import org.meander.weights.ErrorText;

/**
 * Labels from polygons: river outlines drawn in a GIS, or exported by Meander and edited there, filled into the
 * tiles they cover and marked IMPORTED, to be checked. A file named like a tile ({@code <tile>.geojson}) labels that
 * tile, in map coordinates when its imagery is georeferenced and in pixels otherwise, and labels it even when it
 * holds no polygon (no river there). Any other file labels every georeferenced tile of the same CRS that one of its
 * polygons reaches into, so one layer of a whole reach labels all the tiles cut from its orthomosaic; a file named
 * like a raster without georeferencing that was cut into the project labels that raster's tiles, in its pixels (as
 * a whole export outlines it). A tile's existing label is kept unless asked otherwise; a label it replaces stays in
 * the tile's history.
 */
public final class PolygonLabelImport {

    /**
     * What happened: the files read, their polygons, and the features the filter left out; the tiles labelled;
     * tiles whose label the polygons would not change; tiles that kept their own label; and each file or tile that
     * could not be used, with the reason.
     */
    public record Report(int files, long polygons, long featuresLeftOut, List<String> labelled, int unchanged,
                         List<String> keptTheirLabel, List<String> problems) {
    }

    private PolygonLabelImport() {
    }

    /** Labels from the polygons of the features {@code where} admits in {@code files}. */
    public static Report run(Project project, List<Path> files, FeatureFilter where, boolean replace)
            throws IOException {
        List<String> problems = new ArrayList<>();
        List<GeoJsonLayer> layers = read(files, where, problems);
        List<GeoJsonLayer> wide = layers.stream().filter(layer -> tileNamed(project, layer).isEmpty()).toList();
        boolean[] wideUsed = new boolean[wide.size()];
        Set<Integer> tileCrs = new TreeSet<>();
        List<String> labelled = new ArrayList<>();
        int unchanged = 0;
        List<String> kept = new ArrayList<>();
        for (Tile tile : project.tiles()) {
            TileFrame frame = TileFrame.of(project, tile);
            frame.epsg().ifPresent(tileCrs::add);
            Optional<LabelMask> existing = project.readLabel(tile);
            LabelMask size = existing.isPresent() ? existing.get() : project.labelOrEmpty(tile);
            TileFill fill = new TileFill(size.width(), size.height());
            boolean named = false;
            for (GeoJsonLayer layer : layers) {
                if (tileNamed(project, layer).equals(Optional.of(tile))) {
                    if (frame.map().isPresent() && !frame.inCrs(layer.epsg())) {
                        problems.add(layer.file() + " is in EPSG:" + layer.epsg() + " but the imagery of "
                                + tile.name() + " is in " + crsName(frame.epsg()) + "; reproject the file to it"
                                + " (ogr2ogr -t_srs) and import again");
                        continue;
                    }
                    named = true;
                    layer.polygons().forEach(polygon -> fill.add(polygon, frame.map()));
                }
            }
            for (int i = 0; i < wide.size(); i++) {
                Optional<PixelToMap> from = frame.of(wide.get(i));
                if (from.isPresent()) {
                    wideUsed[i] = true;
                    wide.get(i).polygons().forEach(polygon -> fill.addIfItReaches(polygon, from.get()));
                }
            }
            if (!named && !fill.any()) {
                continue;
            }
            LabelMask label = fill.label();
            if (existing.isPresent() && existing.get().equals(label)) {
                unchanged++;
            } else if (existing.isPresent() && !replace) {
                kept.add(tile.name());
            } else {
                project.importLabel(tile, label);
                labelled.add(tile.name());
            }
        }
        for (int i = 0; i < wide.size(); i++) {
            if (!wideUsed[i]) {
                problems.add(unused(wide.get(i), tileCrs));
            }
        }
        long polygons = layers.stream().mapToLong(layer -> layer.polygons().size()).sum();
        long leftOut = layers.stream().mapToLong(GeoJsonLayer::filteredOut).sum();
        return new Report(files.size(), polygons, leftOut, labelled, unchanged, kept, problems);
    }

    private static List<GeoJsonLayer> read(List<Path> files, FeatureFilter where, List<String> problems) {
        List<GeoJsonLayer> layers = new ArrayList<>();
        for (Path file : files) {
            try {
                GeoJsonLayer layer = GeoJsonLayer.read(file, where);
                layers.add(layer);
                if (layer.otherGeometries() > 0) {
                    problems.add(file + ": " + (layer.otherGeometries() == 1 ? "a point or line"
                            : layer.otherGeometries() + " points or lines") + " left out; only polygons are labels");
                }
            } catch (IOException e) {
                problems.add(ErrorText.of(e));
            }
        }
        return layers;
    }

    /** Why a layer that names no tile labelled none. */
    private static String unused(GeoJsonLayer layer, Set<Integer> tileCrs) {
        String why = layer.file() + " is in EPSG:" + layer.epsg() + " and names no tile; ";
        if (tileCrs.isEmpty()) {
            return why + "no tile's imagery is georeferenced, so only files named like a tile (in its pixels) or"
                    + " like a raster cut into tiles (in the raster's pixels) label tiles";
        }
        int first = tileCrs.iterator().next();
        return why + "the tiles' imagery is in EPSG:" + first + (tileCrs.size() > 1 ? " and others" : "")
                + ": reproject the file to it (ogr2ogr -t_srs EPSG:" + first + ")";
    }

    /** The GeoJSON files a path names: the file itself, or a folder's .geojson and .json files (not its subfolders). */
    public static List<Path> filesAt(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> listed = Files.list(path)) {
            return listed.filter(file -> {
                String name = file.getFileName().toString();
                return Files.isRegularFile(file) && (name.endsWith(".geojson") || name.endsWith(".json"));
            }).sorted().toList();
        }
    }

    /** The tile the file is named after, if any: {@code <tile>.geojson} or {@code <tile>.json}. */
    private static Optional<Tile> tileNamed(Project project, GeoJsonLayer layer) {
        return project.tile(stem(layer.file()));
    }

    /** The file's name without its extension. */
    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String crsName(OptionalInt epsg) {
        return epsg.isPresent() ? "EPSG:" + epsg.getAsInt() : "a CRS without an EPSG code";
    }

    /**
     * Where a tile lies: on the map (with its CRS) when its imagery is georeferenced; within the raster it was cut
     * from, in that raster's pixels, when the raster is not.
     */
    private record TileFrame(Optional<PixelToMap> map, OptionalInt epsg, Optional<String> raster,
                             Optional<PixelToMap> rasterPixels) {

        static TileFrame of(Project project, Tile tile) throws IOException {
            Optional<Georeferencing> georeferencing = project.georeferencing(tile);
            Optional<PixelToMap> map = georeferencing.flatMap(Georeferencing::pixelToMap);
            OptionalInt epsg = georeferencing.map(Georeferencing::epsg).orElse(OptionalInt.empty());
            Optional<RasterWindow> window = project.rasterWindow(tile);
            Optional<PixelToMap> rasterPixels = map.isPresent() ? Optional.empty()
                    : window.map(w -> new PixelToMap(w.window().x(), 1, 0, w.window().y(), 0, 1));
            return new TileFrame(map, epsg, window.map(RasterWindow::raster), rasterPixels);
        }

        boolean inCrs(int code) {
            return epsg.isPresent() && epsg.getAsInt() == code;
        }

        /**
         * How a layer that names no tile reaches this one: through the raster's pixels when it is named like the
         * tile's raster and that has no georeferencing, else through the map when both are in one CRS.
         */
        Optional<PixelToMap> of(GeoJsonLayer layer) {
            if (rasterPixels.isPresent() && raster.get().equals(stem(layer.file()))) {
                return rasterPixels;
            }
            return map.isPresent() && inCrs(layer.epsg()) ? map : Optional.empty();
        }
    }

    /** One tile's mask, filled from polygons in the tile's pixels or through a map to them. */
    private static final class TileFill {

        private final int width;
        private final int height;
        private final PolygonRasterizer rasterizer;

        TileFill(int width, int height) {
            this.width = width;
            this.height = height;
            this.rasterizer = new PolygonRasterizer(width, height);
        }

        /** A polygon through the map to the tile's pixels, or in them when there is no map. */
        void add(Polygon polygon, Optional<PixelToMap> map) {
            rasterizer.fill(map.isPresent() ? onTheGrid(polygon, map.get()) : polygon);
        }

        /** The same, for a polygon of a larger layer: only if its box reaches the tile's. */
        void addIfItReaches(Polygon polygon, PixelToMap map) {
            double[] box = polygon.bounds();
            double[] tile = bounds(map, width, height);
            if (box[0] < tile[2] && box[2] > tile[0] && box[1] < tile[3] && box[3] > tile[1]) {
                add(polygon, Optional.of(map));
            }
        }

        boolean any() {
            for (byte pixel : rasterizer.pixels()) {
                if (pixel != 0) {
                    return true;
                }
            }
            return false;
        }

        LabelMask label() {
            return new LabelMask(width, height, rasterizer.pixels());
        }

        private static Polygon onTheGrid(Polygon polygon, PixelToMap map) {
            List<double[]> rings = new ArrayList<>();
            for (double[] ring : polygon.rings()) {
                double[] grid = new double[ring.length];
                for (int i = 0; i + 1 < ring.length; i += 2) {
                    grid[i] = map.column(ring[i], ring[i + 1]);
                    grid[i + 1] = map.row(ring[i], ring[i + 1]);
                }
                rings.add(grid);
            }
            return new Polygon(rings);
        }

        /** The map box of the tile's four corners. */
        private static double[] bounds(PixelToMap map, int width, int height) {
            double[] xs = {map.x(0, 0), map.x(width, 0), map.x(0, height), map.x(width, height)};
            double[] ys = {map.y(0, 0), map.y(width, 0), map.y(0, height), map.y(width, height)};
            return new double[] {Arrays.stream(xs).min().orElseThrow(), Arrays.stream(ys).min().orElseThrow(),
                    Arrays.stream(xs).max().orElseThrow(), Arrays.stream(ys).max().orElseThrow()};
        }
    }
}
