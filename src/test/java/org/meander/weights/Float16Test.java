package org.meander.weights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Float16Test {

    /** Reference value of a binary16 bit pattern, straight from the IEEE 754 definition, in double arithmetic. */
    private static double binary16Value(int bits) {
        int sign = (bits & 0x8000) != 0 ? -1 : 1;
        int exponent = (bits >> 10) & 0x1f;
        int mantissa = bits & 0x3ff;
        if (exponent == 0x1f) {
            return mantissa == 0 ? sign * Double.POSITIVE_INFINITY : Double.NaN;
        }
        if (exponent == 0) {
            return sign * mantissa * Math.pow(2, -24);
        }
        return sign * (1 + mantissa / 1024.0) * Math.pow(2, exponent - 15);
    }

    @Test
    void everyHalfWidensToItsIeeeValue() {
        for (int bits = 0; bits <= 0xffff; bits++) {
            float widened = Float16.toFloat((short) bits);
            double expected = binary16Value(bits);
            if (Double.isNaN(expected)) {
                assertTrue(Float.isNaN(widened), () -> "NaN pattern widened to a number");
            } else {
                assertEquals(expected, widened, 0.0, "bits " + Integer.toHexString(0x10000 | bits));
            }
        }
        assertEquals(Float.floatToIntBits(-0.0f), Float.floatToIntBits(Float16.toFloat((short) 0x8000)));
    }

    @Test
    void everyHalfSurvivesARoundTrip() {
        for (int bits = 0; bits <= 0xffff; bits++) {
            short half = (short) bits;
            short back = Float16.fromFloat(Float16.toFloat(half));
            if (Float.isNaN(Float16.toFloat(half))) {
                assertTrue(Float.isNaN(Float16.toFloat(back)));
            } else {
                assertEquals(half, back, "bits " + Integer.toHexString(bits));
            }
        }
    }

    @Test
    void narrowsKnownValues() {
        assertHalf(0x3c00, 1.0f);
        assertHalf(0xc000, -2.0f);
        assertHalf(0x8000, -0.0f);
        assertHalf(0x7bff, 65504f); // largest finite
        assertHalf(0x7bff, 65519.99f); // just below the rounding boundary
        assertHalf(0x7c00, 65520f); // halfway to 65536: ties to even, which is infinity
        assertHalf(0x7c00, 1e10f);
        assertHalf(0xfc00, Float.NEGATIVE_INFINITY);
        assertHalf(0x0400, 0x1p-14f); // smallest normal
        assertHalf(0x03ff, 1023 * 0x1p-24f); // largest subnormal
        assertHalf(0x0001, 0x1p-24f); // smallest subnormal
        assertHalf(0x0000, 0x1p-25f); // halfway between 0 and the smallest subnormal: ties to even (0)
        assertHalf(0x0001, Math.nextUp(0x1p-25f)); // just above halfway
        assertHalf(0x0002, 3 * 0x1p-25f); // halfway between 1 and 2 subnormal units: ties to even (2)
        assertHalf(0x0000, Float.MIN_VALUE);
        assertHalf(0x3c00, 1 + 0x1p-11f); // halfway between 1 and its successor: ties to even (1)
        assertHalf(0x3c02, 1 + 3 * 0x1p-11f); // halfway between successors 1 and 2: ties to even (2)
        assertHalf(0x3c01, Math.nextUp(1 + 0x1p-11f));
        assertHalf(0x0400, 0x1p-14f - 0x1p-26f); // rounding carries from the largest subnormal into the normals
    }

    @Test
    void narrowsNaNToNaN() {
        assertTrue(Float.isNaN(Float16.toFloat(Float16.fromFloat(Float.NaN))));
        // Payload only in the low mantissa bits, which binary16 cannot hold: must not become infinity.
        float lowPayloadNaN = Float.intBitsToFloat(0x7f800001);
        assertTrue(Float.isNaN(Float16.toFloat(Float16.fromFloat(lowPayloadNaN))));
    }

    @Test
    void narrowingPicksTheNearestHalfWithTiesToEven() {
        // Within the finite range; overflow to infinity is covered by narrowsKnownValues.
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 200_000; i++) {
            float value = (float) (random.nextDouble(-65504, 65504) * Math.pow(2, -random.nextInt(30)));
            short half = Float16.fromFloat(value);
            double error = Math.abs(Float16.toFloat(half) - (double) value);
            for (int neighbour : new int[] {(half & 0xffff) - 1, (half & 0xffff) + 1}) {
                if ((neighbour & 0x7c00) == 0x7c00 && (neighbour & 0x3ff) != 0) {
                    continue; // a NaN is no candidate
                }
                double other = Math.abs(Float16.toFloat((short) neighbour) - (double) value);
                assertTrue(error < other || (error == other && (half & 1) == 0),
                        () -> value + " narrowed to " + Integer.toHexString(half & 0xffff));
            }
        }
    }

    @Test
    void bfloat16KnownValues() {
        assertEquals(1.0f, Float16.bf16ToFloat((short) 0x3f80));
        assertEquals(-2.0f, Float16.bf16ToFloat((short) 0xc000));
        assertEquals(Float.intBitsToFloat(0x00010000), Float16.bf16ToFloat((short) 0x0001)); // subnormal
        assertEquals(Float.POSITIVE_INFINITY, Float16.bf16ToFloat((short) 0x7f80));
        assertTrue(Float.isNaN(Float16.bf16ToFloat((short) 0x7fc0)));

        assertBf16(0x3f80, 1.0f);
        assertBf16(0x3f80, 1 + 0x1p-8f); // halfway: ties to even (1)
        assertBf16(0x3f82, 1 + 3 * 0x1p-8f); // halfway: ties to even (2)
        assertBf16(0x3f81, Math.nextUp(1 + 0x1p-8f));
        assertBf16(0x8000, -0.0f);
        assertBf16(0x7f80, Float.MAX_VALUE); // rounds up past the largest finite bfloat16
        assertBf16(0xff80, Float.NEGATIVE_INFINITY);
        assertBf16(0x0001, Float.intBitsToFloat(0x00010000)); // subnormal kept
        assertTrue(Float.isNaN(Float16.bf16ToFloat(Float16.floatToBf16(Float.intBitsToFloat(0x7f800001)))));
    }

    @Test
    void everyBfloat16SurvivesARoundTrip() {
        for (int bits = 0; bits <= 0xffff; bits++) {
            float widened = Float16.bf16ToFloat((short) bits);
            if (!Float.isNaN(widened)) {
                assertEquals((short) bits, Float16.floatToBf16(widened));
            }
        }
    }

    private static void assertHalf(int expectedBits, float value) {
        assertEquals(Integer.toHexString(expectedBits), Integer.toHexString(Float16.fromFloat(value) & 0xffff),
                "narrowing " + value);
    }

    private static void assertBf16(int expectedBits, float value) {
        assertEquals(Integer.toHexString(expectedBits), Integer.toHexString(Float16.floatToBf16(value) & 0xffff),
                "narrowing " + value);
    }
}
