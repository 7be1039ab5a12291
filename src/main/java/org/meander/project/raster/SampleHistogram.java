package org.meander.project.raster;

import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.util.OptionalDouble;

/** Counts of each value of one band of 16-bit (or 8-bit) samples, signed or not. */
final class SampleHistogram implements SampleDistribution {

    private final long[] counts = new long[1 << 16];
    /** The value of bin 0: -32768 for signed samples, so that every 16-bit value has a bin. */
    private final int offset;
    private long total;

    private SampleHistogram(int offset) {
        this.offset = offset;
    }

    /** Leaves out GDAL's nodata value and pixels whose alpha or mask is 0. */
    static SampleHistogram of(Raster raster, int band, NoData noData) {
        SampleHistogram histogram = new SampleHistogram(
                raster.getSampleModel().getDataType() == DataBuffer.TYPE_SHORT ? Short.MIN_VALUE : 0);
        int width = raster.getWidth();
        int[] row = new int[width];
        boolean[] empty = new boolean[width];
        OptionalDouble value = noData.value();
        boolean skip = value.isPresent() && value.getAsDouble() == Math.rint(value.getAsDouble());
        int skipped = skip ? (int) value.getAsDouble() : 0;
        for (int y = 0; y < raster.getHeight(); y++) {
            raster.getSamples(raster.getMinX(), raster.getMinY() + y, width, 1, band, row);
            noData.emptyPixels(raster, y, empty);
            for (int x = 0; x < width; x++) {
                if (!(skip && row[x] == skipped) && !empty[x]) {
                    histogram.counts[row[x] - histogram.offset]++;
                    histogram.total++;
                }
            }
        }
        return histogram;
    }

    @Override
    public double percentile(double fraction) {
        if (total == 0) {
            return 0;
        }
        long target = Math.max(1, (long) Math.ceil(fraction * total));
        long seen = 0;
        for (int bin = 0; bin < counts.length; bin++) {
            seen += counts[bin];
            if (seen >= target) {
                return bin + offset;
            }
        }
        return counts.length - 1 + offset;
    }
}
