package org.meander.project.raster;

import java.awt.image.Raster;
import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * The finite values of one band of floating-point samples (reflectances, say), sorted: values have no bins to count
 * them in as 16-bit integers have. At most {@link #MOST} of them, evenly spread over the band, are kept: percentiles
 * for a stretch need no more, and a large image's band would not fit in memory twice.
 */
final class FloatingPointSamples implements SampleDistribution {

    static final int MOST = 4_000_000;

    private final float[] sorted;

    private FloatingPointSamples(float[] sorted) {
        this.sorted = sorted;
    }

    /** Leaves out NaN, infinities and {@code noData}. */
    static FloatingPointSamples of(Raster raster, int band, OptionalDouble noData) {
        int width = raster.getWidth();
        int height = raster.getHeight();
        long pixels = (long) width * height;
        int step = (int) Math.max(1, (pixels + MOST - 1) / MOST);
        float[] kept = new float[(int) Math.min(pixels, MOST)];
        float[] row = new float[width];
        int count = 0;
        long position = 0;
        for (int y = 0; y < height; y++) {
            raster.getSamples(raster.getMinX(), raster.getMinY() + y, width, 1, band, row);
            for (int x = 0; x < width; x++, position++) {
                float value = row[x];
                boolean missing = !Float.isFinite(value) || noData.isPresent() && value == (float) noData.getAsDouble();
                if (position % step == 0 && !missing && count < kept.length) {
                    kept[count++] = value;
                }
            }
        }
        float[] values = Arrays.copyOf(kept, count);
        Arrays.sort(values);
        return new FloatingPointSamples(values);
    }

    @Override
    public double percentile(double fraction) {
        if (sorted.length == 0) {
            return 0;
        }
        long target = Math.max(1, (long) Math.ceil(fraction * sorted.length));
        return sorted[(int) Math.min(target, sorted.length) - 1];
    }
}
