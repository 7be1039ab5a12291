package org.meander.sam;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** Expected values worked out by hand from PyTorch's source index (d + 0.5) * in / out - 0.5, clamped at 0. */
class BilinearResizeTest {

    /**
     * 2 -> 4: outputs sample the input at -0.25 (clamped to 0), 0.25, 0.75 and 1.25 (pixel 1 with itself at the
     * edge), so each row becomes [a, 0.75a + 0.25b, 0.25a + 0.75b, b], and the same along the columns.
     */
    @Test
    void enlargingTwoByTwoGivesQuarterSteps() {
        float[] src = {
                0, 4,
                8, 16};
        float[] expected = {
                0, 1, 3, 4,
                2, 3.25f, 5.75f, 7,
                6, 7.75f, 11.25f, 13,
                8, 10, 14, 16};
        assertArrayEquals(expected, BilinearResize.resize(src, 2, 2, 4, 4));
    }

    /**
     * 4 -> 2 samples at 0.5 and 2.5: midway between two pixels, without antialiasing. A single output samples the
     * centre, (0.5) * 4 - 0.5 = 1.5.
     */
    @Test
    void shrinkingDoesNotAntialias() {
        float[] src = {0, 10, 20, 100};
        assertArrayEquals(new float[] {5, 60}, BilinearResize.resize(src, 1, 4, 1, 2));
        assertArrayEquals(new float[] {15}, BilinearResize.resize(src, 1, 4, 1, 1));
    }

    @Test
    void equalSizesCopy() {
        float[] src = {1, -2, 3, 4.5f, 5, 6};
        assertArrayEquals(src, BilinearResize.resize(src, 2, 3, 2, 3));
    }

    @Test
    void topLeftIsTheCornerOfTheFullResize() {
        float[] src = new float[7 * 5];
        for (int i = 0; i < src.length; i++) {
            src[i] = (float) Math.sin(i * 0.7);
        }
        float[] full = BilinearResize.resize(src, 7, 5, 23, 17);
        float[] corner = BilinearResize.resizeTopLeft(src, 7, 5, 23, 17, 11, 9);
        for (int y = 0; y < 11; y++) {
            assertArrayEquals(Arrays.copyOfRange(full, y * 17, y * 17 + 9), Arrays.copyOfRange(corner, y * 9, y * 9 + 9));
        }
    }
}
