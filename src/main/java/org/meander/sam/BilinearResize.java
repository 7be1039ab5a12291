package org.meander.sam;

/**
 * Bilinear resize of a float image with PyTorch's {@code F.interpolate(mode="bilinear", align_corners=False)}
 * semantics, without antialiasing also when shrinking: output pixel d samples the input at
 * {@code (d + 0.5) * in / out - 0.5}, clamped at 0, between {@code floor} and the next pixel (clamped at the edge).
 * Arithmetic is float32 in PyTorch's order, so results match its CPU kernel to the last bit or nearly so. (PyTorch 2
 * computes the source index in float32 too; 1.x did it in float64, which moves results by up to ~1e-5.)
 */
public final class BilinearResize {

    private BilinearResize() {
    }

    /** Resizes a row-major {@code srcHeight x srcWidth} image to {@code dstHeight x dstWidth}. */
    public static float[] resize(float[] src, int srcHeight, int srcWidth, int dstHeight, int dstWidth) {
        return resizeTopLeft(src, srcHeight, srcWidth, dstHeight, dstWidth, dstHeight, dstWidth);
    }

    /**
     * The top-left {@code keepHeight x keepWidth} corner of the {@code dstHeight x dstWidth} resize, computing only
     * that corner (and only the source rows it reads).
     */
    public static float[] resizeTopLeft(float[] src, int srcHeight, int srcWidth, int dstHeight, int dstWidth,
                                        int keepHeight, int keepWidth) {
        if (src.length != srcHeight * srcWidth) {
            throw new IllegalArgumentException("expected " + srcHeight + " x " + srcWidth + " values, got " + src.length);
        }
        if (keepHeight > dstHeight || keepWidth > dstWidth) {
            throw new IllegalArgumentException("cannot keep " + keepHeight + " x " + keepWidth + " of " + dstHeight + " x " + dstWidth);
        }
        Taps rows = Taps.of(srcHeight, dstHeight, keepHeight);
        Taps cols = Taps.of(srcWidth, dstWidth, keepWidth);
        int usedRows = rows.hi[keepHeight - 1] + 1; // taps are monotonic: the last output reads the furthest row
        float[] across = new float[usedRows * keepWidth];
        for (int r = 0; r < usedRows; r++) {
            int in = r * srcWidth;
            int out = r * keepWidth;
            for (int x = 0; x < keepWidth; x++) {
                across[out + x] = src[in + cols.lo[x]] * cols.wLo[x] + src[in + cols.hi[x]] * cols.wHi[x];
            }
        }
        float[] dst = new float[keepHeight * keepWidth];
        for (int y = 0; y < keepHeight; y++) {
            int lo = rows.lo[y] * keepWidth;
            int hi = rows.hi[y] * keepWidth;
            float wLo = rows.wLo[y];
            float wHi = rows.wHi[y];
            int out = y * keepWidth;
            for (int x = 0; x < keepWidth; x++) {
                dst[out + x] = across[lo + x] * wLo + across[hi + x] * wHi;
            }
        }
        return dst;
    }

    /** Along one axis, for each of the first {@code count} outputs: the two input positions and their weights. */
    private record Taps(int[] lo, int[] hi, float[] wLo, float[] wHi) {

        /** PyTorch's compute_source_index_and_lambda, in float32 as its kernel computes it for float tensors. */
        static Taps of(int inSize, int outSize, int count) {
            int[] lo = new int[count];
            int[] hi = new int[count];
            float[] wLo = new float[count];
            float[] wHi = new float[count];
            float ratio = (float) inSize / outSize; // area_pixel_compute_scale, align_corners=False, no scale given
            for (int d = 0; d < count; d++) {
                if (inSize == outSize) {
                    lo[d] = d;
                    hi[d] = d;
                    wLo[d] = 1f;
                    continue;
                }
                float real = Math.max(ratio * (d + 0.5f) - 0.5f, 0f);
                int i0 = Math.min((int) real, inSize - 1); // real >= 0, so the cast is floor
                float lambda = Math.min(Math.max(real - i0, 0f), 1f);
                lo[d] = i0;
                hi[d] = i0 < inSize - 1 ? i0 + 1 : i0;
                wLo[d] = 1f - lambda;
                wHi[d] = lambda;
            }
            return new Taps(lo, hi, wLo, wHi);
        }
    }
}
