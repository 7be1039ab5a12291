package org.meander.ui.image;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/** Turns 0/1 masks into translucent overlay images for the canvas. */
public final class MaskImages {

    private MaskImages() {
    }

    /** A width x height image, {@code argb} where the mask is set, transparent elsewhere. */
    public static WritableImage overlay(byte[] mask, int width, int height, int argb) {
        int[] pixels = new int[width * height];
        for (int i = 0; i < pixels.length; i++) {
            if (mask[i] != 0) {
                pixels[i] = argb;
            }
        }
        return image(pixels, width, height);
    }

    /**
     * Rewrites only the rectangle [x0, x1) x [y0, y1) of an overlay made by {@link #overlay} or {@link #outline}:
     * a brush stroke on a large tile touches a few thousand pixels, not the whole image.
     */
    public static void update(WritableImage image, byte[] mask, int width, int height, int x0, int y0, int x1, int y1,
                       int argb, boolean outline) {
        int left = Math.max(0, x0 - 1);
        int top = Math.max(0, y0 - 1);
        int right = Math.min(width, x1 + 1);
        int bottom = Math.min(height, y1 + 1);
        if (right <= left || bottom <= top) {
            return;
        }
        int w = right - left;
        int[] pixels = new int[w * (bottom - top)];
        for (int y = top; y < bottom; y++) {
            for (int x = left; x < right; x++) {
                int i = y * width + x;
                boolean on = outline ? isBoundary(mask, width, height, x, y) : mask[i] != 0;
                if (on) {
                    pixels[(y - top) * w + (x - left)] = outline ? argb | 0xff000000 : argb;
                }
            }
        }
        image.getPixelWriter().setPixels(left, top, w, bottom - top, PixelFormat.getIntArgbInstance(), pixels, 0, w);
    }

    private static boolean isBoundary(byte[] mask, int width, int height, int x, int y) {
        int i = y * width + x;
        return mask[i] != 0 && (x == 0 || y == 0 || x == width - 1 || y == height - 1
                || mask[i - 1] == 0 || mask[i + 1] == 0 || mask[i - width] == 0 || mask[i + width] == 0);
    }

    /** Only the mask's boundary (set pixels with an unset 4-neighbour or on the border), opaque. */
    public static WritableImage outline(byte[] mask, int width, int height, int argb) {
        int[] pixels = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (isBoundary(mask, width, height, x, y)) {
                    pixels[y * width + x] = argb | 0xff000000;
                }
            }
        }
        return image(pixels, width, height);
    }

    private static WritableImage image(int[] pixels, int width, int height) {
        WritableImage image = new WritableImage(width, height);
        image.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), pixels, 0, width);
        return image;
    }
}
