package org.meander.project.raster;

import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.util.Arrays;

/**
 * How the samples of the red, green and blue bands become 8-bit: linearly from {@code low} (0) to {@code high} (255),
 * clamped. 8-bit data passes unchanged. Deeper data (16-bit integers, floating-point reflectances) is stretched per
 * band between its 2nd and 98th percentiles, as GIS viewers show it by default ("cumulative count cut"): real 16-bit
 * imagery fills a small part of its range, so dropping the low byte shows a black picture, and min-max would let a
 * few glints or dead pixels set the scale. A sample that is not a number (a float raster's nodata) becomes 0.
 */
public final class BandStretch {

    static final double LOW_PERCENTILE = 0.02;
    static final double HIGH_PERCENTILE = 0.98;

    private final double[] low;
    private final double[] high;

    public BandStretch(double[] low, double[] high) {
        if (low.length != 3 || high.length != 3) {
            throw new IllegalArgumentException("a stretch has a low and a high value for each of red, green, blue");
        }
        this.low = low.clone();
        this.high = high.clone();
        for (int c = 0; c < 3; c++) {
            if (!(this.high[c] > this.low[c])) {
                this.high[c] = this.low[c] + 1; // a constant band: it shows black, anything above it brighter
            }
        }
    }

    /** 0 to 255 unchanged: for 8-bit data. */
    public static BandStretch identity() {
        return new BandStretch(new double[] {0, 0, 0}, new double[] {255, 255, 255});
    }

    /**
     * The stretch for {@code bands} (0-based, red green blue) of {@code sample}: the identity when every band holds
     * 8-bit integers, otherwise the 2nd to 98th percentile of each band's samples, leaving out {@code noData}.
     */
    public static BandStretch measure(Raster sample, int[] bands, NoData noData) {
        requireReadableSamples(sample);
        if (!isFloatingPoint(sample) && bitsPerSample(sample) <= 8) {
            return identity();
        }
        return percentiles(new Raster[] {sample, sample, sample}, bands, noData);
    }

    /**
     * The 2nd to 98th percentile of each of red, green and blue, taken from band {@code bands[c]} of
     * {@code sources[c]}, whatever their depth, leaving out {@code noData} (and, for floating-point samples, values
     * that are not finite).
     */
    public static BandStretch percentiles(Raster[] sources, int[] bands, NoData noData) {
        double[] low = new double[3];
        double[] high = new double[3];
        for (int c = 0; c < 3; c++) {
            SampleDistribution samples = isFloatingPoint(sources[c])
                    ? FloatingPointSamples.of(sources[c], bands[c], noData)
                    : SampleHistogram.of(sources[c], bands[c], noData);
            low[c] = samples.percentile(LOW_PERCENTILE);
            high[c] = samples.percentile(HIGH_PERCENTILE);
        }
        return new BandStretch(low, high);
    }

    static int bitsPerSample(Raster raster) {
        return Arrays.stream(raster.getSampleModel().getSampleSize()).max().orElse(8);
    }

    static boolean isFloatingPoint(Raster raster) {
        int type = raster.getSampleModel().getDataType();
        return type == DataBuffer.TYPE_FLOAT || type == DataBuffer.TYPE_DOUBLE;
    }

    /** Fails for the samples this stretch does not cover: integers wider than 16 bits. */
    static void requireReadableSamples(Raster raster) {
        if (!isFloatingPoint(raster) && bitsPerSample(raster) > 16) {
            throw new IllegalArgumentException("its samples are " + bitsPerSample(raster) + "-bit integers; Meander"
                    + " reads 8- and 16-bit integers and floating-point numbers: convert it to 16-bit (for example"
                    + " with gdal_translate -ot UInt16 -scale) and try again");
        }
    }

    /** The 8-bit value of {@code sample} in channel {@code c} (0 red, 1 green, 2 blue). */
    public int toByte(int c, double sample) {
        if (!(sample > low[c])) {
            return 0; // NaN included
        }
        if (sample >= high[c]) {
            return 255;
        }
        // for integers, the same as rounding (sample - low) * 255 / (high - low) half up in integer arithmetic
        return (int) Math.floor(((sample - low[c]) * 255 + (high[c] - low[c]) / 2) / (high[c] - low[c]));
    }

    public double[] low() {
        return low.clone();
    }

    public double[] high() {
        return high.clone();
    }

    @Override
    public String toString() {
        return "stretch low " + Arrays.toString(low) + " high " + Arrays.toString(high);
    }
}
