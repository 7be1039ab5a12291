package org.meander.project.raster;

import java.awt.image.Raster;

/**
 * How a near-infrared band's floating-point samples become the 16-bit levels of {@code nir/<tile>.png}: reflectances
 * (0 to 1, as Pix4D's and Metashape's reflectance maps hold) times {@link #REFLECTANCE}, so that a water index reads
 * them back as reflectances; values in other units (reflectance times 10000, digital numbers) as the nearest
 * integers, as 16-bit data is kept. Levels are clamped to 0 to 65535; a value that is not a number becomes 0.
 * Integer samples are kept as they are, whatever the scale.
 */
public record NearInfraredScale(double factor) {

    /** The highest 16-bit level. */
    public static final int MOST = 65535;
    public static final double REFLECTANCE = MOST;
    public static final NearInfraredScale UNCHANGED = new NearInfraredScale(1);
    /** A band whose 98th percentile lies above this holds something else than reflectances (glints reach 1.2). */
    static final double HIGHEST_REFLECTANCE = 1.5;

    public NearInfraredScale {
        if (!(factor > 0 && factor < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("a near-infrared scale is a positive number, got " + factor);
        }
    }

    /** The scale for band {@code band} of {@code sample} (a whole band, or every few pixels of one). */
    public static NearInfraredScale of(Raster sample, int band, NoData noData) {
        if (!BandStretch.isFloatingPoint(sample)) {
            return UNCHANGED;
        }
        double high = FloatingPointSamples.of(sample, band, noData).percentile(BandStretch.HIGH_PERCENTILE);
        return high <= HIGHEST_REFLECTANCE ? new NearInfraredScale(REFLECTANCE) : UNCHANGED;
    }

    /** The 16-bit level of a floating-point sample. */
    int level(double sample) {
        double scaled = sample * factor;
        if (!(scaled > 0)) {
            return 0; // NaN included
        }
        return scaled >= MOST ? MOST : (int) (scaled + 0.5);
    }
}
