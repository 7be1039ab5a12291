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
        WritableImage image = new WritableImage(width, height);
        image.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), pixels, 0, width);
        return image;
    }
}
