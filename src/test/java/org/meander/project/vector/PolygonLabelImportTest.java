package org.meander.project.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        CoordinateTransform toLonLat = new CoordinateTransformFactory().createTransform(
                new CRSFactory().createFromName("EPSG:32610"), new CRSFactory().createFromName("EPSG:4326"));
        ProjCoordinate centralMeridian = toLonLat.transform(new ProjCoordinate(500000, 4000000), new ProjCoordinate());
        assertEquals(-123.0, centralMeridian.x, 1e-9, "UTM zone 10's central meridian");
        StringBuilder ring = new StringBuilder();
        for (double[] corner : new double[][] {{500050, 3999995}, {500070, 3999995}, {500070, 3999985},
                {500050, 3999985}, {500050, 3999995}}) {
            ProjCoordinate lonLat = toLonLat.transform(new ProjCoordinate(corner[0], corner[1]), new ProjCoordinate());
            ring.append(ring.length() == 0 ? "" : ", ").append('[').append(lonLat.x).append(", ").append(lonLat.y)
                    .append(']');
        }
        Path drawn = Files.writeString(temp.resolve("pond.geojson"),
                "{\"type\": \"Feature\", \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[" + ring + "]]}}");

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
                  "coordinates": [[[-123.5, 48.1], [-123.4, 48.1], [-123.4, 48.0], [-123.5, 48.1]]]}}""");
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
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(unknownCrs + ": EPSG:999999 is not a coordinate"
                + " system Meander knows")), problems.toString());
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
}
