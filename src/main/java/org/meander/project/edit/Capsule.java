package org.meander.project.edit;

/**
 * The points within {@code radius} of the segment from (x0, y0) to (x1, y1): the area one brush movement covers, a
 * disc when the two ends coincide. Coordinates are in image pixels, pixel (col, row) covering [col, col + 1) x
 * [row, row + 1), so its centre is at (col + 0.5, row + 0.5) and a pixel is covered when its centre is.
 *
 * <p>Painted in plain Java rather than with OpenCV's thick {@code line}: OpenCV takes an integer thickness and snaps
 * the ends to a fixed-point grid, so brush radii like 2.5 would not be honoured, and this exact distance test over the
 * segment's bounding box is a dozen lines with no copy into and out of a native matrix.
 */
record Capsule(double x0, double y0, double x1, double y1, double radius) {

    Capsule {
        if (!Double.isFinite(x0) || !Double.isFinite(y0) || !Double.isFinite(x1) || !Double.isFinite(y1)) {
            throw new IllegalArgumentException("brush positions must be finite, got (" + x0 + ", " + y0 + ") to ("
                    + x1 + ", " + y1 + ")");
        }
        requireRadius(radius);
    }

    /** The radius, if a brush can have it: finite and not negative. */
    static double requireRadius(double radius) {
        if (!(radius >= 0) || Double.isInfinite(radius)) {
            throw new IllegalArgumentException("a brush radius is finite and not negative, got " + radius);
        }
        return radius;
    }

    /** Sets every covered pixel of a row-major {@code width} x {@code height} image to {@code value}, in place. */
    void paint(byte[] pixels, int width, int height, byte value) {
        int firstCol = Math.max(0, (int) Math.floor(Math.min(x0, x1) - radius - 0.5));
        int lastCol = Math.min(width - 1, (int) Math.ceil(Math.max(x0, x1) + radius - 0.5));
        int firstRow = Math.max(0, (int) Math.floor(Math.min(y0, y1) - radius - 0.5));
        int lastRow = Math.min(height - 1, (int) Math.ceil(Math.max(y0, y1) + radius - 0.5));
        double dx = x1 - x0;
        double dy = y1 - y0;
        double lengthSquared = dx * dx + dy * dy;
        double radiusSquared = radius * radius;
        for (int row = firstRow; row <= lastRow; row++) {
            double py = row + 0.5 - y0;
            for (int col = firstCol; col <= lastCol; col++) {
                double px = col + 0.5 - x0;
                // The nearest point of the segment, as a fraction of the way from the first end to the second.
                double t = lengthSquared == 0 ? 0 : Math.max(0, Math.min(1, (px * dx + py * dy) / lengthSquared));
                double ex = px - t * dx;
                double ey = py - t * dy;
                if (ex * ex + ey * ey <= radiusSquared) {
                    pixels[row * width + col] = value;
                }
            }
        }
    }
}
