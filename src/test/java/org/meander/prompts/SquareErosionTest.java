package org.meander.prompts;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class SquareErosionTest {

    @Test
    void regionEndingAtTheEdgeErodesFromTheEdge() {
        boolean[] full = filled(5 * 5);
        boolean[] eroded = SquareErosion.erode(full, 5, 5, 1, false);
        boolean[] expected = new boolean[25];
        for (int y = 1; y <= 3; y++) {
            for (int x = 1; x <= 3; x++) {
                expected[y * 5 + x] = true;
            }
        }
        assertArrayEquals(expected, eroded);
    }

    @Test
    void regionContinuingPastTheEdgeIsNotErodedByIt() {
        boolean[] full = filled(5 * 5);
        assertArrayEquals(full, SquareErosion.erode(full, 5, 5, 2, true));
    }

    /** The separable window test must agree with eroding by a 3x3 square k times, one step at a time. */
    @Test
    void matchesRepeatedThreeByThreeErosion() {
        SplittableRandom random = new SplittableRandom(7);
        int width = 23;
        int height = 17;
        for (int trial = 0; trial < 40; trial++) {
            boolean[] region = new boolean[width * height];
            for (int i = 0; i < region.length; i++) {
                region[i] = random.nextDouble() < 0.85;
            }
            for (int iterations = 0; iterations <= 4; iterations++) {
                for (boolean outsideIsMember : new boolean[] {false, true}) {
                    boolean[] expected = region;
                    for (int step = 0; step < iterations; step++) {
                        expected = erodeOnce(expected, width, height, outsideIsMember);
                    }
                    assertArrayEquals(expected, SquareErosion.erode(region, width, height, iterations, outsideIsMember),
                            "trial " + trial + ", " + iterations + " iterations, outside member " + outsideIsMember);
                }
            }
        }
    }

    private static boolean[] erodeOnce(boolean[] region, int width, int height, boolean outsideIsMember) {
        boolean[] out = new boolean[region.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean keep = true;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = x + dx;
                        int ny = y + dy;
                        boolean inside = nx >= 0 && ny >= 0 && nx < width && ny < height;
                        keep &= inside ? region[ny * width + nx] : outsideIsMember;
                    }
                }
                out[y * width + x] = keep;
            }
        }
        return out;
    }

    private static boolean[] filled(int length) {
        boolean[] all = new boolean[length];
        Arrays.fill(all, true);
        return all;
    }
}
