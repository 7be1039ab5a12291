package org.meander.project.vector;

import java.awt.Dimension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.meander.project.LabelMask;
import org.meander.project.Project;
import org.meander.project.RasterWindow;
import org.meander.project.Tile;
import org.meander.project.TileNames;
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
 * a whole export outlines it). A layer in another CRS than a tile's imagery is carried into it by EPSG code
 * ({@link Reprojection}). A tile's existing label is kept unless asked otherwise; a label it replaces stays in the
 * tile's history.
 */
public final class PolygonLabelImport {

    /**
     * What happened: the files read, their polygons, and the features the filter left out; the tiles labelled;
     * tiles whose label the polygons would not change; tiles that kept their own label; the layers carried into the
     * imagery's CRS; and each file or tile that could not be used, with the reason, and each polygon filled whose
     * rings are broken ({@link BrokenRings}).
     */
    public record Report(int files, long polygons, long featuresLeftOut, List<String> labelled, int unchanged,
                         List<String> keptTheirLabel, List<String> reprojected, List<String> problems) {
    }

    private PolygonLabelImport() {
    }

    /** Labels from the polygons of the features {@code where} admits in {@code files}. */
    public static Report run(Project project, List<Path> files, FeatureFilter where, boolean replace)
            throws IOException {
        List<String> problems = new ArrayList<>();
        List<String> reprojected = new ArrayList<>();
        List<LayerInCrs> layers = new ArrayList<>();
        for (GeoJsonLayer layer : read(files, where, problems)) {
            layers.add(new LayerInCrs(layer, tileNamed(project, layer), problems, reprojected));
        }
        List<String> labelled = new ArrayList<>();
        int unchanged = 0;
        List<String> kept = new ArrayList<>();
        for (Tile tile : project.tiles()) {
            TileFrame frame = TileFrame.of(project, tile);
            Dimension size = project.size(tile);
            TileFill fill = new TileFill(size.width, size.height);
            boolean named = false;
            for (LayerInCrs layer : layers) {
                if (layer.tile.equals(Optional.of(tile))) {
                    named |= fillFromItsOwnFile(fill, layer, frame, tile, problems);
                } else if (layer.tile.isEmpty()) {
                    layer.fillIfItReaches(fill, frame);
                }
            }
            if (!named && !fill.any()) {
                continue;
            }
            // read only now: most tiles of a large project lie beyond a layer's polygons
            Optional<LabelMask> existing = project.readLabel(tile);
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
        for (LayerInCrs layer : layers) {
            layer.unused().ifPresent(problems::add);
            problems.addAll(layer.brokenRingsFilled());
        }
        long polygons = layers.stream().mapToLong(layer -> layer.layer.polygons().size()).sum();
        long leftOut = layers.stream().mapToLong(layer -> layer.layer.filteredOut()).sum();
        return new Report(files.size(), polygons, leftOut, labelled, unchanged, kept, reprojected, problems);
    }

    /** A tile's own file: in its pixels without a map, else on the map, carried into its CRS when need be. */
    private static boolean fillFromItsOwnFile(TileFill fill, LayerInCrs layer, TileFrame frame, Tile tile,
                                              List<String> problems) {
        if (frame.map().isEmpty()) {
            layer.layer.polygons().forEach(polygon -> fill.add(polygon, Optional.empty()));
            layer.filled.set(0, layer.layer.polygons().size());
            return true;
        }
        if (frame.epsg().isEmpty()) {
            problems.add(layer.layer.file() + ": the imagery of " + tile.name() + " is in a CRS without an EPSG"
                    + " code, so a layer cannot be placed on it");
            return false;
        }
        Optional<List<Polygon>> polygons = layer.in(frame.epsg().getAsInt());
        polygons.ifPresent(list -> {
            list.forEach(polygon -> fill.add(polygon, frame.map()));
            layer.filled.set(0, list.size());
        });
        return polygons.isPresent();
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
        return project.tile(TileNames.stem(layer.file()));
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
    }

    /**
     * A layer, the tile it is named after (if any), and its polygons in each CRS a tile asks for, carried there once;
     * whether any tile could take it, and which of its polygons were filled into one.
     */
    private static final class LayerInCrs {

        final GeoJsonLayer layer;
        final Optional<Tile> tile;
        /** By index in the layer: a broken ring is worth a word only where it was filled into a tile. */
        final BitSet filled = new BitSet();
        private boolean placed;
        /** Its CRS could not be carried into a tile's, and the problem has been said. */
        private boolean unplaceable;
        private final Map<Integer, Optional<List<Polygon>>> byCrs = new HashMap<>();
        private final List<String> problems;
        private final List<String> reprojected;

        LayerInCrs(GeoJsonLayer layer, Optional<Tile> tile, List<String> problems, List<String> reprojected) {
            this.layer = layer;
            this.tile = tile;
            this.problems = problems;
            this.reprojected = reprojected;
        }

        /** Its polygons in the CRS, or empty (and a problem said once) when they cannot be carried there. */
        Optional<List<Polygon>> in(int epsg) {
            if (epsg == layer.epsg()) {
                return Optional.of(layer.polygons());
            }
            return byCrs.computeIfAbsent(epsg, code -> {
                try {
                    Reprojection reprojection = Reprojection.between(layer.epsg(), code);
                    List<Polygon> moved = layer.polygons().stream().map(reprojection::apply).toList();
                    reprojected.add(layer.file() + " from EPSG:" + layer.epsg() + " to EPSG:" + code);
                    return Optional.of(moved);
                } catch (IllegalArgumentException e) {
                    problems.add(layer.file() + ": " + e.getMessage());
                    unplaceable = true;
                    return Optional.empty();
                }
            });
        }

        /**
         * Fills its polygons that reach the tile: through the raster's pixels when the layer is named like the
         * tile's raster and that has no georeferencing, else on the map, carried into the tile's CRS when need be.
         */
        void fillIfItReaches(TileFill fill, TileFrame frame) {
            if (frame.rasterPixels().isPresent() && frame.raster().get().equals(TileNames.stem(layer.file()))) {
                placed = true;
                fillThoseThatReach(layer.polygons(), fill, frame.rasterPixels().get());
                return;
            }
            if (frame.map().isEmpty() || frame.epsg().isEmpty()) {
                return;
            }
            placed = true;
            in(frame.epsg().getAsInt()).ifPresent(list -> fillThoseThatReach(list, fill, frame.map().get()));
        }

        private void fillThoseThatReach(List<Polygon> polygons, TileFill fill, PixelToMap map) {
            for (int i = 0; i < polygons.size(); i++) {
                if (fill.addIfItReaches(polygons.get(i), map)) {
                    filled.set(i);
                }
            }
        }

        /** A problem for each polygon filled into a tile whose rings are broken, checked in the layer's own CRS. */
        List<String> brokenRingsFilled() {
            List<String> said = new ArrayList<>();
            filled.stream().forEach(i -> BrokenRings.of(layer.polygons().get(i))
                    .ifPresent(fault -> said.add(layer.placeOf(i) + ": " + fault)));
            return said;
        }

        /** Why a layer that names no tile labelled none, if it did not. */
        Optional<String> unused() {
            if (tile.isPresent() || !filled.isEmpty() || unplaceable || layer.polygons().isEmpty()) {
                return Optional.empty();
            }
            if (!placed) {
                return Optional.of(layer.file() + " names no tile, nor a raster without georeferencing cut into the"
                        + " project, and no tile's imagery is georeferenced with an EPSG code to place it by");
            }
            return Optional.of("none of the " + layer.polygons().size() + " polygons of " + layer.file()
                    + " reaches a tile of the project (it is in EPSG:" + layer.epsg() + ")");
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

        /** The same, for a polygon of a larger layer: only if its box reaches the tile's; says whether it did. */
        boolean addIfItReaches(Polygon polygon, PixelToMap map) {
            double[] box = polygon.bounds();
            double[] tile = bounds(map, width, height);
            if (box[0] < tile[2] && box[2] > tile[0] && box[1] < tile[3] && box[3] > tile[1]) {
                add(polygon, Optional.of(map));
                return true;
            }
            return false;
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
