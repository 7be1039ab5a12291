package org.meander.project.raster.tiff;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdException;
import java.io.IOException;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/** The TIFF compressions Meander's own reader undoes: none, LZW, Deflate (zlib), PackBits and ZSTD. */
enum Compression {
    NONE(1), LZW(5), DEFLATE(8), PACKBITS(32773), ZSTD(50000);

    /** Adobe's older number for Deflate, which GDAL also reads. */
    private static final int OLD_DEFLATE = 32946;

    private final int code;

    Compression(int code) {
        this.code = code;
    }

    /** The compression of TIFF field 259's value, or null for one this reader does not undo (JPEG, CCITT, ...). */
    static Compression of(int code) {
        for (Compression compression : values()) {
            if (compression.code == code) {
                return compression;
            }
        }
        return code == OLD_DEFLATE ? DEFLATE : null;
    }

    /** A TIFF compression by its name where it has a well-known one, and its number. */
    static String describe(int code) {
        String name = switch (code) {
            case 34712 -> "JPEG 2000 ";
            case 34887 -> "LERC ";
            case 50001 -> "WebP ";
            default -> "";
        };
        return name + "(TIFF compression " + code + ")";
    }

    /** The block's bytes uncompressed: {@code expected} of them, or fewer where the data ends early. */
    byte[] decompress(byte[] data, int expected) throws IOException {
        return switch (this) {
            case NONE -> data.length > expected ? Arrays.copyOf(data, expected) : data;
            case LZW -> LzwDecoder.decode(data, expected);
            case DEFLATE -> inflate(data, expected);
            case PACKBITS -> unpack(data, expected);
            case ZSTD -> unzstd(data, expected);
        };
    }

    private static byte[] unzstd(byte[] data, int expected) throws IOException {
        try {
            return Zstd.decompress(data, expected);
        } catch (ZstdException e) {
            throw new IOException("ZSTD data that does not decompress (" + e.getMessage() + ")", e);
        }
    }

    private static byte[] inflate(byte[] data, int expected) throws IOException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(data);
            byte[] out = new byte[expected];
            int written = 0;
            while (written < expected && !inflater.finished()) {
                int n = inflater.inflate(out, written, expected - written);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                written += n;
            }
            return written == expected ? out : Arrays.copyOf(out, written);
        } catch (DataFormatException e) {
            throw new IOException("Deflate data that does not inflate (" + e.getMessage() + ")", e);
        } finally {
            inflater.end();
        }
    }

    /** PackBits: a count n, then n + 1 bytes as they are (n >= 0) or one byte 1 - n times (n < 0; -128 is nothing). */
    private static byte[] unpack(byte[] data, int expected) {
        byte[] out = new byte[expected];
        int written = 0;
        int read = 0;
        while (written < expected && read < data.length) {
            int n = data[read++];
            if (n >= 0) {
                int count = Math.min(n + 1, Math.min(expected - written, data.length - read));
                System.arraycopy(data, read, out, written, count);
                read += n + 1;
                written += count;
            } else if (n != -128 && read < data.length) {
                int count = Math.min(1 - n, expected - written);
                Arrays.fill(out, written, written + count, data[read++]);
                written += count;
            }
        }
        return written == expected ? out : Arrays.copyOf(out, written);
    }
}
