package org.meander.sam;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * Expected values are worked out by hand from Pillow's Resample.c (and agree with Pillow 9.4). For a shrink by 2
 * the triangle filter is stretched to a support of 2 pixels and sampled at (x + 0.5 - centre) / 2, centre = 2d + 1;
 * the weights are normalised per output pixel, then each pass rounds half up to 8 bits.
 */
class PilBilinearResizeTest {

    /**
     * 4 -> 2: output 0 is centred at 1 and reads inputs 0..2 with weights .75 .75 .25, i.e. 3/7 3/7 1/7;
     * output 1 is centred at 3 and reads inputs 1..3 (4 is outside) with .25 .75 .75, i.e. 1/7 3/7 3/7.
     * [10 20 30 40] -> [(30 + 60 + 30) / 7, (20 + 90 + 120) / 7] = [17.14, 32.86] -> [17, 33].
     * [0 0 0 100] -> [0, 300 / 7 = 42.86 -> 43]. Plain 2x2 averaging would give [15, 35] and [0, 50].
     */
    @Test
    void shrinkingAntialiasesOverTwiceTheSupport() {
        assertArrayEquals(gray(17, 33), resize(gray(10, 20, 30, 40), 1, 4, 1, 2));
        assertArrayEquals(gray(0, 43), resize(gray(0, 0, 0, 100), 1, 4, 1, 2));
    }

    /**
     * 6 x 6 -> 3 x 3 with a single value v = 10 at row 2, column 2. Along each axis the weights are 3/7 3/7 1/7 on
     * inputs 0..2 (output 0), 1/8 3/8 3/8 1/8 on inputs 1..4 (output 1) and 1/7 3/7 3/7 on 3..5 (output 2), so input
     * 2 weighs 1/7, 3/8, 0 in outputs 0, 1, 2. Horizontal pass, row 2: [10/7 = 1.43, 30/8 = 3.75, 0] -> [1, 4, 0].
     * Vertical pass: column 0 [1/7, 3/8] of 1 -> [0, 0]; column 1 [1/7, 3/8] of 4 -> [0.57, 1.5] -> [1, 2].
     * Output (1,1) is 2 only because the first pass rounded: unrounded it would be 90/64 = 1.41 -> 1.
     */
    @Test
    void eachPassRoundsToEightBitsAsPilDoes() {
        int[] image = new int[36];
        image[2 * 6 + 2] = 10;
        byte[] expected = gray(
                0, 1, 0,
                0, 2, 0,
                0, 0, 0);
        assertArrayEquals(expected, resize(gray(image), 6, 6, 3, 3));
    }

    /**
     * 2 -> 4: no widening; output d is centred at (d + 0.5) / 2 and the weights are 1 - |x + 0.5 - centre|, so
     * outputs are 0, 0.25 * 10, 0.75 * 10, 10 (the edges read a single pixel) = [0, 2.5, 7.5, 10] -> [0, 3, 8, 10]:
     * bilinear with half-pixel centres, halves rounded up.
     */
    @Test
    void enlargingIsPlainBilinearWithHalfPixelCentres() {
        assertArrayEquals(gray(0, 3, 8, 10), resize(gray(0, 10), 1, 2, 1, 4));
    }

    @Test
    void channelsAreResizedIndependently() {
        byte[] rgb = {10, 0, 40, 20, 0, 30, 30, 0, 20, 40, 0, 10};
        byte[] expected = {17, 0, 33, 33, 0, 17};
        assertArrayEquals(expected, PilBilinearResize.resize(new RgbImage(new ImageSize(1, 4), rgb), new ImageSize(1, 2)).rgb());
    }

    private static byte[] resize(byte[] rgb, int h, int w, int newH, int newW) {
        return PilBilinearResize.resize(new RgbImage(new ImageSize(h, w), rgb), new ImageSize(newH, newW)).rgb();
    }

    /** A gray image as RGB: each value three times. */
    private static byte[] gray(int... values) {
        byte[] rgb = new byte[values.length * 3];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (byte) values[i / 3];
        }
        return rgb;
    }
}
