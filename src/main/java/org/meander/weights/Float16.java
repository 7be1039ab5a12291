package org.meander.weights;

/**
 * Conversions between float32 and the two 16-bit float formats of checkpoints: IEEE 754 binary16 (F16) and bfloat16
 * (BF16). Java 17 has no {@code Float.float16ToFloat}, so this does it by hand: exact widening, round-to-nearest-even
 * narrowing, subnormals, signed zeros, infinities and NaNs included. NaNs stay NaNs (quiet ones) and keep the high
 * bits of their payload.
 */
public final class Float16 {

    private static final int F16_EXPONENT_BIAS = 15;
    private static final int F32_EXPONENT_BIAS = 127;
    private static final int F16_INFINITY = 0x7c00;
    private static final int F16_QUIET_NAN_BIT = 0x0200;
    private static final int BF16_QUIET_NAN_BIT = 0x0040;

    private Float16() {
    }

    public static float toFloat(short bits) {
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >>> 10) & 0x1f;
        int mantissa = bits & 0x3ff;
        if (exponent == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | mantissa << 13);
        }
        if (exponent == 0) {
            // Zero or subnormal: mantissa * 2^-24, exact in float32 (float32 has the range and the bits).
            float magnitude = mantissa * 0x1p-24f;
            return sign == 0 ? magnitude : -magnitude;
        }
        return Float.intBitsToFloat(sign | (exponent - F16_EXPONENT_BIAS + F32_EXPONENT_BIAS) << 23 | mantissa << 13);
    }

    public static short fromFloat(float f) {
        int bits = Float.floatToRawIntBits(f);
        int sign = (bits >>> 16) & 0x8000;
        int exponent = (bits >>> 23) & 0xff;
        int mantissa = bits & 0x7fffff;
        if (exponent == 0xff) {
            return (short) (mantissa == 0
                    ? sign | F16_INFINITY
                    : sign | F16_INFINITY | F16_QUIET_NAN_BIT | mantissa >>> 13);
        }
        int halfExponent = exponent - F32_EXPONENT_BIAS + F16_EXPONENT_BIAS;
        if (halfExponent >= 0x1f) {
            return (short) (sign | F16_INFINITY);
        }
        if (halfExponent > 0) {
            // Rounding may carry out of the mantissa into the exponent, and from the largest finite value into
            // infinity: both are the correct results, so exponent and mantissa are rounded as one number.
            return (short) (sign | shiftRoundingToNearestEven(halfExponent << 23 | mantissa, 13));
        }
        if (halfExponent < -10) {
            return (short) sign; // below half the smallest subnormal (2^-25): rounds to zero
        }
        // A binary16 subnormal counts units of 2^-24; the float's value is (2^23 + mantissa) * 2^(halfExponent-38).
        int significand = 0x800000 | mantissa;
        return (short) (sign | shiftRoundingToNearestEven(significand, 14 - halfExponent));
    }

    public static float bf16ToFloat(short bits) {
        return Float.intBitsToFloat((bits & 0xffff) << 16);
    }

    public static short floatToBf16(float f) {
        int bits = Float.floatToRawIntBits(f);
        if (Float.isNaN(f)) {
            // Truncation alone would turn a NaN whose payload sits in the low 16 bits into infinity.
            return (short) (bits >>> 16 | BF16_QUIET_NAN_BIT);
        }
        int sign = (bits >>> 16) & 0x8000;
        return (short) (sign | shiftRoundingToNearestEven(bits & 0x7fffffff, 16));
    }

    /** {@code value >>> shift}, rounded to nearest with ties to even; {@code value} non-negative, shift 1..30. */
    private static int shiftRoundingToNearestEven(int value, int shift) {
        int truncated = value >>> shift;
        int remainder = value & ((1 << shift) - 1);
        int half = 1 << (shift - 1);
        if (remainder > half || (remainder == half && (truncated & 1) != 0)) {
            truncated++;
        }
        return truncated;
    }
}
