package org.meander.project.raster;

/**
 * How a tile's 8-bit colours read back as the values of the imagery they were stretched from (16-bit or
 * floating-point), in the units its near-infrared band is kept in: a water index must compare green with
 * near-infrared as the sensor measured both, not a green stretched for the eye with a near-infrared kept as measured.
 * Levels at the ends of the stretch read back as its ends, a quantisation of 256 levels between them.
 *
 * @param stretch  how the imagery's red, green and blue became the tile's colours
 * @param nirScale how its near-infrared band's values became the 16-bit levels kept ({@link NearInfraredScale})
 */
public record ColourRadiometry(BandStretch stretch, NearInfraredScale nirScale) {

    /**
     * What each level (0 to 255) of a tile's channel {@code channel} (0 red, 1 green, 2 blue) reads as, in the scale a
     * 16-bit near-infrared level reads as (its level over 65535): for each level, the imagery's value it was
     * stretched from.
     */
    public float[] values(int channel) {
        double low = stretch.low()[channel];
        double high = stretch.high()[channel];
        float[] values = new float[256];
        for (int level = 0; level < values.length; level++) {
            double value = low + level / 255.0 * (high - low);
            values[level] = (float) (Math.max(0, value * nirScale.factor()) / NearInfraredScale.MOST);
        }
        return values;
    }
}
