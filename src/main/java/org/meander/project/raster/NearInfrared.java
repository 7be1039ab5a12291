package org.meander.project.raster;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

/**
 * A tile's near-infrared band as a grey image, stored in {@code nir/<tile>.png} for water and vegetation indices:
 * 8-bit when the source is 8-bit, otherwise 16-bit with the source's values unchanged (indices need the radiometry,
 * not a display stretch).
 */
public final class NearInfrared {

    /**
     * A colour pixel counts as off the "hot" map when its colour is further than this (sum of channel differences)
     * from the nearest colour of the map: more than quantisation and a lossy re-save would explain.
     */
    private static final int OFF_MAP_DISTANCE = 12;
    /** More than this share of off-map pixels means the frame was not rendered with the hot map. */
    private static final double OFF_MAP_SHARE = 0.01;

    private NearInfrared() {
    }

    /** Band {@code band} (0-based) of {@code source}, values unchanged (negative 16-bit values become 0). */
    public static BufferedImage band(Raster source, int band) {
        BandStretch.requireIntegerSamples(source);
        int width = source.getWidth();
        int height = source.getHeight();
        boolean wide = source.getSampleModel().getSampleSize(band) > 8;
        BufferedImage grey = new BufferedImage(width, height,
                wide ? BufferedImage.TYPE_USHORT_GRAY : BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster out = grey.getRaster();
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            source.getSamples(source.getMinX(), source.getMinY() + y, width, 1, band, row);
            for (int x = 0; x < width; x++) {
                row[x] = Math.max(0, row[x]);
            }
            out.setSamples(0, y, width, 1, 0, row);
        }
        return grey;
    }

    /** What a separate near-infrared file held, as one value per pixel. */
    public record Frame(BufferedImage grey, boolean offMap) {
    }

    /**
     * A near-infrared frame from its own file: a grey image (with or without alpha) is taken as it is; a colour image
     * is a rendering with the "hot" colour map (black, red, yellow, white; brighter is more near-infrared), turned
     * back into its level 0 to 255 by {@link HotColormap}. {@code offMap} says the colours did not follow that map,
     * so the values are a rough guess.
     */
    public static Frame fromFile(BufferedImage image) {
        Raster raster = image.getRaster();
        if (raster.getNumBands() <= 2 && !(image.getColorModel() instanceof java.awt.image.IndexColorModel)) {
            return new Frame(band(raster, 0), false);
        }
        int width = image.getWidth();
        int height = image.getHeight();
        BufferedImage grey = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster out = grey.getRaster();
        int[] argb = new int[width];
        int[] levels = new int[width];
        long offMap = 0;
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, argb, 0, width);
            for (int x = 0; x < width; x++) {
                int r = argb[x] >> 16 & 0xff;
                int g = argb[x] >> 8 & 0xff;
                int b = argb[x] & 0xff;
                levels[x] = HotColormap.level(r, g, b);
                if (HotColormap.distance(levels[x], r, g, b) > OFF_MAP_DISTANCE) {
                    offMap++;
                }
            }
            out.setSamples(0, y, width, 1, 0, levels);
        }
        return new Frame(grey, offMap > OFF_MAP_SHARE * width * height);
    }
}
