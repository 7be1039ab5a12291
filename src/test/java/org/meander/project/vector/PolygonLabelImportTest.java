package org.meander.project.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;
import org.junit.jupiter.api.io.TempDir;
import org.meander.project.LabelMask;
import org.meander.project.LabelStatus;
import org.meander.project.Project;
import org.meander.project.RasterTiling;
import org.meander.project.Tile;
import org.meander.project.export.LabelExport;
import org.meander.project.raster.BandChoice;
import org.meander.project.raster.Window;
import org.meander.testing.Fixtures;
import org.meander.testing.RaggedMask;
import org.meander.testing.RiverTiles;
import org.meander.testing.TestRasters;
import org.meander.testing.TiledRasterProject;

/** Labels from GeoJSON polygons: exported outlines come back as the labels they came from, on the map or in pixels. */
class PolygonLabelImportTest {

    @TempDir
    Path temp;

    @Test
    void theStitchedOutlinesOfARasterLabelEveryTileOfAFreshCutExactly() throws IOException {
        assertStitchedOutlinesFillAFreshCut(TiledRasterProject.raster(temp.resolve("ortho.tif")));
    }

    /** A raster without georeferencing is outlined in its own pixels; the outlines fill its tiles back the same. */
    @Test
    void theStitchedOutlinesOfARasterWithoutAMapLabelItsTilesInItsPixels() throws IOException {
        assertStitchedOutlinesFillAFreshCut(TestRasters.tiff(temp.resolve("ortho.tif"), TestRasters.raster(
                TiledRasterProject.WIDTH, TiledRasterProject.HEIGHT, 3, 8, (x, y, b) -> (x * b + y) % 256), 0,
                List.of()));
    }

    /** Labelled tiles of the raster, exported whole; their stitched outlines then label a fresh cut of it. */
    private void assertStitchedOutlinesFillAFreshCut(Path raster) throws IOException {
        Project labelled = Project.open(TiledRasterProject.create(raster, temp.resolve("labelled")));
        LabelExport.write(labelled, LabelExport.Format.GEOJSON, temp.resolve("out"), LabelExport.Options.EVERY_LABEL,
                false);
        Project fresh = freshCut(raster);

        PolygonLabelImport.Report report = PolygonLabelImport.run(fresh,
                List.of(temp.resolve("out/stitched/ortho.geojson")), FeatureFilter.ALL, false);

        assertEquals(List.of(), report.problems());
        assertEquals(6, report.labelled().size());
        for (Tile tile : fresh.tiles()) {
            Tile same = labelled.tile(tile.name()).orElseThrow();
            assertEquals(labelled.readLabel(same), fresh.readLabel(tile), tile.name());
            assertEquals(LabelStatus.IMPORTED, fresh.status(tile), "to be checked");
        }
    }

    @Test
    void aRectangleDrawnOnTheMapLabelsTheTilesItReachesAndNoOthers() throws IOException {
        Project fresh = freshCut(TiledRasterProject.raster(temp.resolve("ortho.tif")));
        // pixels 100 to 139 across, 10 to 29 down, of the raster: 0.5 m pixels from (500000, 4000000), y north
        Path drawn = Files.writeString(temp.resolve("pond.geojson"), """
                {"type": "FeatureCollection",
                 "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::32610"}},
                 "features": [{"type": "Feature", "properties": {"name": "pond"}, "geometry": {"type": "Polygon",
                   "coordinates": [[[500050, 3999995], [500070, 3999995], [500070, 3999985], [500050, 3999985],
                                    [500050, 3999995]]]}}]}""");

        PolygonLabelImport.Report report = PolygonLabelImport.run(fresh, List.of(drawn), FeatureFilter.ALL, false);

        assertEquals(List.of(), report.problems());
        assertPond(fresh, report);
    }

    /**
     * The same pond drawn in longitude and latitude (GeoJSON's own CRS, as OpenStreetMap and most web layers come):
     * carried onto the imagery's UTM grid, it labels the same pixels.
     */
    @Test
    void aLayerInLongitudeAndLatitudeIsCarriedOntoTheImagerysGrid() throws IOException {
        Project fresh = freshCut(TiledRasterProject.raster(temp.resolve("ortho.tif")));
        ProjCoordinate centralMeridian = UTM10_TO_LON_LAT.transform(new ProjCoordinate(500000, 4000000),
                new ProjCoordinate());
        assertEquals(-123.0, centralMeridian.x, 1e-9, "UTM zone 10's central meridian");
        Path drawn = pondInLonLat(new double[][] {{500050, 3999995}, {500070, 3999995}, {500070, 3999985},
                {500050, 3999985}, {500050, 3999995}});

        PolygonLabelImport.Report report = PolygonLabelImport.run(fresh, List.of(drawn), FeatureFilter.ALL, false);

        assertEquals(List.of(), report.problems());
        assertEquals(List.of(drawn + " from EPSG:4326 to EPSG:32610"), report.reprojected());
        assertPond(fresh, report);
    }

    /** Pixels 100 to 139 across and 10 to 29 down of the raster are the pond, in every tile, and nothing else. */
    private static void assertPond(Project fresh, PolygonLabelImport.Report report) throws IOException {
        for (Tile tile : fresh.tiles()) {
            Window w = fresh.rasterWindow(tile).orElseThrow().window();
            boolean reaches = w.x() < 140 && w.x() + w.width() > 100 && w.y() < 30;
            if (!reaches) {
                assertTrue(fresh.readLabel(tile).isEmpty(), tile.name() + " is away from the pond");
                continue;
            }
            LabelMask label = fresh.readLabel(tile).orElseThrow();
            for (int y = 0; y < w.height(); y++) {
                for (int x = 0; x < w.width(); x++) {
                    int rx = x + w.x();
                    int ry = y + w.y();
                    boolean pond = rx >= 100 && rx < 140 && ry >= 10 && ry < 30;
                    assertEquals(pond ? 1 : 0, label.pixels()[y * w.width() + x], tile.name() + " " + x + ", " + y);
                }
            }
        }
        assertEquals(2, report.labelled().size(), "the pond lies where the first two columns of tiles overlap");
    }

    @Test
    void tilesWithoutAMapTakeTheirOwnFilesInPixelsAndAnEmptyFileMeansNoRiver() throws IOException {
        Project source = riverProject(temp.resolve("source"));
        source.writeLabel(source.tile("a").orElseThrow(), riverBand(), LabelStatus.ACCEPTED);
        source.writeLabel(source.tile("b").orElseThrow(), empty(), LabelStatus.ACCEPTED);
        LabelExport.write(source, LabelExport.Format.GEOJSON, temp.resolve("out"), LabelExport.Options.EVERY_LABEL,
                false);
        Project target = riverProject(temp.resolve("target"));

        PolygonLabelImport.Report report = PolygonLabelImport.run(target,
                List.of(temp.resolve("out/a.geojson"), temp.resolve("out/b.geojson")), FeatureFilter.ALL, false);

        assertEquals(2, report.labelled().size());
        assertEquals(riverBand(), target.readLabel(target.tile("a").orElseThrow()).orElseThrow());
        assertEquals(empty(), target.readLabel(target.tile("b").orElseThrow()).orElseThrow());
        assertTrue(target.readLabel(target.tile("c").orElseThrow()).isEmpty(), "no file names c");
    }

    @Test
    void aTilesOwnLabelIsKeptUnlessReplacedAndThenKeptInItsHistory() throws IOException {
        Project source = riverProject(temp.resolve("source"));
        source.writeLabel(source.tile("a").orElseThrow(), riverBand(), LabelStatus.EDITED);
        LabelExport.write(source, LabelExport.Format.GEOJSON, temp.resolve("out"), LabelExport.Options.EVERY_LABEL,
                false);
        Project target = riverProject(temp.resolve("target"));
        Tile a = target.tile("a").orElseThrow();
        target.writeLabel(a, empty(), LabelStatus.ACCEPTED);
        List<Path> outlines = List.of(temp.resolve("out/a.geojson"));

        PolygonLabelImport.Report kept = PolygonLabelImport.run(target, outlines, FeatureFilter.ALL, false);
        assertEquals(List.of("a"), kept.keptTheirLabel());
        assertEquals(LabelStatus.ACCEPTED, target.status(a));

        PolygonLabelImport.Report replaced = PolygonLabelImport.run(target, outlines, FeatureFilter.ALL, true);
        assertEquals(1, replaced.labelled().size());
        assertEquals(riverBand(), target.readLabel(a).orElseThrow());
        assertEquals(LabelStatus.IMPORTED, target.status(a), "an accepted label replaced is no longer accepted");
        assertEquals(1, target.history(a).size(), "the accepted label it replaced");

        PolygonLabelImport.Report again = PolygonLabelImport.run(target, outlines, FeatureFilter.ALL, true);
        assertEquals(1, again.unchanged());
        assertEquals(1, target.history(a).size(), "nothing written when nothing changes");
    }

    @Test
    void layersThatReachNoTileOrCannotBePlacedSaySo() throws IOException {
        Project fresh = freshCut(TiledRasterProject.raster(temp.resolve("ortho.tif")));
        Path farAway = Files.writeString(temp.resolve("reach.geojson"), """
                {"type": "Feature", "geometry": {"type": "Polygon",
                  "coordinates": [[[-123.5, 48.1], [-123.4, 48.1], [-123.4, 48.0]]]}}""");
        Path unknownCrs = Files.writeString(temp.resolve("local.geojson"), """
                {"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "EPSG:999999"}},
                 "features": [{"type": "Feature", "geometry": {"type": "Polygon",
                  "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}}]}""");

        PolygonLabelImport.Report report = PolygonLabelImport.run(fresh,
                List.of(farAway, unknownCrs, temp.resolve("no.json")), FeatureFilter.ALL, false);

        assertEquals(0, report.labelled().size());
        List<String> problems = report.problems();
        assertTrue(problems.stream().anyMatch(p -> p.contains("no.json")), problems.toString());
        assertTrue(problems.contains("none of the 1 polygons of " + farAway + " reaches a tile of the project (it"
                + " is in EPSG:4326)"), problems.toString());
        assertTrue(problems.stream().noneMatch(p -> p.contains("not closed")), "its unclosed ring filled nothing: "
                + problems);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(unknownCrs + ": EPSG:999999 is not a coordinate"
                + " system Meander knows")), problems.toString());
    }

    /**
     * GDAL fills an unclosed ring as if closed, and so does Meander, but says so: RFC 7946 wants rings closed, and a
     * GIS that left one open may have dropped more than its last position.
     */
    @Test
    void anUnclosedRingIsFilledAsIfClosedAndNamed() throws IOException {
        String feature = """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon",
                    "coordinates": [[[0, 0], [20, 0], [20, 20], [0, 20], [0, 0]]]}},
                  {"type": "Feature", "id": "reach-7", "properties": {"name": "lower reach"}, "geometry": {
                    "type": "Polygon", "coordinates": [[[30, 100.5], [256, 100.5], [240, 160], [30, 160]%s]]}}]}""";
        Project open = riverProject(temp.resolve("open"));
        Path unclosed = Files.writeString(Files.createDirectories(temp.resolve("unclosed")).resolve("a.geojson"),
                feature.formatted(""));
        Project closed = riverProject(temp.resolve("closed"));
        Path closedFile = Files.writeString(Files.createDirectories(temp.resolve("closed-file")).resolve("a.geojson"),
                feature.formatted(", [30, 100.5]"));

        PolygonLabelImport.Report report = PolygonLabelImport.run(open, List.of(unclosed), FeatureFilter.ALL, false);
        PolygonLabelImport.Report reference = PolygonLabelImport.run(closed, List.of(closedFile), FeatureFilter.ALL,
                false);

        assertEquals(List.of(), reference.problems());
        assertEquals(List.of(unclosed + ": feature 1 (id \"reach-7\"): its outer ring is not closed (its last"
                + " position differs from its first); filled as if closed — close it in your GIS"),
                report.problems());
        LabelMask label = open.readLabel(open.tile("a").orElseThrow()).orElseThrow();
        assertEquals(closed.readLabel(closed.tile("a").orElseThrow()).orElseThrow(), label, "filled as if closed");
        assertEquals(20, rowSum(label, 10), "the square");
        assertEquals(226, rowSum(label, 101), "the open ring, closed");
    }

    /**
     * A bow-tie is filled even-odd, as GDAL does, and named with where it crosses itself (in the layer's
     * coordinates, here the tile's pixels), so that the user can find the crossing.
     */
    @Test
    void aRingThatCrossesItselfIsFilledEvenOddAndTheCrossingNamed() throws IOException {
        Project target = riverProject(temp.resolve("target"));
        double[] bowTie = {20, 20, 120, 121, 120, 20, 20, 120, 20, 20};
        Path drawn = Files.writeString(temp.resolve("a.geojson"), """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "properties": {"name": "gravel bar"}, "geometry": {"type": "Polygon",
                    "coordinates": [[[20, 20], [120, 121], [120, 20], [20, 120], [20, 20]]]}}]}""");

        PolygonLabelImport.Report report = PolygonLabelImport.run(target, List.of(drawn), FeatureFilter.ALL, false);

        // the diagonals y = 20 + 1.01 (x - 20) and y = 140 - x meet at x = 140.2 / 2.01
        assertEquals(List.of(drawn + ": feature 0 (name \"gravel bar\"): its outer ring crosses itself at (69.75,"
                + " 70.25); filled even-odd, so part of it may come out as a hole — untangle it in your GIS"),
                report.problems());
        PolygonRasterizer evenOdd = new PolygonRasterizer(RiverTiles.SIZE, RiverTiles.SIZE);
        evenOdd.fill(new Polygon(List.of(bowTie)));
        LabelMask label = target.readLabel(target.tile("a").orElseThrow()).orElseThrow();
        assertArrayEquals(evenOdd.pixels(), label.pixels(), "filled as before");
        int area = 0;
        for (int y = 0; y < RiverTiles.SIZE; y++) {
            area += rowSum(label, y);
        }
        assertEquals(2 * 50 * 100 / 2, area, 150, "two triangles meeting at the crossing");
    }

    /** A layer carried onto the imagery's grid names its crossing in its own longitude and latitude, to 1 mm. */
    @Test
    void aCrossingIsNamedInTheLayersOwnCoordinates() throws IOException {
        Project fresh = freshCut(TiledRasterProject.raster(temp.resolve("ortho.tif")));
        Path drawn = pondInLonLat(new double[][] {{500050, 3999995}, {500070, 3999985}, {500070, 3999995},
                {500050, 3999985}, {500050, 3999995}});

        PolygonLabelImport.Report report = PolygonLabelImport.run(fresh, List.of(drawn), FeatureFilter.ALL, false);

        assertEquals(2, report.labelled().size());
        assertEquals(1, report.problems().size(), report.problems().toString());
        Matcher at = Pattern.compile(Pattern.quote(drawn + ": feature 0: its outer ring crosses itself at (")
                + "(-?\\d+\\.\\d{8}), (\\d+\\.\\d{8})\\); filled even-odd.*").matcher(report.problems().get(0));
        assertTrue(at.matches(), report.problems().get(0));
        ProjCoordinate centre = UTM10_TO_LON_LAT.transform(new ProjCoordinate(500060, 3999990), new ProjCoordinate());
        assertEquals(centre.x, Double.parseDouble(at.group(1)), 1e-8);
        assertEquals(centre.y, Double.parseDouble(at.group(2)), 1e-8);
    }

    /**
     * Each broken polygon is named by its feature's place in the file and its id or name, its place in a
     * multipolygon, and the ring at fault: the outer one or a hole. A ring of 3 positions (4 with the closing one
     * are the fewest) is a line there and back, and encloses nothing.
     */
    @Test
    void brokenRingsAreNamedByFeaturePolygonAndRing() throws IOException {
        Project target = riverProject(temp.resolve("target"));
        Path drawn = Files.writeString(temp.resolve("a.geojson"), """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "properties": null, "geometry": {"type": "Polygon", "coordinates": [
                    [[0, 0], [100, 0], [100, 100], [0, 100], [0, 0]],
                    [[10, 10], [20, 10], [20, 20], [10, 20], [10, 10]],
                    [[30, 30], [40, 30], [40, 40], [30, 40]]]}},
                  {"type": "Feature", "id": 7, "properties": {"name": "side channel"}, "geometry": {
                    "type": "MultiPolygon", "coordinates": [
                      [[[150, 0], [200, 0], [200, 50], [150, 0]]],
                      [[[150, 100], [200, 150], [150, 100]]]]}},
                  {"type": "Feature", "properties": {"name": "ok"}, "geometry": {"type": "Polygon",
                    "coordinates": [[[0, 200], [50, 200], [50, 250], [0, 200]]]}}]}""");

        PolygonLabelImport.Report report = PolygonLabelImport.run(target, List.of(drawn), FeatureFilter.ALL, false);

        assertEquals(List.of(drawn + ": feature 0: its hole 2 is not closed (its last position differs from its"
                + " first); filled as if closed — close it in your GIS",
                drawn + ": feature 1 (id 7), polygon 2 of 2: its outer ring has only 3 positions (a ring needs 4,"
                + " its last repeating its first), so it encloses nothing — redraw it in your GIS"),
                report.problems());
        assertEquals(4, report.polygons());
    }

    /** Outlines that Meander traced from a real, ragged river mask run along pixel edges and are never broken. */
    @Test
    void aRealLabelExportedAndImportedBackHasNoProblems() throws IOException {
        Path frames = Fixtures.shared().resolve("data/elwha-airborne");
        assumeTrue(Files.isDirectory(frames), "the shared Elwha frames are not here: " + frames);
        LabelMask ragged = RaggedMask.ofFrame(1);
        Project source = elwhaProject(temp.resolve("source"), frames);
        source.writeLabel(source.tiles().get(0), ragged, LabelStatus.ACCEPTED);
        LabelExport.write(source, LabelExport.Format.GEOJSON, temp.resolve("exact"), LabelExport.Options.EVERY_LABEL,
                false);
        LabelExport.write(source, LabelExport.Format.GEOJSON, temp.resolve("simplified"),
                new LabelExport.Options(null, false, 1.0), false);

        Project exact = elwhaProject(temp.resolve("exact-target"), frames);
        PolygonLabelImport.Report back = PolygonLabelImport.run(exact,
                List.of(temp.resolve("exact/airborne_1.geojson")), FeatureFilter.ALL, false);
        Project simplified = elwhaProject(temp.resolve("simplified-target"), frames);
        PolygonLabelImport.Report simplifiedBack = PolygonLabelImport.run(simplified,
                List.of(temp.resolve("simplified/airborne_1.geojson")), FeatureFilter.ALL, false);

        assertEquals(List.of(), back.problems());
        assertTrue(back.polygons() > 1000, back.polygons() + " polygons: a ragged mask");
        assertEquals(ragged, exact.readLabel(exact.tiles().get(0)).orElseThrow());
        assertEquals(List.of(), simplifiedBack.problems());
        assertEquals(1, simplifiedBack.labelled().size());
    }

    /** gdal_polygonize writes the land as polygons too: a filter takes the river's alone. */
    @Test
    void aFilterTakesTheRiversFeaturesAndLeavesTheLandOut() throws IOException {
        Project target = riverProject(temp.resolve("target"));
        Path polygonized = Files.writeString(temp.resolve("a.geojson"), """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "properties": {"DN": 0}, "geometry": {"type": "Polygon",
                    "coordinates": [[[0, 0], [256, 0], [256, 100], [0, 100], [0, 0]]]}},
                  {"type": "Feature", "properties": {"DN": 255}, "geometry": {"type": "Polygon",
                    "coordinates": [[[0, 100], [256, 100], [256, 160], [0, 160], [0, 100]]]}},
                  {"type": "Feature", "properties": {"DN": 0}, "geometry": {"type": "Polygon",
                    "coordinates": [[[0, 160], [256, 160], [256, 256], [0, 256], [0, 160]]]}}]}""");

        PolygonLabelImport.Report report = PolygonLabelImport.run(target, List.of(polygonized),
                FeatureFilter.parse("DN=255"), false);

        assertEquals(2, report.featuresLeftOut());
        LabelMask label = target.readLabel(target.tile("a").orElseThrow()).orElseThrow();
        for (int y = 0; y < RiverTiles.SIZE; y++) {
            boolean river = y >= 100 && y < 160;
            assertEquals(river ? RiverTiles.SIZE : 0, rowSum(label, y), "row " + y);
        }
    }

    private static int rowSum(LabelMask label, int y) {
        int sum = 0;
        for (int x = 0; x < label.width(); x++) {
            sum += label.pixels()[y * label.width() + x];
        }
        return sum;
    }

    private static Project elwhaProject(Path dir, Path frames) throws IOException {
        Files.createDirectories(dir.resolve("tiles"));
        Files.copy(frames.resolve("airborne_1.png"), dir.resolve("tiles/airborne_1.png"));
        return Project.open(dir);
    }

    private Project freshCut(Path raster) throws IOException {
        Path dir = temp.resolve("fresh");
        RasterTiling.tile(dir, raster, new RasterTiling.Settings(128, 32, BandChoice.DEFAULT), (d, t) -> { });
        return Project.open(dir);
    }

    private static Project riverProject(Path dir) throws IOException {
        for (String name : List.of("a", "b", "c")) {
            RiverTiles.tile(dir, name, true);
        }
        return Project.open(dir);
    }

    private static LabelMask riverBand() {
        byte[] pixels = new byte[RiverTiles.SIZE * RiverTiles.SIZE];
        for (int y = RiverTiles.RIVER_TOP; y <= RiverTiles.RIVER_BOTTOM; y++) {
            for (int x = y % 7; x < RiverTiles.SIZE; x++) {
                pixels[y * RiverTiles.SIZE + x] = 1;
            }
        }
        return new LabelMask(RiverTiles.SIZE, RiverTiles.SIZE, pixels);
    }

    private static LabelMask empty() {
        return new LabelMask(RiverTiles.SIZE, RiverTiles.SIZE, new byte[RiverTiles.SIZE * RiverTiles.SIZE]);
    }

    private static final CoordinateTransform UTM10_TO_LON_LAT = new CoordinateTransformFactory().createTransform(
            new CRSFactory().createFromName("EPSG:32610"), new CRSFactory().createFromName("EPSG:4326"));

    /** A GeoJSON Feature whose ring has these UTM zone 10 corners, written in longitude and latitude. */
    private Path pondInLonLat(double[][] utmCorners) throws IOException {
        StringBuilder ring = new StringBuilder();
        for (double[] corner : utmCorners) {
            ProjCoordinate lonLat = UTM10_TO_LON_LAT.transform(new ProjCoordinate(corner[0], corner[1]),
                    new ProjCoordinate());
            ring.append(ring.length() == 0 ? "" : ", ").append('[').append(lonLat.x).append(", ").append(lonLat.y)
                    .append(']');
        }
        return Files.writeString(temp.resolve("pond.geojson"),
                "{\"type\": \"Feature\", \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[" + ring + "]]}}");
    }
}
