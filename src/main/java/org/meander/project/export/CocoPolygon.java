package org.meander.project.export;

import java.util.Arrays;
import org.meander.project.LabelMask;

/**
 * A COCO polygon's pixels exactly as pycocotools' maskApi.c takes them ({@code rleFrPoly}, which
 * {@code annToMask} and every COCO training pipeline use): the outline is walked at five times the resolution, and
 * a pixel is inside from where the walk crosses its column's centre. Labels imported from a labelling tool's polygons
 * are then the masks Python code trains on, to the pixel.
 */
public final class CocoPolygon {

    private static final double SCALE = 5;

    private CocoPolygon() {
    }

    /** The mask of one polygon, x, y pairs in pixels (a pixel spans x to x + 1), at height x width. */
    public static LabelMask mask(double[] xy, int height, int width) {
        return CocoRle.decode(height, width, runs(xy, height, width));
    }

    /** {@code rleFrPoly}: the column-major runs, background first. */
    static long[] runs(double[] xy, int height, int width) {
        int k = xy.length / 2;
        int[] x = new int[k + 1];
        int[] y = new int[k + 1];
        for (int j = 0; j < k; j++) {
            x[j] = (int) (SCALE * xy[2 * j] + .5); // C's cast: toward zero, as maskApi.c rounds
            y[j] = (int) (SCALE * xy[2 * j + 1] + .5);
        }
        x[k] = x[0];
        y[k] = y[0];
        int m = 0;
        for (int j = 0; j < k; j++) {
            m += Math.max(Math.abs(x[j] - x[j + 1]), Math.abs(y[j] - y[j + 1])) + 1;
        }
        int[] u = new int[m];
        int[] v = new int[m];
        m = 0;
        for (int j = 0; j < k; j++) {
            int xs = x[j];
            int xe = x[j + 1];
            int ys = y[j];
            int ye = y[j + 1];
            int dx = Math.abs(xe - xs);
            int dy = Math.abs(ys - ye);
            boolean flip = (dx >= dy && xs > xe) || (dx < dy && ys > ye);
            if (flip) {
                int t = xs;
                xs = xe;
                xe = t;
                t = ys;
                ys = ye;
                ye = t;
            }
            double s = dx >= dy ? (double) (ye - ys) / dx : (double) (xe - xs) / dy;
            if (dx >= dy) {
                for (int d = 0; d <= dx; d++) {
                    int t = flip ? dx - d : d;
                    u[m] = t + xs;
                    v[m] = (int) (ys + s * t + .5);
                    m++;
                }
            } else {
                for (int d = 0; d <= dy; d++) {
                    int t = flip ? dy - d : d;
                    v[m] = t + ys;
                    u[m] = (int) (xs + s * t + .5);
                    m++;
                }
            }
        }
        // the points where the walk crosses a column's centre, downsampled
        long[] crossings = new long[m + 1];
        int n = 0;
        for (int j = 1; j < m; j++) {
            if (u[j] == u[j - 1]) {
                continue;
            }
            double xd = u[j] < u[j - 1] ? u[j] : u[j] - 1;
            xd = (xd + .5) / SCALE - .5;
            if (Math.floor(xd) != xd || xd < 0 || xd > width - 1) {
                continue;
            }
            double yd = v[j] < v[j - 1] ? v[j] : v[j - 1];
            yd = (yd + .5) / SCALE - .5;
            yd = Math.ceil(Math.min(Math.max(yd, 0), height));
            crossings[n++] = (long) xd * height + (long) yd;
        }
        crossings[n++] = (long) height * width;
        long[] sorted = Arrays.copyOf(crossings, n);
        Arrays.sort(sorted);
        // differences between crossings are the runs; a zero-length run merges its neighbours
        long previous = 0;
        for (int j = 0; j < n; j++) {
            long t = sorted[j];
            sorted[j] -= previous;
            previous = t;
        }
        long[] runs = new long[n];
        int count = 0;
        int j = 0;
        runs[count++] = sorted[j++];
        while (j < n) {
            if (sorted[j] > 0) {
                runs[count++] = sorted[j++];
            } else {
                j++;
                if (j < n) {
                    runs[count - 1] += sorted[j++];
                }
            }
        }
        return Arrays.copyOf(runs, count);
    }
}
