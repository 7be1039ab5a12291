package org.meander.project.raster;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;

/** The 8-bit RGB picture made of three chosen bands of a raster: what a tile shows and what SAM encodes. */
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
