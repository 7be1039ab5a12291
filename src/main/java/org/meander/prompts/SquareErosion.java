package org.meander.prompts;

/**
 * Binary erosion by a 3x3 square, repeated. Eroding k times by a 3x3 square equals one erosion by a (2k+1) square,
 * and a square is separable, so the work is a row pass and a column pass of window tests, whatever k is.
 */
final class SquareErosion {

    private SquareErosion() {
    }

    /**
     * Erodes a row-major region {@code iterations} times. {@code outsideIsMember} says whether pixels beyond the image
     * keep a neighbour alive (the region continues past the edge) or erode it (the region ends at the edge).
     */
    static boolean[] erode(boolean[] region, int width, int height, int iterations, boolean outsideIsMember) {
        if (iterations <= 0) {
            return region.clone();
        }
        boolean[] rows = new boolean[region.length];
        for (int y = 0; y < height; y++) {
            erodeLine(region, rows, y * width, 1, width, iterations, outsideIsMember);
        }
        boolean[] eroded = new boolean[region.length];
        for (int x = 0; x < width; x++) {
            erodeLine(rows, eroded, x, width, height, iterations, outsideIsMember);
        }
        return eroded;
    }

    /** A pixel survives when its line holds no hole within {@code radius} of it; prefix counts make that O(1). */
    private static void erodeLine(boolean[] in, boolean[] out, int start, int stride, int length, int radius,
                                  boolean outsideIsMember) {
        int[] holesBefore = new int[length + 1];
        for (int i = 0; i < length; i++) {
            holesBefore[i + 1] = holesBefore[i] + (in[start + i * stride] ? 0 : 1);
        }
        for (int i = 0; i < length; i++) {
            int from = i - radius;
            int to = i + radius;
            boolean windowLeavesImage = from < 0 || to >= length;
            int holes = holesBefore[Math.min(to, length - 1) + 1] - holesBefore[Math.max(from, 0)];
            out[start + i * stride] = holes == 0 && (outsideIsMember || !windowLeavesImage);
        }
    }
}
