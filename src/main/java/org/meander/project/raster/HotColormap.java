package org.meander.project.raster;

/**
 * matplotlib's "hot" colour map, in which near-infrared frames are often rendered: black, through red and yellow, to
 * white as the value rises. Red rises first (from 0.0416 at 0 to 1 at 0.365), then green (to 1 at 0.746), then blue
 * (to 1 at 1), so one level has one colour and the map can be inverted. A rendering holds one of its 256 colours
 * (computed as matplotlib does: linear segments sampled at i/255, truncated to 8 bits); {@link #level} finds the
 * level whose colour is nearest, which recovers the rendered value exactly for a true "hot" rendering and
 * approximately for a similar red-yellow map.
 */
final class HotColormap {

    static final int LEVELS = 256;
    private static final double RED_END = 0.365079;
    private static final double GREEN_END = 0.746032;
    private static final double RED_START = 0.0416;
    private static final int[][] COLOURS = colours();

    private HotColormap() {
    }

    private static int[][] colours() {
        int[][] colours = new int[LEVELS][];
        for (int i = 0; i < LEVELS; i++) {
            double t = i / (double) (LEVELS - 1);
            double red = t >= RED_END ? 1 : RED_START + (1 - RED_START) * t / RED_END;
            double green = clamp((t - RED_END) / (GREEN_END - RED_END));
            double blue = clamp((t - GREEN_END) / (1 - GREEN_END));
            colours[i] = new int[] {(int) (red * 255), (int) (green * 255), (int) (blue * 255)};
        }
        return colours;
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    /** The level (0 to 255) whose colour is nearest to (r, g, b), by the sum of the channel differences. */
    static int level(int r, int g, int b) {
        int estimate = (int) Math.round(255 * piecewiseInverse(r, g, b));
        int best = estimate;
        int bestDistance = Integer.MAX_VALUE;
        for (int i = Math.max(0, estimate - 3); i <= Math.min(LEVELS - 1, estimate + 3); i++) {
            int d = distance(i, r, g, b);
            if (d < bestDistance) {
                best = i;
                bestDistance = d;
            }
        }
        return best;
    }

    /** The value in [0, 1] read off the channel that is still rising: blue if any, else green, else red. */
    private static double piecewiseInverse(int r, int g, int b) {
        if (b > 0) {
            return GREEN_END + b / 255.0 * (1 - GREEN_END);
        }
        if (g > 0) {
            return RED_END + g / 255.0 * (GREEN_END - RED_END);
        }
        return clamp((r / 255.0 - RED_START) / (1 - RED_START)) * RED_END;
    }

    /** The 8-bit red, green and blue of a level. */
    static int[] colour(int level) {
        return COLOURS[level].clone();
    }

    static int distance(int level, int r, int g, int b) {
        int[] c = COLOURS[level];
        return Math.abs(c[0] - r) + Math.abs(c[1] - g) + Math.abs(c[2] - b);
    }
}
