package org.meander.project.edit;

import java.util.Arrays;
import java.util.List;

/**
 * A closed polygon, rasterised by the even-odd rule: a pixel is inside when a ray from its centre crosses the outline
 * an odd number of times, so a self-crossing outline (a researcher's loop drawn over itself) leaves the doubly
 * enclosed part out. Crossings are half-open (a centre exactly on a left or bottom edge is in, on a right or top edge
 * out), so two polygons that share an edge never both claim a pixel.
 *
 * <p>Plain Java rather than OpenCV's {@code fillPoly}: OpenCV fills pixels whose integer positions lie inside or on the
 * outline, so it would claim the boundary pixels too and there is no way to ask it for "centres strictly inside".
 */
final class EvenOddPolygon {

    private final double[] xs;
    private final double[] ys;

    /** The vertices in order, each {x, y} in image pixels; the last joins the first. */
    EvenOddPolygon(List<double[]> vertices) {
        xs = new double[vertices.size()];
        ys = new double[vertices.size()];
        for (int i = 0; i < vertices.size(); i++) {
            double[] vertex = vertices.get(i);
            if (vertex.length != 2 || !Double.isFinite(vertex[0]) || !Double.isFinite(vertex[1])) {
                throw new IllegalArgumentException("polygon vertex " + i + " must be a finite {x, y}, got "
                        + Arrays.toString(vertex));
            }
            xs[i] = vertex[0];
            ys[i] = vertex[1];
        }
    }

    /** Sets every inside pixel of a row-major {@code width} x {@code height} image to {@code value}, in place. */
    void paint(byte[] pixels, int width, int height, byte value) {
        if (xs.length < 3) {
            return;
        }
        int firstRow = Math.max(0, (int) Math.floor(Arrays.stream(ys).min().orElseThrow()));
        int lastRow = Math.min(height - 1, (int) Math.ceil(Arrays.stream(ys).max().orElseThrow()));
        double[] crossings = new double[xs.length];
        for (int row = firstRow; row <= lastRow; row++) {
            double centreY = row + 0.5;
            int count = 0;
            for (int i = 0, j = xs.length - 1; i < xs.length; j = i++) {
                if ((ys[i] <= centreY) != (ys[j] <= centreY)) {
                    crossings[count++] = xs[j] + (centreY - ys[j]) * (xs[i] - xs[j]) / (ys[i] - ys[j]);
                }
            }
            Arrays.sort(crossings, 0, count);
            for (int k = 0; k + 1 < count; k += 2) {
                // Columns whose centre col + 0.5 lies in [enter, leave).
                int firstCol = Math.max(0, (int) Math.ceil(crossings[k] - 0.5));
                int lastCol = Math.min(width - 1, (int) Math.ceil(crossings[k + 1] - 0.5) - 1);
                if (firstCol <= lastCol) {
                    Arrays.fill(pixels, row * width + firstCol, row * width + lastCol + 1, value);
                }
            }
        }
    }
}
