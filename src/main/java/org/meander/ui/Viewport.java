package org.meander.ui;

/**
 * Where the tile sits in the view: image pixel (x, y) is drawn at (offsetX + x * scale, offsetY + y * scale).
 * Zooming keeps the image point under the cursor in place, as image viewers do.
 */
final class Viewport {

    static final double MIN_SCALE = 0.02;
    static final double MAX_SCALE = 64;

    private double scale = 1;
    private double offsetX;
    private double offsetY;

    double scale() {
        return scale;
    }

    double toViewX(double imageX) {
        return offsetX + imageX * scale;
    }

    double toViewY(double imageY) {
        return offsetY + imageY * scale;
    }

    double toImageX(double viewX) {
        return (viewX - offsetX) / scale;
    }

    double toImageY(double viewY) {
        return (viewY - offsetY) / scale;
    }

    /** The whole image, centred, as large as the view allows. */
    void fit(double imageWidth, double imageHeight, double viewWidth, double viewHeight) {
        if (imageWidth <= 0 || imageHeight <= 0 || viewWidth <= 0 || viewHeight <= 0) {
            return;
        }
        scale = Math.min(viewWidth / imageWidth, viewHeight / imageHeight);
        offsetX = (viewWidth - imageWidth * scale) / 2;
        offsetY = (viewHeight - imageHeight * scale) / 2;
    }

    /** One image pixel per view pixel, keeping the view point (viewX, viewY) on the same image point. */
    void actualSize(double viewX, double viewY) {
        zoomAt(viewX, viewY, 1 / scale);
    }

    /** Multiplies the scale by {@code factor}, keeping the image point under (viewX, viewY) in place. */
    void zoomAt(double viewX, double viewY, double factor) {
        double imageX = toImageX(viewX);
        double imageY = toImageY(viewY);
        scale = Math.max(MIN_SCALE, Math.min(MAX_SCALE, scale * factor));
        offsetX = viewX - imageX * scale;
        offsetY = viewY - imageY * scale;
    }

    void pan(double dx, double dy) {
        offsetX += dx;
        offsetY += dy;
    }
}
