package org.meander.project.raster.tiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Byte-wise running sums, eight bytes at a time where the stride allows, equal to one byte at a time. */
class ByteSumsTest {

    @Test
    void everyStrideStartAndLengthSumsAsOneByteAtATime() {
        Random random = new Random(3);
        for (int stride = 1; stride <= 9; stride++) {
            for (int trial = 0; trial < 200; trial++) {
                byte[] raw = new byte[random.nextInt(120) + 20];
                random.nextBytes(raw);
                int start = random.nextInt(10);
                int end = start + stride + random.nextInt(raw.length - start - stride + 1);
                byte[] expected = raw.clone();
                for (int i = start + stride; i < end; i++) {
                    expected[i] += expected[i - stride];
                }

                ByteSums.accumulate(raw, start, end, stride);

                assertArrayEquals(expected, raw, "stride " + stride + ", bytes " + start + " to " + end);
            }
        }
    }
}
