package org.meander.project.raster.tiff;

import java.nio.ByteOrder;

/**
 * The TIFF predictors (field 317) Meander's own reader undoes, on a block's bytes once decompressed, row by row:
 * horizontal differencing on integer samples, and the floating-point predictor of TIFF Technical Note 3 as libtiff
 * writes it (GDAL's {@code -co PREDICTOR=2} and {@code 3}).
 */
enum Predictor {
    NONE(1), HORIZONTAL_DIFFERENCING(2), FLOATING_POINT(3);

    private final int code;

    Predictor(int code) {
        this.code = code;
    }

    /** The predictor of field 317's value, or null for one this reader does not undo. */
    static Predictor of(int code) {
        for (Predictor predictor : values()) {
            if (predictor.code == code) {
                return predictor;
            }
        }
        return null;
    }

    /**
     * Undoes the predictor in place on {@code rows} rows of {@code rowSamples} samples of {@code bytes} bytes, of
     * which {@code perPixel} make a pixel; returns the byte order the samples are in afterwards.
     */
    ByteOrder undo(byte[] raw, int rows, int rowSamples, int perPixel, int bytes, ByteOrder order) {
        if (this == HORIZONTAL_DIFFERENCING) {
            undoDifferencing(raw, rows, rowSamples * bytes, perPixel * bytes, bytes, order == ByteOrder.LITTLE_ENDIAN);
        } else if (this == FLOATING_POINT) {
            undoFloatingPoint(raw, rows, rowSamples, perPixel, bytes);
            return ByteOrder.LITTLE_ENDIAN;
        }
        return order;
    }

    /**
     * Each sample after a row's first pixel was stored as its difference from the same band's sample a pixel before
     * ({@code back} bytes): summed along the row band by band, an 8- or 16-bit integer in the file's byte order.
     */
    private static void undoDifferencing(byte[] raw, int rows, int rowBytes, int back, int bytes, boolean little) {
        int low = little ? 0 : bytes - 1;
        int high = little ? bytes - 1 : 0;
        for (int start = 0; start < rows * rowBytes; start += rowBytes) {
            for (int first = start; first < start + back; first += bytes) {
                int sum = 0; // kept here rather than read back from the row: several times faster
                for (int at = first; at < start + rowBytes; at += back) {
                    sum += bytes == 2 ? (raw[at + high] & 0xff) << 8 | raw[at + low] & 0xff : raw[at] & 0xff;
                    raw[at + low] = (byte) sum;
                    if (bytes == 2) {
                        raw[at + high] = (byte) (sum >> 8);
                    }
                }
            }
        }
    }

    /**
     * libtiff's fpAcc: a row's bytes were regrouped into planes, first the most significant byte of every sample,
     * then the next, and each byte stored as its difference from the byte {@code perPixel} before it. Summed back
     * and regrouped, the samples come out least significant byte first (the order Java reads fastest), whatever the
     * file's byte order.
     */
    private static void undoFloatingPoint(byte[] raw, int rows, int rowSamples, int perPixel, int bytes) {
        int rowBytes = rowSamples * bytes;
        byte[] planes = new byte[rowBytes];
        for (int start = 0; start < rows * rowBytes; start += rowBytes) {
            ByteSums.accumulate(raw, start, start + rowBytes, perPixel);
            System.arraycopy(raw, start, planes, 0, rowBytes);
            for (int plane = 0; plane < bytes; plane++) {
                int from = plane * rowSamples;
                int to = start + bytes - 1 - plane; // plane 0 holds the most significant bytes
                for (int k = 0; k < rowSamples; k++) {
                    raw[to + k * bytes] = planes[from + k];
                }
            }
        }
    }
}
