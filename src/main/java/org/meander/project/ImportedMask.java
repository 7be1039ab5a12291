package org.meander.project;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;

/**
 * Turns a mask another tool wrote into a label. The first stored sample of each pixel is read: the gray value of a
 * 0/1 or 0/255 mask, the red channel of an RGB one, and the class index (not the colour) of a palette PNG.
 */
final class ImportedMask {

    private ImportedMask() {
    }

    /**
     * Foreground is every pixel equal to {@code classIndex}, or, when it is null, every pixel above zero; a class-index
     * mask (0 background, 1 river, 2 ...) imported without a class would otherwise make every class foreground.
     */
    static LabelMask convert(BufferedImage mask, Integer classIndex) {
        Raster raster = mask.getRaster();
        int width = raster.getWidth();
        int height = raster.getHeight();
        byte[] pixels = new byte[width * height];
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            raster.getSamples(0, y, width, 1, 0, row);
            for (int x = 0; x < width; x++) {
                boolean foreground = classIndex == null ? row[x] > 0 : row[x] == classIndex;
                pixels[y * width + x] = foreground ? (byte) 1 : 0;
            }
        }
        return new LabelMask(width, height, pixels);
    }

}
