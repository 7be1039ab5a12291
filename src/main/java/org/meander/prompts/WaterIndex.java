package org.meander.prompts;

import java.util.Optional;
import org.meander.project.LabelMask;
import org.meander.project.raster.ColourRadiometry;
import org.meander.sam.RgbImage;

/**
 * McFeeters' normalised difference water index, (G - NIR) / (G + NIR): water reflects green and absorbs
 * near-infrared, so it scores above 0, while vegetation and dry ground reflect more near-infrared and score below.
 * Pixels scoring above {@code threshold} are water. Both bands are taken scaled to [0, 1] by their bit depth, a green
 * stretched from deeper imagery read back as the imagery's value first; for calibrated reflectances 0 is McFeeters'
 * threshold, while uncalibrated sensors may need another one.
 */
public record WaterIndex(double threshold) {

    public static final WaterIndex MCFEETERS = new WaterIndex(0);

    public WaterIndex {
        if (!(threshold >= -1 && threshold < 1)) {
            throw new IllegalArgumentException("a water index threshold lies in [-1, 1), got " + threshold);
        }
    }

    /**
     * The index of one pixel; NaN where both bands are 0 (nothing to compare) or where either has no value (NaN),
     * which is never water.
     */
    public static double of(double green, double nearInfrared) {
        double sum = green + nearInfrared;
        return sum == 0 ? Double.NaN : (green - nearInfrared) / sum;
    }

    /** Water where the index of the two row-major bands lies above the threshold. */
    public LabelMask select(float[] green, float[] nearInfrared, int width, int height) {
        if (green.length != (long) width * height || nearInfrared.length != green.length) {
            throw new IllegalArgumentException("the green (" + green.length + ") and near-infrared ("
                    + nearInfrared.length + ") bands must both hold " + width + " x " + height + " samples");
        }
        byte[] pixels = new byte[green.length];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = of(green[i], nearInfrared[i]) > threshold ? (byte) 1 : (byte) 0;
        }
        return new LabelMask(width, height, pixels);
    }

    /**
     * Water in a tile: its green against its near-infrared band, which must be the tile's size. Green is the tile's
     * channel {@code greenChannel} (1, unless the picture is false colour). Where the colours were stretched from
     * deeper imagery and the band is that imagery's (16-bit), the green is read back through {@code radiometry} as the
     * imagery's value, in the band's scale; an 8-bit band beside deeper imagery comes from another sensor, with no
     * units in common, and the green is taken as shown.
     */
    public LabelMask select(RgbImage tile, NearInfraredBand nearInfrared, Optional<ColourRadiometry> radiometry,
            int greenChannel) {
        if (nearInfrared.width() != tile.width() || nearInfrared.height() != tile.height()) {
            throw new IllegalArgumentException("the near-infrared band is " + nearInfrared.width() + " x "
                    + nearInfrared.height() + " but the tile is " + tile.width() + " x " + tile.height()
                    + " (width x height); the band must cover the tile pixel for pixel");
        }
        float[] levels = radiometry.filter(r -> nearInfrared.bits() > 8).map(r -> r.values(greenChannel))
                .orElseGet(WaterIndex::byBitDepth);
        byte[] rgb = tile.rgb();
        float[] green = new float[tile.size().pixels()];
        for (int i = 0; i < green.length; i++) {
            green[i] = levels[Byte.toUnsignedInt(rgb[3 * i + greenChannel])];
        }
        return select(green, nearInfrared.values(), tile.width(), tile.height());
    }

    /** 8-bit colours as they are, scaled to [0, 1] as an 8-bit near-infrared band is. */
    private static float[] byBitDepth() {
        float[] levels = new float[256];
        for (int level = 0; level < levels.length; level++) {
            levels[level] = level / 255f;
        }
        return levels;
    }
}
