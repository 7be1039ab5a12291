package org.meander.project.raster;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.util.OptionalDouble;

/**
 * A tile's colours stretched for the eye: each of red, green and blue between its own 2nd and 98th percentiles, as
 * GIS viewers show imagery by default, so that hazy or dark imagery shows its water's edges. A picture only: SAM and
 * the labels see the tile as stored. Black (the padding beyond a raster's edge) counts in no band's percentiles.
 */
public final class StretchedColour {

    private StretchedColour() {
    }

    public static BufferedImage of(BufferedImage colour) {
        Raster rgb = plainRgb(colour).getRaster();
        int[] bands = {0, 1, 2};
        Raster[] sources = {rgb, rgb, rgb};
        return RgbComposite.of(sources, bands,
                BandStretch.percentiles(sources, bands, NoData.of(OptionalDouble.of(0))));
    }

    /**
     * The picture drawn into plain 8-bit RGB, whose raster's bands are red, green and blue: a tile may be grey or
     * have a palette.
     */
    static BufferedImage plainRgb(BufferedImage colour) {
        BufferedImage rgb = new BufferedImage(colour.getWidth(), colour.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D graphics = rgb.createGraphics();
        graphics.drawImage(colour, 0, 0, null);
        graphics.dispose();
        return rgb;
    }
}
