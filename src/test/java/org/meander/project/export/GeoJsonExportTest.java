package org.meander.project.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;
import org.meander.project.LabelMask;
import org.meander.project.Project;
import org.meander.project.Split;
import org.meander.project.Tile;
import org.meander.project.raster.Window;
import org.meander.project.vector.Outline;
import org.meander.project.vector.Ring;
import org.meander.testing.OutlineAssertions;
import org.meander.testing.TiledRasterProject;

/** Labels as GeoJSON outlines: on the map for a tiled GeoTIFF, stitched across its tiles, in pixels otherwise. */
class GeoJsonExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The test raster's top left corner on the map, and its pixel size (see TestRasters.georeferencing). */
    private static final double EAST = 500000;
    private static final double NORTH = 4000000;
    private static final double PIXEL = 0.5;

    @TempDir
    Path temp;

    @Test
    void eachTilesOutlinesLieOnTheMapOverItsWindow() throws IOException {
        Project project = Project.open(TiledRasterProject.create(
                TiledRasterProject.raster(temp.resolve("ortho.tif")), temp.resolve("project")));
        Path out = temp.resolve("out");

        GeoJsonExport.Written written = GeoJsonExport.write(project, out, tile -> true, false, 0);

        assertEquals(6, written.files());
        assertEquals(6, written.georeferenced());
        Tile r1c2 = project.tiles().get(5);
        assertEquals("ortho_r1_c2", r1c2.name());
        Window window = project.rasterWindow(r1c2).orElseThrow().window();
        JsonNode collection = JSON.readTree(out.resolve("ortho_r1_c2.geojson").toFile());
        assertEquals("FeatureCollection", collection.path("type").asText());
        assertEquals("urn:ogc:def:crs:EPSG::32610", collection.path("crs").path("properties").path("name").asText());
        JsonNode first = collection.path("features").get(0);
        assertEquals("ortho_r1_c2", first.path("properties").path("tile").asText());
        assertEquals(project.split(r1c2).key(), first.path("properties").path("split").asText());
        assertEquals("edited", first.path("properties").path("status").asText());
        assertEquals(first.path("properties").path("pixels").asLong() * PIXEL * PIXEL,
                first.path("properties").path("area").asDouble());
        double tileEast = EAST + window.x() * PIXEL;
        double tileNorth = NORTH - window.y() * PIXEL;
        for (JsonNode feature : collection.path("features")) {
            for (JsonNode ring : feature.path("geometry").path("coordinates")) {
                for (JsonNode point : ring) {
                    assertTrue(point.get(0).asDouble() >= tileEast
                            && point.get(0).asDouble() <= tileEast + window.width() * PIXEL, point.toString());
                    assertTrue(point.get(1).asDouble() <= tileNorth
                            && point.get(1).asDouble() >= tileNorth - window.height() * PIXEL, point.toString());
                }
            }
        }
        OutlineAssertions.assertCovers(project.readLabel(r1c2).orElseThrow(), onTheGrid(collection, tileEast,
                tileNorth));
    }

    @Test
    void theStitchedOutlinesAreTheKnownMaskWithTheRiverOnePolygonAcrossTiles() throws IOException {
        Project project = Project.open(TiledRasterProject.create(
                TiledRasterProject.raster(temp.resolve("ortho.tif")), temp.resolve("project")));
        Path out = temp.resolve("out");

        Map<String, Object> result = LabelExport.write(project, LabelExport.Format.GEOJSON, out,
                LabelExport.Options.EVERY_LABEL, false);

        assertEquals(List.of("ortho"), result.get("stitched"));
        JsonNode collection = JSON.readTree(out.resolve("stitched/ortho.geojson").toFile());
        assertEquals("ortho", collection.path("features").get(0).path("properties").path("raster").asText());
        List<Outline> outlines = onTheGrid(collection, EAST, NORTH);
        LabelMask known = new LabelMask(TiledRasterProject.WIDTH, TiledRasterProject.HEIGHT,
                TiledRasterProject.knownMask());
        OutlineAssertions.assertCovers(known, outlines);
        // the river crosses all six tiles and their seams; the specks are single pixels
        assertEquals(1, outlines.stream().filter(o -> o.area() > 1).count());
        Ring river = outlines.get(0).outer();
        assertEquals(0, minX(river));
        assertEquals(TiledRasterProject.WIDTH, maxX(river));
    }

    /** For web maps: the same outlines in longitude and latitude, which carried back to UTM give the mask again. */
    @Test
    void inLongitudeAndLatitudeTheStitchedOutlinesCarryBackToTheKnownMask() throws IOException {
        Project project = Project.open(TiledRasterProject.create(
                TiledRasterProject.raster(temp.resolve("ortho.tif")), temp.resolve("project")));
        Path out = temp.resolve("out");

        Map<String, Object> result = LabelExport.write(project, LabelExport.Format.GEOJSON_WGS84, out,
                LabelExport.Options.EVERY_LABEL, false);

        assertEquals(6, result.get("files"));
        JsonNode collection = JSON.readTree(out.resolve("stitched/ortho.geojson").toFile());
        assertTrue(collection.path("crs").isMissingNode(), "WGS 84 is GeoJSON's own CRS");
        CoordinateTransform toUtm = new CoordinateTransformFactory().createTransform(
                new CRSFactory().createFromName("EPSG:4326"), new CRSFactory().createFromName("EPSG:32610"));
        ObjectNode inUtm = collection.deepCopy();
        for (JsonNode feature : inUtm.path("features")) {
            for (JsonNode ring : feature.path("geometry").path("coordinates")) {
                for (JsonNode point : ring) {
                    double longitude = point.get(0).asDouble();
                    double latitude = point.get(1).asDouble();
                    assertTrue(longitude > -123.01 && longitude < -122.99 && latitude > 36.1 && latitude < 36.2,
                            point.toString());
                    ProjCoordinate utm = toUtm.transform(new ProjCoordinate(longitude, latitude),
                            new ProjCoordinate());
                    ((ArrayNode) point).set(0, utm.x);
                    ((ArrayNode) point).set(1, utm.y);
                }
            }
        }
        OutlineAssertions.assertCovers(new LabelMask(TiledRasterProject.WIDTH, TiledRasterProject.HEIGHT,
                TiledRasterProject.knownMask()), onTheGrid(inUtm, EAST, NORTH));
    }

    /** An export of nothing is refused, saying why, rather than an empty folder left to be wondered at. */
    @Test
    void inLongitudeAndLatitudeTilesWithoutAMapAreRefusedWhenNoneHasOne() throws IOException {
        Project project = ExportFixture.create(temp.resolve("project"));

        IOException e = assertThrows(IOException.class, () -> LabelExport.write(project,
                LabelExport.Format.GEOJSON_WGS84, temp.resolve("out"), LabelExport.Options.EVERY_LABEL, false));

        assertEquals(project.directory() + ": none of the 2 labelled tiles is placed on the Earth (their imagery has"
                + " no georeferencing with an EPSG code); export geojson for outlines in pixels", e.getMessage());
        assertFalse(Files.exists(temp.resolve("out")));
    }

    @Test
    void aSplitsOutlinesAreNotStitched() throws IOException {
        Project project = Project.open(TiledRasterProject.create(
                TiledRasterProject.raster(temp.resolve("ortho.tif")), temp.resolve("project")));
        Path out = temp.resolve("out");

        Map<String, Object> result = LabelExport.write(project, LabelExport.Format.GEOJSON, out,
                new LabelExport.Options(Split.TRAIN, false, 0), false);

        assertFalse(result.containsKey("stitched"));
        assertFalse(Files.exists(out.resolve("stitched")));
    }

    @Test
    void withoutGeoreferencingOutlinesAreInPixelsAndAnEmptyLabelHasNoFeature() throws IOException {
        Project project = ExportFixture.create(temp.resolve("project"));
        Path out = temp.resolve("out");

        Map<String, Object> result = LabelExport.write(project, LabelExport.Format.GEOJSON, out,
                LabelExport.Options.EVERY_LABEL, false);

        assertEquals(2, result.get("files"));
        assertEquals(1L, result.get("polygons"));
        assertEquals(0, result.get("georeferenced"));
        JsonNode a = JSON.readTree(out.resolve("a.geojson").toFile());
        assertTrue(a.path("crs").isMissingNode());
        JsonNode river = a.path("features").get(0);
        assertEquals(5, river.path("properties").path("pixels").asInt());
        assertTrue(river.path("properties").path("area").isMissingNode(), "no area without a map");
        assertEquals("[[[1,0],[3,0],[3,1],[4,1],[4,3],[3,3],[3,2],[2,2],[2,1],[1,1],[1,0]]]",
                rotatedToStartAt(river.path("geometry").path("coordinates"), 1, 0));
        OutlineAssertions.assertCovers(ExportFixture.A_LABEL, pixelOutlines(a));
        assertEquals(0, JSON.readTree(out.resolve("b.geojson").toFile()).path("features").size());
        assertFalse(Files.exists(out.resolve("c.geojson")), "c has no label");
    }

    /**
     * The collection's polygons back on the pixel grid of a raster whose top left corner lies at (east, north),
     * checking on the way that outer rings run counterclockwise on the map and holes clockwise (RFC 7946).
     */
    private static List<Outline> onTheGrid(JsonNode collection, double east, double north) {
        List<Outline> outlines = new ArrayList<>();
        for (JsonNode feature : collection.path("features")) {
            assertEquals("Polygon", feature.path("geometry").path("type").asText());
            JsonNode rings = feature.path("geometry").path("coordinates");
            List<Ring> holes = new ArrayList<>();
            for (int r = 1; r < rings.size(); r++) {
                assertTrue(mapArea(rings.get(r)) < 0, "a hole runs clockwise");
                holes.add(toGrid(rings.get(r), east, north));
            }
            assertTrue(mapArea(rings.get(0)) > 0, "an outer ring runs counterclockwise");
            outlines.add(new Outline(toGrid(rings.get(0), east, north), holes));
        }
        return outlines;
    }

    /** Pixel coordinates as they are (y down): rings already run the grid's way. */
    private static List<Outline> pixelOutlines(JsonNode collection) {
        List<Outline> outlines = new ArrayList<>();
        for (JsonNode feature : collection.path("features")) {
            JsonNode rings = feature.path("geometry").path("coordinates");
            List<Ring> holes = new ArrayList<>();
            for (int r = 1; r < rings.size(); r++) {
                holes.add(ring(rings.get(r), 1, 0, 1, 0, false));
            }
            outlines.add(new Outline(ring(rings.get(0), 1, 0, 1, 0, false), holes));
        }
        return outlines;
    }

    /** A map ring as grid corners, turned back round (the north-up map mirrors the grid). */
    private static Ring toGrid(JsonNode ring, double east, double north) {
        return ring(ring, 1 / PIXEL, -east / PIXEL, -1 / PIXEL, north / PIXEL, true);
    }

    private static Ring ring(JsonNode points, double xScale, double xOffset, double yScale, double yOffset,
                             boolean reverse) {
        assertEquals(points.get(0), points.get(points.size() - 1), "a closed ring");
        int n = points.size() - 1;
        int[] corners = new int[2 * n];
        for (int k = 0; k < n; k++) {
            JsonNode point = points.get(reverse ? n - 1 - k : k);
            double x = point.get(0).asDouble() * xScale + xOffset;
            double y = point.get(1).asDouble() * yScale + yOffset;
            assertEquals(Math.rint(x), x, 1e-6);
            assertEquals(Math.rint(y), y, 1e-6);
            corners[2 * k] = (int) Math.rint(x);
            corners[2 * k + 1] = (int) Math.rint(y);
        }
        return new Ring(corners);
    }

    private static double mapArea(JsonNode ring) {
        double sum = 0;
        for (int i = 0; i + 1 < ring.size(); i++) {
            sum += ring.get(i).get(0).asDouble() * ring.get(i + 1).get(1).asDouble()
                    - ring.get(i + 1).get(0).asDouble() * ring.get(i).get(1).asDouble();
        }
        return sum / 2;
    }

    /** The polygon's only ring, as JSON, started at corner (x, y): the corner a ring starts at is not fixed. */
    private static String rotatedToStartAt(JsonNode polygon, int x, int y) {
        assertEquals(1, polygon.size());
        JsonNode ring = polygon.get(0);
        int n = ring.size() - 1;
        int start = 0;
        while (ring.get(start).get(0).asInt() != x || ring.get(start).get(1).asInt() != y) {
            start++;
        }
        StringBuilder text = new StringBuilder("[[");
        for (int k = 0; k <= n; k++) {
            JsonNode point = ring.get((start + k) % n);
            text.append(k > 0 ? "," : "").append('[').append(point.get(0).asInt()).append(',')
                    .append(point.get(1).asInt()).append(']');
        }
        return text.append("]]").toString();
    }

    private static int minX(Ring ring) {
        int min = Integer.MAX_VALUE;
        for (int i = 0; i < ring.size(); i++) {
            min = Math.min(min, ring.x(i));
        }
        return min;
    }

    private static int maxX(Ring ring) {
        int max = Integer.MIN_VALUE;
        for (int i = 0; i < ring.size(); i++) {
            max = Math.max(max, ring.x(i));
        }
        return max;
    }
}
