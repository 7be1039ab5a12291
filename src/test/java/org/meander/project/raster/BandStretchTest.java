package org.meander.project.raster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.WritableRaster;
import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.meander.testing.TestRasters;

class BandStretchTest {

    @Test
    void eightBitDataPassesUnchanged() {
        WritableRaster raster = TestRasters.raster(4, 4, 3, 8, (x, y, b) -> x * 60 + b);

        BandStretch stretch = BandStretch.measure(raster, new int[] {0, 1, 2}, NoData.NONE);

        for (int v = 0; v < 256; v++) {
            assertEquals(v, stretch.toByte(1, v));
        }
    }

    @Test
    void sixteenBitBandsAreStretchedBetweenTheir2ndAnd98thPercentiles() {
        // band 0 holds 1000..1099 once each (100 pixels); band 1 the same plus 30000
        WritableRaster raster = TestRasters.raster(10, 10, 2, 16, (x, y, b) -> 1000 + y * 10 + x + b * 30000);

        BandStretch stretch = BandStretch.measure(raster, new int[] {0, 1, 0}, NoData.NONE);

        assertArrayEquals(new double[] {1001, 31001, 1001}, stretch.low(), "the 2nd of 100 values");
        assertArrayEquals(new double[] {1097, 31097, 1097}, stretch.high(), "the 98th of 100 values");
        assertEquals(0, stretch.toByte(0, 1000));
        assertEquals(0, stretch.toByte(0, 1001));
        assertEquals(128, stretch.toByte(0, 1049), "halfway, rounded");
        assertEquals(255, stretch.toByte(0, 1097));
        assertEquals(255, stretch.toByte(0, 65535));
        assertEquals(128, stretch.toByte(1, 31049));
    }

    @Test
    void theNodataValueIsLeftOutOfThePercentiles() {
        // half the pixels are nodata (0), the rest 5000..5049
        WritableRaster raster = TestRasters.raster(10, 10, 1, 16, (x, y, b) -> y < 5 ? 0 : 5000 + (y - 5) * 10 + x);

        BandStretch withNodata = BandStretch.measure(raster, new int[] {0, 0, 0}, NoData.of(OptionalDouble.of(0)));
        BandStretch without = BandStretch.measure(raster, new int[] {0, 0, 0}, NoData.NONE);

        assertEquals(5000, withNodata.low()[0]);
        assertEquals(5048, withNodata.high()[0]);
        assertEquals(0, without.low()[0], "nodata would pull the stretch down to 0");
    }

    @Test
    void floatingPointBandsAreStretchedBetweenTheir2ndAnd98thPercentilesLeavingOutWhatIsNoNumber() {
        // reflectances 0.100..0.199 once each (100 pixels), then a row of NaN and a row of GDAL's nodata
        WritableRaster raster = TestRasters.floatRaster(10, 12, 1, (x, y, b) -> y == 10 ? Float.NaN
                : y == 11 ? -9999f : 0.1f + (y * 10 + x) / 1000f);

        BandStretch stretch = BandStretch.measure(raster, new int[] {0, 0, 0}, NoData.of(OptionalDouble.of(-9999)));

        assertEquals(0.101f, stretch.low()[0], 1e-7, "the 2nd of 100 values");
        assertEquals(0.197f, stretch.high()[0], 1e-7, "the 98th of 100 values");
        assertEquals(0, stretch.toByte(0, 0.101f));
        assertEquals(128, stretch.toByte(0, 0.149f), "halfway, rounded");
        assertEquals(255, stretch.toByte(0, 0.5f));
        assertEquals(0, stretch.toByte(0, Float.NaN), "no number is black");
        assertEquals(0, stretch.toByte(0, Float.NEGATIVE_INFINITY));
    }

    @Test
    void integerSamplesBecomeBytesAsIntegerArithmeticRoundsThem() {
        Random random = new Random(7);
        for (int trial = 0; trial < 2000; trial++) {
            int low = random.nextInt(60000);
            int high = low + 1 + random.nextInt(65535 - low);
            BandStretch stretch = new BandStretch(new double[] {low, low, low}, new double[] {high, high, high});
            int sample = low + random.nextInt(high - low + 1);
            int expected = (int) (((long) (sample - low) * 255 + (high - low) / 2) / (high - low));
            assertEquals(expected, stretch.toByte(0, sample), () -> low + ".." + high + " at " + sample);
        }
    }
}
