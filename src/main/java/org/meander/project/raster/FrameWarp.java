package org.meander.project.raster;

/**
 * Where each pixel of a tile lies in another picture of the same ground, such as a near-infrared frame taken by a
 * second camera: tile pixel (x, y) is frame pixel (xx x + xy y + tx, yx x + yy y + ty), with pixel centres at whole
 * numbers, as OpenCV counts them.
 */
public record FrameWarp(double xx, double xy, double tx, double yx, double yy, double ty) {

    public static final FrameWarp IDENTITY = new FrameWarp(1, 0, 0, 0, 1, 0);

    /** A picture resized by {@code fx} across and {@code fy} down: pixel centres move as OpenCV's resize moves them. */
    public static FrameWarp resizing(double fx, double fy) {
        return new FrameWarp(fx, 0, 0.5 * fx - 0.5, 0, fy, 0.5 * fy - 0.5);
    }

    /** A frame of {@code frameWidth} x {@code frameHeight} stretched over a tile: its corners on the tile's corners. */
    public static FrameWarp stretched(int tileWidth, int tileHeight, int frameWidth, int frameHeight) {
        return resizing(frameWidth / (double) tileWidth, frameHeight / (double) tileHeight);
    }

    public static FrameWarp translation(double x, double y) {
        return new FrameWarp(1, 0, x, 0, 1, y);
    }

    public double frameX(double x, double y) {
        return xx * x + xy * y + tx;
    }

    public double frameY(double x, double y) {
        return yx * x + yy * y + ty;
    }

    /** This warp after {@code first}: a pixel goes through {@code first}, then through this. */
    public FrameWarp after(FrameWarp first) {
        return new FrameWarp(
                xx * first.xx + xy * first.yx, xx * first.xy + xy * first.yy, xx * first.tx + xy * first.ty + tx,
                yx * first.xx + yy * first.yx, yx * first.xy + yy * first.yy, yx * first.tx + yy * first.ty + ty);
    }

    /** Where each frame pixel lies on the tile. */
    public FrameWarp inverse() {
        double determinant = xx * yy - xy * yx;
        double ixx = yy / determinant;
        double ixy = -xy / determinant;
        double iyx = -yx / determinant;
        double iyy = xx / determinant;
        return new FrameWarp(ixx, ixy, -(ixx * tx + ixy * ty), iyx, iyy, -(iyx * tx + iyy * ty));
    }

    /** Frame pixels per tile pixel, along a side (the square root of the change in area). */
    public double scale() {
        return Math.sqrt(Math.abs(xx * yy - xy * yx));
    }

    /** How far, in frame pixels, a corner of a {@code width} x {@code height} tile lands from {@code other}'s. */
    public double distance(FrameWarp other, int width, int height) {
        double largest = 0;
        for (int[] corner : new int[][] {{0, 0}, {width - 1, 0}, {0, height - 1}, {width - 1, height - 1}}) {
            double dx = frameX(corner[0], corner[1]) - other.frameX(corner[0], corner[1]);
            double dy = frameY(corner[0], corner[1]) - other.frameY(corner[0], corner[1]);
            largest = Math.max(largest, Math.hypot(dx, dy));
        }
        return largest;
    }

    /** The six numbers row by row, as OpenCV's 2 x 3 warp matrix holds them. */
    double[] matrix() {
        return new double[] {xx, xy, tx, yx, yy, ty};
    }

    static FrameWarp of(double[] matrix) {
        return new FrameWarp(matrix[0], matrix[1], matrix[2], matrix[3], matrix[4], matrix[5]);
    }
}
