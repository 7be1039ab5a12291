package org.meander.sam;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/**
 * An 8-bit RGB image, pixels interleaved row-major as r, g, b bytes: what PIL's {@code Image.convert("RGB")} holds,
 * and so what SAM's image processor resizes.
 */
public record RgbImage(ImageSize size, byte[] rgb) {

    public RgbImage {
        if (rgb.length != size.pixels() * 3) {
            throw new IllegalArgumentException("expected " + size.pixels() * 3 + " bytes for " + size + ", got " + rgb.length);
        }
    }

    /**
     * Converts any BufferedImage the way PIL's {@code convert("RGB")} does for the same file: alpha is dropped (not
     * composited), a gray image is replicated to three channels, 16-bit samples keep their high byte (as PIL reads
     * 16-bit PNGs). Samples are taken raw, without colour management, because that is what PIL does; palette,
     * premultiplied and other unusual layouts go through {@link BufferedImage#getRGB}, which yields sRGB.
     */
    public static RgbImage from(BufferedImage image) {
        ImageSize size = new ImageSize(image.getHeight(), image.getWidth());
        byte[] rgb = new byte[size.pixels() * 3];
        ColorModel model = image.getColorModel();
        if (hasRawRgbOrGraySamples(model)) {
            copySamples(image.getRaster(), model.getNumColorComponents(), model.getComponentSize(0), rgb);
        } else {
            copyArgb(image, rgb);
        }
        return new RgbImage(size, rgb);
    }

    public int height() {
        return size.height();
    }

    public int width() {
        return size.width();
    }

    private static boolean hasRawRgbOrGraySamples(ColorModel model) {
        if (model instanceof IndexColorModel || model.isAlphaPremultiplied()) {
            return false;
        }
        int colorType = model.getColorSpace().getType();
        boolean rgbOrGray = (colorType == ColorSpace.TYPE_RGB && model.getNumColorComponents() == 3)
                || (colorType == ColorSpace.TYPE_GRAY && model.getNumColorComponents() == 1);
        if (!rgbOrGray) {
            return false;
        }
        int bits = model.getComponentSize(0);
        for (int c = 1; c < model.getNumComponents(); c++) {
            if (model.getComponentSize(c) != bits) {
                return false;
            }
        }
        return bits == 8 || bits == 16;
    }

    /** Colour bands come first in the raster (R, G, B or gray), alpha, if any, last. */
    private static void copySamples(Raster raster, int colorBands, int bits, byte[] rgb) {
        int width = raster.getWidth();
        int bands = raster.getNumBands();
        int shift = bits - 8;
        int[] row = new int[width * bands];
        int out = 0;
        for (int y = 0; y < raster.getHeight(); y++) {
            raster.getPixels(0, y, width, 1, row);
            for (int x = 0, in = 0; x < width; x++, in += bands) {
                if (colorBands == 3) {
                    rgb[out++] = (byte) (row[in] >>> shift);
                    rgb[out++] = (byte) (row[in + 1] >>> shift);
                    rgb[out++] = (byte) (row[in + 2] >>> shift);
                } else {
                    byte gray = (byte) (row[in] >>> shift);
                    rgb[out++] = gray;
                    rgb[out++] = gray;
                    rgb[out++] = gray;
                }
            }
        }
    }

    private static void copyArgb(BufferedImage image, byte[] rgb) {
        int width = image.getWidth();
        int[] row = new int[width];
        int out = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int argb : row) {
                rgb[out++] = (byte) (argb >>> 16);
                rgb[out++] = (byte) (argb >>> 8);
                rgb[out++] = (byte) argb;
            }
        }
    }
}
