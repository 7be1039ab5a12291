package org.meander.project.raster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class GeoreferencingTest {

    static Georeferencing of(TiffField... fields) {
        return new Georeferencing(List.of(fields));
    }

    static TiffField doubles(int tag, String... values) {
        return new TiffField(tag, "TIFFDoubles", List.of(values));
    }

    @Test
    void aTiePointWithAPixelScaleMovesToTheWindowsTopLeft() {
        Georeferencing raster = of(doubles(33550, "0.5", "0.25", "0.0"),
                doubles(33922, "0.0", "0.0", "0.0", "500000.0", "4000000.0", "0.0"));

        Georeferencing tile = raster.shifted(862, 100);

        assertEquals(List.of("0.0", "0.0", "0.0", "500431.0", "3999975.0", "0.0"),
                tile.field(33922).orElseThrow().values());
        assertEquals(raster.field(33550), tile.field(33550), "the scale stays");
    }

    @Test
    void aTiePointAwayFromTheOriginIsMovedToo() {
        Georeferencing raster = of(doubles(33550, "2.0", "2.0", "0.0"),
                doubles(33922, "10.0", "20.0", "0.0", "1000.0", "5000.0", "0.0"));

        Georeferencing tile = raster.shifted(4, 6);

        // pixel (0, 0) of the tile is pixel (4, 6) of the raster: 6 and 14 pixels before the tie point
        assertEquals(List.of("0.0", "0.0", "0.0", "988.0", "5028.0", "0.0"),
                tile.field(33922).orElseThrow().values());
    }

    @Test
    void controlPointsKeepTheirGroundAndMoveInPixels() {
        Georeferencing raster = of(doubles(33922, "10.0", "20.0", "0.0", "1.0", "2.0", "0.0",
                "30.0", "40.0", "0.0", "3.0", "4.0", "0.0"));

        Georeferencing tile = raster.shifted(5, 7);

        assertEquals(List.of("5.0", "13.0", "0.0", "1.0", "2.0", "0.0", "25.0", "33.0", "0.0", "3.0", "4.0", "0.0"),
                tile.field(33922).orElseThrow().values());
    }

    @Test
    void aTransformationGetsTheMatchingTranslation() {
        // rotated 90 degrees: X = 2 j + 100, Y = -2 i + 50
        Georeferencing raster = of(doubles(34264, "0.0", "2.0", "0.0", "100.0", "-2.0", "0.0", "0.0", "50.0",
                "0.0", "0.0", "0.0", "0.0", "0.0", "0.0", "0.0", "1.0"));

        Georeferencing tile = raster.shifted(3, 5);

        List<String> m = tile.field(34264).orElseThrow().values();
        assertEquals("110.0", m.get(3));
        assertEquals("44.0", m.get(7));
        assertEquals("0.0", m.get(11));
        assertEquals("1.0", m.get(15));
    }

    static TiffField geoKeys(int... keys) {
        List<String> values = new java.util.ArrayList<>(List.of("1", "1", "0", Integer.toString(keys.length / 2)));
        for (int k = 0; k < keys.length; k += 2) {
            values.addAll(List.of(Integer.toString(keys[k]), "0", "1", Integer.toString(keys[k + 1])));
        }
        return new TiffField(34735, "TIFFShorts", values);
    }

    @Test
    void aTiePointAndScalePlaceTheGridNorthUp() {
        Georeferencing raster = of(doubles(33550, "0.5", "0.25", "0.0"),
                doubles(33922, "10.0", "20.0", "0.0", "1000.0", "5000.0", "0.0"));

        PixelToMap map = raster.pixelToMap().orElseThrow();

        // the tie point's pixel corner is where it says; columns run east, rows south
        assertEquals(1000.0, map.x(10, 20));
        assertEquals(5000.0, map.y(10, 20));
        assertEquals(1001.0, map.x(12, 24));
        assertEquals(4999.0, map.y(12, 24));
        assertTrue(map.mirrors());
        assertEquals(0.125, map.pixelArea());
        PixelToMap tile = raster.shifted(4, 6).pixelToMap().orElseThrow();
        assertEquals(map.x(4, 6), tile.x(0, 0));
        assertEquals(map.y(4, 6), tile.y(0, 0));
    }

    @Test
    void aTransformationIsTheMapAsItIs() {
        // rotated 90 degrees: X = 2 j + 100, Y = -2 i + 50
        Georeferencing raster = of(doubles(34264, "0.0", "2.0", "0.0", "100.0", "-2.0", "0.0", "0.0", "50.0",
                "0.0", "0.0", "0.0", "0.0", "0.0", "0.0", "0.0", "1.0"));

        PixelToMap map = raster.pixelToMap().orElseThrow();

        assertEquals(106.0, map.x(1, 3));
        assertEquals(48.0, map.y(1, 3));
        assertEquals(4.0, map.pixelArea());
        assertFalse(map.mirrors(), "a rotation keeps the way rings run");
    }

    @Test
    void pixelIsPointMovesTheGridHalfAPixelAsGdalDoes() {
        Georeferencing raster = of(doubles(33550, "2.0", "2.0", "0.0"),
                doubles(33922, "0.0", "0.0", "0.0", "1000.0", "5000.0", "0.0"), geoKeys(1025, 2));

        PixelToMap map = raster.pixelToMap().orElseThrow();

        // the tie point is pixel (0, 0)'s centre, so its top left corner lies a pixel's half west and north
        assertEquals(999.0, map.x(0, 0));
        assertEquals(5001.0, map.y(0, 0));
    }

    @Test
    void controlPointsAloneAreNoMap() {
        Georeferencing raster = of(doubles(33922, "10.0", "20.0", "0.0", "1.0", "2.0", "0.0",
                "30.0", "40.0", "0.0", "3.0", "4.0", "0.0"));

        assertTrue(raster.pixelToMap().isEmpty());
    }

    @Test
    void theCrsIsTheProjectedOneElseTheGeographicOne() {
        assertEquals(32610, of(geoKeys(1024, 1, 2048, 4326, 3072, 32610)).epsg().orElseThrow());
        assertEquals(4326, of(geoKeys(1024, 2, 2048, 4326)).epsg().orElseThrow());
        assertTrue(of(geoKeys(1024, 1, 3072, 32767)).epsg().isEmpty(), "user-defined");
        assertTrue(of(doubles(33550, "1.0", "1.0", "0.0")).epsg().isEmpty(), "no GeoKeys");
    }

    @Test
    void itSurvivesJson() {
        Georeferencing raster = of(doubles(33550, "0.5", "0.5", "0.0"),
                new TiffField(34737, "TIFFAsciis", List.of("WGS 84|")),
                new TiffField(34735, "TIFFShorts", List.of("1", "1", "0", "0")));

        assertEquals(raster, Georeferencing.fromJson(raster.toJson()));
    }
}
