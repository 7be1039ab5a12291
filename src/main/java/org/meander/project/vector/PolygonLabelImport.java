package org.meander.project.vector;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.meander.project.LabelMask;
import org.meander.project.Project;
import org.meander.project.Tile;
import org.meander.project.raster.Georeferencing;
import org.meander.project.raster.PixelToMap;
import org.meander.weights.ErrorText;

/**
 * Labels from polygons: river outlines drawn in a GIS, or exported by Meander and edited there, filled into the
 * tiles they cover and marked IMPORTED, to be checked. A file named like a tile ({@code <tile>.geojson}) labels that
 * tile, in map coordinates when its imagery is georeferenced and in pixels otherwise, and labels it even when it
 * holds no polygon (no river there). Any other file labels every georeferenced tile of the same CRS that one of its
 * polygons reaches into, so one layer of a whole reach labels all the tiles cut from its orthomosaic. A tile's
 * existing label is kept unless asked otherwise; a label it replaces stays in the tile's history.
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
        List<GeoJsonLayer> layers = new ArrayList<>();
        long polygons = 0;
        long leftOut = 0;
        for (Path file : files) {
            try {
                GeoJsonLayer layer = GeoJsonLayer.read(file, where);
                layers.add(layer);
                polygons += layer.polygons().size();
                leftOut += layer.filteredOut();
                if (layer.otherGeometries() > 0) {
                    problems.add(file + ": " + (layer.otherGeometries() == 1 ? "a point or line"
                            : layer.otherGeometries() + " points or lines") + " left out; only polygons are labels");
                }
            } catch (IOException e) {
                problems.add(ErrorText.of(e));
            }
        }
        List<GeoJsonLayer> wide = layers.stream().filter(layer -> tileNamed(project, layer).isEmpty()).toList();
        boolean[] wideMatched = new boolean[wide.size()];
        List<Integer> tileCrs = new ArrayList<>();
        List<String> labelled = new ArrayList<>();
        int unchanged = 0;
        List<String> kept = new ArrayList<>();
        for (Tile tile : project.tiles()) {
            Optional<Georeferencing> georeferencing = project.georeferencing(tile);
            Optional<PixelToMap> map = georeferencing.flatMap(Georeferencing::pixelToMap);
            OptionalInt epsg = georeferencing.map(Georeferencing::epsg).orElse(OptionalInt.empty());
            epsg.ifPresent(code -> {
                if (!tileCrs.contains(code)) {
                    tileCrs.add(code);
                }
            });
            Optional<LabelMask> existing = project.readLabel(tile);
            LabelMask size = existing.isPresent() ? existing.get() : project.labelOrEmpty(tile);
            TileFill fill = new TileFill(size.width(), size.height(), map);
            boolean named = false;
            for (GeoJsonLayer layer : layers) {
                if (!tileNamed(project, layer).equals(Optional.of(tile))) {
                    continue;
                }
                if (map.isPresent() && (epsg.isEmpty() || epsg.getAsInt() != layer.epsg())) {
                    problems.add(layer.file() + " is in EPSG:" + layer.epsg() + " but the imagery of " + tile.name()
                            + " is in " + crsName(epsg) + "; reproject the file to it (ogr2ogr -t_srs) and import"
                            + " again");
                    continue;
                }
                named = true;
                layer.polygons().forEach(fill::add);
            }
            for (int i = 0; i < wide.size(); i++) {
                if (map.isPresent() && epsg.isPresent() && epsg.getAsInt() == wide.get(i).epsg()) {
                    wideMatched[i] = true;
                    wide.get(i).polygons().forEach(fill::addIfItReaches);
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
            if (!wideMatched[i]) {
                problems.add(wide.get(i).file() + " is in EPSG:" + wide.get(i).epsg() + " and names no tile; "
                        + (tileCrs.isEmpty()
                        ? "no tile's imagery is georeferenced, so only files named like a tile (in its pixels) label"
                                + " tiles"
                        : "the tiles' imagery is in EPSG:" + tileCrs.get(0) + (tileCrs.size() > 1 ? " and others" : "")
                                + ": reproject the file to it (ogr2ogr -t_srs EPSG:" + tileCrs.get(0) + ")"));
            }
        }
        return new Report(files.size(), polygons, leftOut, labelled, unchanged, kept, problems);
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
        String name = layer.file().getFileName().toString();
        int dot = name.lastIndexOf('.');
        return project.tile(dot > 0 ? name.substring(0, dot) : name);
    }

    private static String crsName(OptionalInt epsg) {
        return epsg.isPresent() ? "EPSG:" + epsg.getAsInt() : "a CRS without an EPSG code";
    }

    /** One tile's mask, filled from polygons in map coordinates (or in its pixels, without a map). */
    private static final class TileFill {

        private final int width;
        private final int height;
        private final Optional<PixelToMap> map;
        private final double[] mapBounds;
        private final PolygonRasterizer rasterizer;

        TileFill(int width, int height, Optional<PixelToMap> map) {
            this.width = width;
            this.height = height;
            this.map = map;
            this.mapBounds = map.map(m -> bounds(m, width, height)).orElse(null);
            this.rasterizer = new PolygonRasterizer(width, height);
        }

        void add(Polygon polygon) {
            rasterizer.fill(map.isPresent() ? onTheGrid(polygon, map.get()) : polygon);
        }

        void addIfItReaches(Polygon polygon) {
            double[] box = polygon.bounds();
            if (box[0] < mapBounds[2] && box[2] > mapBounds[0] && box[1] < mapBounds[3] && box[3] > mapBounds[1]) {
                add(polygon);
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
