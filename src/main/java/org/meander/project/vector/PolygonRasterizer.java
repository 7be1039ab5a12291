package org.meander.project.vector;

import java.util.Arrays;

/**
 * Fills polygons given in pixel-grid coordinates (pixel (i, j) spans i to i + 1 and j to j + 1) into a mask: a pixel
 * is foreground when its centre lies inside a polygon (even-odd over the polygon's rings), or inside any one of
 * several polygons. Polygons traced from a mask by {@link MaskTracer} fill back to that mask exactly. Each polygon
 * costs its edges plus the crossings in the rows it spans, so one large polygon (a river across a whole raster)
 * fills a tile without visiting the rows of the other tiles.
 */
public final class PolygonRasterizer {

    private final int width;
    private final int height;
    private final byte[] pixels;

    public PolygonRasterizer(int width, int height) {
        this.width = width;
        this.height = height;
        this.pixels = new byte[width * height];
    }

    /** The mask so far, one byte per pixel, 0 or 1, row-major; shared, not copied. */
    public byte[] pixels() {
        return pixels;
    }

    /** Adds the polygon's pixels to the mask. */
    public void fill(Polygon polygon) {
        int lowest = Integer.MAX_VALUE;
        int highest = Integer.MIN_VALUE;
        for (double[] ring : polygon.rings()) {
            for (int i = 1; i < ring.length; i += 2) {
                lowest = Math.min(lowest, rowAtOrBelow(ring[i]));
                highest = Math.max(highest, rowAtOrBelow(ring[i]));
            }
        }
        int firstRow = Math.max(lowest, 0);
        int lastRow = Math.min(highest, height - 1);
        if (firstRow > lastRow) {
            return;
        }
        int rows = lastRow - firstRow + 1;
        int[] counts = new int[rows + 1];
        forEachCrossing(polygon, firstRow, lastRow, (row, x) -> counts[row - firstRow + 1]++);
        for (int r = 0; r < rows; r++) {
            counts[r + 1] += counts[r];
        }
        double[] crossings = new double[counts[rows]];
        int[] next = Arrays.copyOf(counts, rows);
        forEachCrossing(polygon, firstRow, lastRow, (row, x) -> crossings[next[row - firstRow]++] = x);
        for (int r = 0; r < rows; r++) {
            Arrays.sort(crossings, counts[r], counts[r + 1]);
            int offset = (firstRow + r) * width;
            for (int k = counts[r]; k + 1 < counts[r + 1]; k += 2) {
                // pixels whose centre x + 0.5 lies in [from, to)
                int from = (int) Math.max(0, Math.ceil(crossings[k] - 0.5));
                int to = (int) Math.min(width, Math.ceil(crossings[k + 1] - 0.5));
                if (from < to) {
                    Arrays.fill(pixels, offset + from, offset + to, (byte) 1);
                }
            }
        }
    }

    private interface Crossing {
        void at(int row, double x);
    }

    /** Where each ring edge crosses the centre line y = row + 0.5 of each row from firstRow to lastRow. */
    private static void forEachCrossing(Polygon polygon, int firstRow, int lastRow, Crossing crossing) {
        for (double[] ring : polygon.rings()) {
            int n = ring.length / 2;
            for (int i = 0; i < n; i++) {
                int j = (i + 1) % n;
                double x1 = ring[2 * i];
                double y1 = ring[2 * i + 1];
                double x2 = ring[2 * j];
                double y2 = ring[2 * j + 1];
                if (y1 == y2) {
                    continue;
                }
                // centres y + 0.5 with min(y1, y2) <= y + 0.5 < max(y1, y2): each crossing counted once
                int from = Math.max(firstRow, (int) Math.ceil(Math.min(y1, y2) - 0.5));
                int to = Math.min(lastRow, (int) Math.ceil(Math.max(y1, y2) - 0.5) - 1);
                for (int row = from; row <= to; row++) {
                    double centre = row + 0.5;
                    crossing.at(row, x1 + (centre - y1) * (x2 - x1) / (y2 - y1));
                }
            }
        }
    }

    private static int rowAtOrBelow(double y) {
        return (int) Math.max(Integer.MIN_VALUE / 2, Math.min(Integer.MAX_VALUE / 2, Math.floor(y)));
    }
}
