package org.meander.project.raster;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.util.OptionalDouble;

/**
 * Pictures of a tile made with its near-infrared band, for telling water from land by eye: water absorbs near-infrared
 * light, so it is dark in the band whatever its colour (sediment-laden, glinting or shaded), while vegetation is
 * bright. Each band is stretched between its 2nd and 98th percentiles, as GIS viewers show bands by default. A band
 * with an alpha channel (a frame from another camera, warped onto the tile) has no value where alpha is 0: those
 * pixels show black and count in no stretch.
 */
public final class NearInfraredViews {

    private NearInfraredViews() {
    }

    /** The band alone, grey. */
    public static BufferedImage grey(Raster nearInfrared) {
        return compose(new Raster[] {nearInfrared, nearInfrared, nearInfrared}, new int[] {0, 0, 0});
    }

    /**
     * Colour infrared, the remote-sensing standard: near-infrared as red, red as green, green as blue. Vegetation
     * shows red, water dark blue to black, bare ground and sediment cyan to grey.
     *
     * @throws IllegalArgumentException when the band and the picture differ in size
     */
    public static BufferedImage falseColour(BufferedImage colour, Raster nearInfrared) {
        if (colour.getWidth() != nearInfrared.getWidth() || colour.getHeight() != nearInfrared.getHeight()) {
            throw new IllegalArgumentException("the near-infrared band is " + nearInfrared.getWidth() + " x "
                    + nearInfrared.getHeight() + " but the tile " + colour.getWidth() + " x " + colour.getHeight());
        }
        Raster rgb = StretchedColour.plainRgb(colour).getRaster();
        return compose(new Raster[] {nearInfrared, rgb, rgb}, new int[] {0, 0, 1});
    }

    /** The chosen band of each source as red, green and blue, each stretched by its own percentiles. */
    private static BufferedImage compose(Raster[] sources, int[] bands) {
        Raster nearInfrared = sources[0];
        boolean partial = nearInfrared.getNumBands() > 1;
        // where the band has no value its level is 0; leaving 0 out of every band's count costs a display stretch
        // nothing, while counting a quarter of the tile at 0 would set the near-infrared band's low end
        OptionalDouble noData = partial ? OptionalDouble.of(0) : OptionalDouble.empty();
        BufferedImage picture = RgbComposite.of(sources, bands,
                BandStretch.percentiles(sources, bands, NoData.of(noData)));
        if (partial) {
            int alpha = nearInfrared.getNumBands() - 1;
            for (int y = 0; y < picture.getHeight(); y++) {
                for (int x = 0; x < picture.getWidth(); x++) {
                    if (nearInfrared.getSample(nearInfrared.getMinX() + x, nearInfrared.getMinY() + y, alpha) == 0) {
                        picture.setRGB(x, y, 0);
                    }
                }
            }
        }
        return picture;
    }
}
