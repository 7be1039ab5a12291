package org.meander.sam;

import java.util.Arrays;

/**
 * PIL's {@code Image.resize(size, Image.BILINEAR)} of an 8-bit RGB image, bit for bit (Pillow's Resample.c): a
 * triangle filter widened by the scale when shrinking (antialiasing), coefficients normalised per output pixel and
 * rounded to 22-bit fixed point, a horizontal pass then a vertical pass, each rounded and clipped to 8 bits.
 */
public final class PilBilinearResize {

    /** PIL's PRECISION_BITS for 8-bit images: 32 - 8 - 2, so that sums of 8-bit products never overflow an int. */
    private static final int PRECISION_BITS = 22;
    private static final int HALF = 1 << (PRECISION_BITS - 1);

    private PilBilinearResize() {
    }

    public static RgbImage resize(RgbImage image, ImageSize target) {
        ImageSize source = image.size();
        if (source.equals(target)) {
            return image;
        }
        byte[] rgb = image.rgb();
        // PIL skips a pass whose size does not change (an identity pass would not change any value either).
        if (target.width() != source.width()) {
            rgb = horizontal(rgb, source.height(), source.width(), target.width());
        }
        if (target.height() != source.height()) {
            rgb = vertical(rgb, source.height(), target.width(), target.height());
        }
        return new RgbImage(target, rgb);
    }

    /** For each output position: the first input position, how many follow, and their fixed-point weights. */
    private record Coefficients(int[] first, int[] count, int[] weights, int stride) {

        /** PIL's precompute_coeffs with the bilinear filter (support 1) and normalize_coeffs_8bpc. */
        static Coefficients of(int inSize, int outSize) {
            double scale = (double) inSize / outSize;
            double filterScale = Math.max(scale, 1.0);
            double support = filterScale;
            double inverseScale = 1.0 / filterScale; // PIL multiplies by this reciprocal; dividing can differ by an ulp
            int stride = (int) Math.ceil(support) * 2 + 1;
            int[] first = new int[outSize];
            int[] count = new int[outSize];
            int[] weights = new int[outSize * stride];
            double[] w = new double[stride];
            for (int out = 0; out < outSize; out++) {
                double center = (out + 0.5) * scale;
                // (int) truncates towards zero like C's cast, which PIL relies on for its rounding here.
                int min = Math.max((int) (center - support + 0.5), 0);
                int max = Math.min((int) (center + support + 0.5), inSize) - min;
                double sum = 0;
                for (int k = 0; k < max; k++) {
                    w[k] = triangle((k + min - center + 0.5) * inverseScale);
                    sum += w[k];
                }
                for (int k = 0; k < max; k++) {
                    double normalised = sum != 0 ? w[k] / sum : w[k];
                    // The triangle is never negative, so PIL's rounding is always the "+ 0.5" branch.
                    weights[out * stride + k] = (int) (0.5 + normalised * (1 << PRECISION_BITS));
                }
                first[out] = min;
                count[out] = max;
            }
            return new Coefficients(first, count, weights, stride);
        }

        private static double triangle(double x) {
            double a = Math.abs(x);
            return a < 1 ? 1 - a : 0;
        }
    }

    private static byte[] horizontal(byte[] src, int height, int inWidth, int outWidth) {
        Coefficients c = Coefficients.of(inWidth, outWidth);
        byte[] dst = new byte[height * outWidth * 3];
        int o = 0;
        for (int y = 0; y < height; y++) {
            int row = y * inWidth * 3;
            for (int x = 0; x < outWidth; x++) {
                int r = HALF;
                int g = HALF;
                int b = HALF;
                int p = row + c.first[x] * 3;
                int k0 = x * c.stride;
                for (int k = 0; k < c.count[x]; k++, p += 3) {
                    int weight = c.weights[k0 + k];
                    r += (src[p] & 0xFF) * weight;
                    g += (src[p + 1] & 0xFF) * weight;
                    b += (src[p + 2] & 0xFF) * weight;
                }
                dst[o++] = clip8(r);
                dst[o++] = clip8(g);
                dst[o++] = clip8(b);
            }
        }
        return dst;
    }

    private static byte[] vertical(byte[] src, int inHeight, int width, int outHeight) {
        Coefficients c = Coefficients.of(inHeight, outHeight);
        int rowLength = width * 3;
        byte[] dst = new byte[outHeight * rowLength];
        int[] sums = new int[rowLength];
        for (int y = 0; y < outHeight; y++) {
            Arrays.fill(sums, HALF);
            // Accumulating whole rows keeps the reads sequential; the sum per sample is the same as PIL's.
            for (int k = 0; k < c.count[y]; k++) {
                int weight = c.weights[y * c.stride + k];
                int row = (c.first[y] + k) * rowLength;
                for (int i = 0; i < rowLength; i++) {
                    sums[i] += (src[row + i] & 0xFF) * weight;
                }
            }
            int o = y * rowLength;
            for (int i = 0; i < rowLength; i++) {
                dst[o + i] = clip8(sums[i]);
            }
        }
        return dst;
    }

    private static byte clip8(int fixedPoint) {
        if (fixedPoint <= 0) {
            return 0;
        }
        if (fixedPoint >= 1 << (PRECISION_BITS + 8)) {
            return (byte) 255;
        }
        return (byte) (fixedPoint >> PRECISION_BITS);
    }
}
