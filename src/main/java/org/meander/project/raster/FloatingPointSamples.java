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

    /** Leaves out NaN, infinities, GDAL's nodata value and pixels whose alpha or mask is 0. */
    static FloatingPointSamples of(Raster raster, int band, NoData noData) {
        int width = raster.getWidth();
        int height = raster.getHeight();
        long pixels = (long) width * height;
        int step = (int) Math.max(1, (pixels + MOST - 1) / MOST);
        float[] kept = new float[(int) Math.min(pixels, MOST)];
        float[] row = new float[width];
        boolean[] empty = new boolean[width];
        OptionalDouble value = noData.value();
        int count = 0;
        long position = 0;
        for (int y = 0; y < height; y++) {
            raster.getSamples(raster.getMinX(), raster.getMinY() + y, width, 1, band, row);
            noData.emptyPixels(raster, y, empty);
            for (int x = 0; x < width; x++, position++) {
                float sample = row[x];
                boolean missing = !Float.isFinite(sample) || value.isPresent() && sample == (float) value.getAsDouble()
                        || empty[x];
                if (position % step == 0 && !missing && count < kept.length) {
                    kept[count++] = sample;
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
