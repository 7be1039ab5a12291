package org.meander.project.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.meander.project.LabelMask;

/**
 * COCO polygons filled as pycocotools 2.0.11 fills them: each expected mask is what {@code mask.decode(
 * mask.frPyObjects([polygon], h, w))} gave, row by row (and 400 random polygons matched it when this was written).
 */
class CocoPolygonTest {

    @Test
    void aTriangleReachingBeyondTheImage() {
        assertFills("00001111 11111111 11111111 01111111 00011111 00001111", 6, 8,
                -2.3, 1.2, 9.6, -0.4, 7.1, 7.7);
    }

    @Test
    void aConcaveOutline() {
        assertFills("0000000 0000000 0001000 0011100 1111110", 5, 7,
                0.2, 0.2, 6.8, 4.8, 0.2, 4.8, 3.3, 2.1);
    }

    @Test
    void edgesThroughPixelCentres() {
        assertFills("000000000 001111110 001111110 001111110 001111110 001111110 000000000", 7, 9,
                1.5, 0.5, 7.5, 0.5, 7.5, 5.5, 1.5, 5.5);
    }

    private static void assertFills(String rows, int height, int width, double... xy) {
        String expected = rows.replace(" ", "");
        byte[] pixels = new byte[height * width];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (expected.charAt(i) - '0');
        }
        assertEquals(new LabelMask(width, height, pixels), CocoPolygon.mask(xy, height, width));
    }
}
