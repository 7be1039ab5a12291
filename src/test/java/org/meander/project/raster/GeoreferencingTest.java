package org.meander.project.raster;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

    @Test
    void itSurvivesJson() {
        Georeferencing raster = of(doubles(33550, "0.5", "0.5", "0.0"),
                new TiffField(34737, "TIFFAsciis", List.of("WGS 84|")),
                new TiffField(34735, "TIFFShorts", List.of("1", "1", "0", "0")));

        assertEquals(raster, Georeferencing.fromJson(raster.toJson()));
    }
}
