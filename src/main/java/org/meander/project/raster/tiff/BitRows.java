package org.meander.project.raster.tiff;

/**
 * Samples of one bit (a bilevel image; GDAL's nodata masks), as TIFF stores them: eight to a byte, the first in the
 * high bit (FillOrder 1, the only order GDAL writes), each row padded to a whole byte. Unpacked to a byte a sample,
 * 0 or 1, so that a window of them is read as 8-bit samples are.
 */
final class BitRows {

    private BitRows() {
    }

    /** The bytes a row of {@code samples} one-bit samples takes. */
    static int rowBytes(int samples) {
        return (samples + 7) / 8;
    }

    /** The {@code rows} rows of {@code samples} samples packed in {@code packed}, a byte each. */
    static byte[] unpack(byte[] packed, int samples, int rows) {
        int rowBytes = rowBytes(samples);
        byte[] unpacked = new byte[samples * rows];
        for (int row = 0; row < rows; row++) {
            for (int x = 0; x < samples; x++) {
                unpacked[row * samples + x] = (byte) (packed[row * rowBytes + x / 8] >> (7 - x % 8) & 1);
            }
        }
        return unpacked;
    }
}
