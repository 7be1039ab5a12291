package org.meander.project.raster;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;

/**
 * The 8-bit RGB picture made of three chosen bands of a raster: what a tile shows and what SAM encodes; transparent
 * where the raster holds no data, when asked.
 */
public final class RgbComposite {

    private RgbComposite() {
    }

    /**
     * @param source  any region of a raster; its own coordinates (minX, minY) are respected
     * @param bands   0-based bands that become red, green and blue
     * @param stretch how each band's samples become 8-bit
     */
    public static BufferedImage of(Raster source, int[] bands, BandStretch stretch) {
        return of(new Raster[] {source, source, source}, bands, stretch);
    }

    /**
     * As {@link #of(Raster, int[], BandStretch)}, with an alpha channel, 0 where {@code noData} says a pixel holds
     * nothing, when some pixel does (a tile at the edge of a flight): the tile records where its imagery ends, which
     * the masks exported from its label mark as GDAL's nodata. SAM drops alpha, so it sees the same colours.
     */
    public static BufferedImage of(Raster source, int[] bands, BandStretch stretch, NoData noData) {
        BufferedImage rgb = of(source, bands, stretch);
        if (!noData.canMark(source)) {
            return rgb;
        }
        int width = source.getWidth();
        boolean[] empty = new boolean[width];
        BufferedImage rgba = null;
        for (int y = 0; y < source.getHeight(); y++) {
            noData.emptyPicture(source, bands, y, empty);
            for (int x = 0; x < width; x++) {
                if (empty[x]) {
                    rgba = rgba == null ? opaque(rgb) : rgba;
                    rgba.getRaster().setSample(x, y, 3, 0);
                }
            }
        }
        return rgba == null ? rgb : rgba;
    }

    /** The picture with an alpha channel, opaque everywhere. */
    private static BufferedImage opaque(BufferedImage rgb) {
        BufferedImage rgba = new BufferedImage(rgb.getWidth(), rgb.getHeight(), BufferedImage.TYPE_4BYTE_ABGR);
        byte[] in = ((DataBufferByte) rgb.getRaster().getDataBuffer()).getData();
        byte[] out = ((DataBufferByte) rgba.getRaster().getDataBuffer()).getData();
        for (int i = 0, o = 0; i < in.length; i += 3, o += 4) {
            out[o] = (byte) 255; // TYPE_4BYTE_ABGR stores alpha, blue, green, red; TYPE_3BYTE_BGR blue, green, red
            out[o + 1] = in[i];
            out[o + 2] = in[i + 1];
            out[o + 3] = in[i + 2];
        }
        return rgba;
    }

    /**
     * As {@link #of(Raster, int[], BandStretch)}, each of red, green and blue from a raster of its own (of the same
     * size): a near-infrared band kept apart from the colours, say.
     */
    public static BufferedImage of(Raster[] sources, int[] bands, BandStretch stretch) {
        for (Raster source : sources) {
            BandStretch.requireReadableSamples(source);
        }
        int width = sources[0].getWidth();
        int height = sources[0].getHeight();
        BufferedImage rgb = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        byte[] out = ((DataBufferByte) rgb.getRaster().getDataBuffer()).getData();
        int[] row = new int[width];
        double[] floatingRow = new double[width];
        for (int c = 0; c < 3; c++) {
            int position = 2 - c; // TYPE_3BYTE_BGR stores blue, green, red
            Raster source = sources[c];
            boolean floating = BandStretch.isFloatingPoint(source);
            for (int y = 0; y < height; y++) {
                int base = y * width * 3 + position;
                if (floating) {
                    source.getSamples(source.getMinX(), source.getMinY() + y, width, 1, bands[c], floatingRow);
                    for (int x = 0; x < width; x++) {
                        out[base + 3 * x] = (byte) stretch.toByte(c, floatingRow[x]);
                    }
                } else {
                    source.getSamples(source.getMinX(), source.getMinY() + y, width, 1, bands[c], row);
                    for (int x = 0; x < width; x++) {
                        out[base + 3 * x] = (byte) stretch.toByte(c, row[x]);
                    }
                }
            }
        }
        return rgb;
    }
}
