package org.meander.project.raster.tiff;

import java.io.IOException;
import java.util.Arrays;

/**
 * TIFF's LZW (compression 5): codes of 9 to 12 bits, most significant bit first, 256 clearing the table and 257
 * ending the data; the code width grows one code early, at 511, 1023 and 2047, as libtiff writes it.
 */
final class LzwDecoder {

    private static final int CLEAR = 256;
    private static final int END = 257;
    private static final int FIRST_FREE = 258;
    private static final int TABLE_SIZE = 4096;

    private final int[] prefix = new int[TABLE_SIZE];
    private final byte[] suffix = new byte[TABLE_SIZE];
    private final byte[] first = new byte[TABLE_SIZE];
    private final int[] length = new int[TABLE_SIZE];

    private LzwDecoder() {
        for (int code = 0; code < 256; code++) {
            suffix[code] = (byte) code;
            first[code] = (byte) code;
            length[code] = 1;
        }
    }

    /** The {@code expected} bytes the data decodes to (fewer when it ends early: the caller says so). */
    static byte[] decode(byte[] data, int expected) throws IOException {
        return new LzwDecoder().run(data, expected);
    }

    private byte[] run(byte[] data, int expected) throws IOException {
        byte[] out = new byte[expected];
        int written = 0;
        int next = FIRST_FREE;
        int width = 9;
        int previous = -1;
        long bits = 0;
        int bitCount = 0;
        int read = 0;
        while (written < expected) {
            while (bitCount < width && read < data.length) {
                bits = bits << 8 | data[read++] & 0xff;
                bitCount += 8;
            }
            if (bitCount < width) {
                break;
            }
            int code = (int) (bits >>> bitCount - width) & (1 << width) - 1;
            bitCount -= width;
            if (code == END) {
                break;
            }
            if (code == CLEAR) {
                next = FIRST_FREE;
                width = 9;
                previous = -1;
                continue;
            }
            if (previous == -1) {
                if (code > 255) {
                    throw new IOException("LZW data starts with code " + code + ", not a byte");
                }
                written = write(code, out, written);
                previous = code;
                continue;
            }
            if (code > next || code == next && next >= TABLE_SIZE) {
                throw new IOException("LZW code " + code + " before its table entry was made");
            }
            if (next < TABLE_SIZE) {
                add(previous, code < next ? first[code] : first[previous], next++);
            }
            written = write(code, out, written);
            previous = code;
            if (next >= (1 << width) - 1 && width < 12) {
                width++;
            }
        }
        return written == expected ? out : Arrays.copyOf(out, written);
    }

    private void add(int before, byte last, int code) {
        prefix[code] = before;
        suffix[code] = last;
        first[code] = first[before];
        length[code] = length[before] + 1;
    }

    /** The string of {@code code} at {@code at}, cut where the output ends; returns the new end. */
    private int write(int code, byte[] out, int at) {
        int n = length[code];
        int end = Math.min(at + n, out.length);
        for (int i = at + n - 1; i >= at; i--) {
            if (i < end) {
                out[i] = suffix[code];
            }
            code = prefix[code];
        }
        return end;
    }
}
