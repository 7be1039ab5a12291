package org.meander.project.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeoJsonLayerTest {

    @TempDir
    Path dir;

    private static final String SQUARE = "[[[0,0],[2,0],[2,2],[0,2],[0,0]]]";

    @Test
    void polygonsOfEveryKindAreReadAndPointsAndLinesCounted() throws IOException {
        GeoJsonLayer layer = read("""
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": %s}},
                  {"type": "Feature", "properties": {}, "geometry": {"type": "MultiPolygon",
                    "coordinates": [%s, [[[5,5],[6,5],[6,6],[5,5]], [[5.2,5.1],[5.8,5.1],[5.8,5.7],[5.2,5.1]]]]}},
                  {"type": "Feature", "properties": {}, "geometry": {"type": "GeometryCollection", "geometries": [
                    {"type": "Point", "coordinates": [1, 1]}, {"type": "Polygon", "coordinates": %s}]}},
                  {"type": "Feature", "properties": {}, "geometry": {"type": "LineString",
                    "coordinates": [[0, 0], [1, 1]]}},
                  {"type": "Feature", "properties": {}, "geometry": null}
                ]}""".formatted(SQUARE, SQUARE, SQUARE));

        assertEquals(4, layer.polygons().size());
        assertEquals(2, layer.polygons().get(2).rings().size(), "a ring and its hole");
        assertArrayEquals(new double[] {0, 0, 2, 0, 2, 2, 0, 2, 0, 0}, layer.polygons().get(0).rings().get(0));
        assertEquals(2, layer.otherGeometries());
        assertEquals(GeoJsonLayer.WGS84, layer.epsg(), "no crs member: GeoJSON's own WGS 84");
        assertEquals(List.of("feature 0", "feature 1, polygon 1 of 2", "feature 1, polygon 2 of 2", "feature 2"),
                layer.origins());
        assertEquals(dir.resolve("layer.geojson") + ": feature 1, polygon 2 of 2", layer.placeOf(2));
    }

    @Test
    void aPolygonsPlaceNamesItsFeaturesIdElseItsName() throws IOException {
        GeoJsonLayer layer = read("""
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "id": "reach-7", "properties": {"name": "lower"},
                   "geometry": {"type": "Polygon", "coordinates": %s}},
                  {"type": "Feature", "id": 12, "geometry": {"type": "Polygon", "coordinates": %s}},
                  {"type": "Feature", "properties": {"name": "side channel"},
                   "geometry": {"type": "Polygon", "coordinates": %s}}
                ]}""".formatted(SQUARE, SQUARE, SQUARE));

        assertEquals(List.of("feature 0 (id \"reach-7\")", "feature 1 (id 12)", "feature 2 (name \"side channel\")"),
                layer.origins());
        assertEquals(dir.resolve("layer.geojson").toString(), read("{\"type\": \"Polygon\", \"coordinates\": "
                + SQUARE + "}").placeOf(0), "a bare geometry: the file alone");
    }

    @Test
    void theCrsIsReadAsGdalAndQgisWriteIt() throws IOException {
        for (String name : new String[] {"urn:ogc:def:crs:EPSG::32610", "EPSG:32610",
                "urn:ogc:def:crs:EPSG:9.9:32610"}) {
            assertEquals(32610, read(crs(name)).epsg(), name);
        }
        assertEquals(4326, read(crs("urn:ogc:def:crs:OGC:1.3:CRS84")).epsg());
        GeoJsonLayer crsLast = read("""
                {"type": "FeatureCollection",
                 "features": [{"type": "Feature", "geometry": {"type": "Polygon", "coordinates": %s}}],
                 "crs": {"type": "name", "properties": {"name": "EPSG:2193"}}}""".formatted(SQUARE));
        assertEquals(2193, crsLast.epsg(), "a crs member after the features counts too");
        assertEquals(1, crsLast.polygons().size());
        IOException unknown = assertThrows(IOException.class, () -> read(crs("my local grid")));
        assertTrue(unknown.getMessage().contains("layer.geojson") && unknown.getMessage().contains("ogr2ogr"),
                unknown.getMessage());
    }

    @Test
    void aFilterAdmitsFeaturesByAPropertyAsANumberOrAsText() throws IOException {
        Path file = dir.resolve("layer.geojson");
        Files.writeString(file, """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "properties": {"DN": 255.0, "fclass": "river"},
                   "geometry": {"type": "Polygon", "coordinates": %s}},
                  {"type": "Feature", "properties": {"DN": 0, "fclass": "riverbank"},
                   "geometry": {"type": "Polygon", "coordinates": %s}},
                  {"type": "Feature", "properties": null, "geometry": {"type": "Polygon", "coordinates": %s}}
                ]}""".formatted(SQUARE, SQUARE, SQUARE));

        assertEquals(1, GeoJsonLayer.read(file, FeatureFilter.parse("DN=255")).polygons().size());
        assertEquals(2, GeoJsonLayer.read(file, FeatureFilter.parse("DN=255")).filteredOut());
        assertEquals(1, GeoJsonLayer.read(file, FeatureFilter.parse("fclass = river")).polygons().size());
        assertEquals(0, GeoJsonLayer.read(file, FeatureFilter.parse("DN=abc")).polygons().size());
        assertEquals(3, GeoJsonLayer.read(file).polygons().size());
        IllegalArgumentException noValue = assertThrows(IllegalArgumentException.class,
                () -> FeatureFilter.parse("DN"));
        assertTrue(noValue.getMessage().contains("KEY=VALUE"), noValue.getMessage());
    }

    @Test
    void brokenFilesAreRefusedNamingTheFileAndThePlace() {
        IOException notJson = assertThrows(IOException.class, () -> read("{\"type\": \"Feature\", "));
        assertTrue(notJson.getMessage().contains("layer.geojson is not JSON") && notJson.getMessage().contains("line"),
                notJson.getMessage());
        IOException badPosition = assertThrows(IOException.class, () -> read("""
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": %s}},
                  {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [[[0,0],["a",1],[1,1]]]}}
                ]}""".formatted(SQUARE)));
        assertTrue(badPosition.getMessage().contains("feature 1: a position must be [x, y] numbers"),
                badPosition.getMessage());
        IOException array = assertThrows(IOException.class, () -> read("[1, 2]"));
        assertTrue(array.getMessage().contains("not a GeoJSON object"), array.getMessage());
        IOException missing = assertThrows(IOException.class, () -> GeoJsonLayer.read(dir.resolve("none.geojson")));
        assertTrue(missing.getMessage().contains("none.geojson"), missing.getMessage());
    }

    private static String crs(String name) {
        return """
                {"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "%s"}},
                 "features": [{"type": "Feature", "geometry": {"type": "Polygon", "coordinates": %s}}]}"""
                .formatted(name, SQUARE);
    }

    private GeoJsonLayer read(String json) throws IOException {
        Path file = dir.resolve("layer.geojson");
        Files.writeString(file, json);
        return GeoJsonLayer.read(file);
    }
}
