package org.meander.project.raster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.WritableRaster;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.meander.testing.TestRasters;

class BandStretchTest {

    @Test
    void eightBitDataPassesUnchanged() {
        WritableRaster raster = TestRasters.raster(4, 4, 3, 8, (x, y, b) -> x * 60 + b);

        BandStretch stretch = BandStretch.measure(raster, new int[] {0, 1, 2}, OptionalDouble.empty());

        for (int v = 0; v < 256; v++) {
            assertEquals(v, stretch.toByte(1, v));
        }
    }

    @Test
    void sixteenBitBandsAreStretchedBetweenTheir2ndAnd98thPercentiles() {
        // band 0 holds 1000..1099 once each (100 pixels); band 1 the same plus 30000
        WritableRaster raster = TestRasters.raster(10, 10, 2, 16, (x, y, b) -> 1000 + y * 10 + x + b * 30000);

        BandStretch stretch = BandStretch.measure(raster, new int[] {0, 1, 0}, OptionalDouble.empty());

        assertArrayEquals(new int[] {1001, 31001, 1001}, stretch.low(), "the 2nd of 100 values");
        assertArrayEquals(new int[] {1097, 31097, 1097}, stretch.high(), "the 98th of 100 values");
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

        BandStretch withNodata = BandStretch.measure(raster, new int[] {0, 0, 0}, OptionalDouble.of(0));
        BandStretch without = BandStretch.measure(raster, new int[] {0, 0, 0}, OptionalDouble.empty());

        assertEquals(5000, withNodata.low()[0]);
        assertEquals(5048, withNodata.high()[0]);
        assertEquals(0, without.low()[0], "nodata would pull the stretch down to 0");
    }
}
