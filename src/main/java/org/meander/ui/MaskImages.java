package org.meander.ui;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/** Turns 0/1 masks into translucent overlay images for the canvas. */
final class MaskImages {

    private MaskImages() {
    }

    /** A width x height image, {@code argb} where the mask is set, transparent elsewhere. */
    static WritableImage overlay(byte[] mask, int width, int height, int argb) {
        int[] pixels = new int[width * height];
        for (int i = 0; i < pixels.length; i++) {
            if (mask[i] != 0) {
                pixels[i] = argb;
            }
        }
        return image(pixels, width, height);
    }

    /** Only the mask's boundary (set pixels with an unset 4-neighbour or on the border), opaque. */
    static WritableImage outline(byte[] mask, int width, int height, int argb) {
        int[] pixels = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                if (mask[i] != 0 && (x == 0 || y == 0 || x == width - 1 || y == height - 1
                        || mask[i - 1] == 0 || mask[i + 1] == 0 || mask[i - width] == 0 || mask[i + width] == 0)) {
                    pixels[i] = argb | 0xff000000;
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
