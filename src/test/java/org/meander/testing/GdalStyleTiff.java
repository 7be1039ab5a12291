package org.meander.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.Deflater;

/**
 * One-band 16-bit TIFFs written byte by byte as GDAL writes them on request and Java's TIFF writer cannot: Deflate
 * with horizontal differencing ({@code -co PREDICTOR=2}), in a classic TIFF or a BigTIFF ({@code -co BIGTIFF=YES}).
 * Pixel (x, y) holds x * 1000 + y.
 */
public final class GdalStyleTiff {

    private static final short SHORT = 3;
    private static final short LONG = 4;
    private static final short LONG8 = 16;

    private GdalStyleTiff() {
    }

    public static byte[] write(int width, int height, boolean bigTiff) {
        if (width > 65) {
            throw new IllegalArgumentException("x * 1000 + y fits 16 bits up to a width of 65, not " + width);
        }
        byte[] strip = deflate(differenced(width, height));
        // tag, type, value: baseline fields of a one-strip, one-band image, in ascending tag order
        long[][] fields = {
            {256, LONG, width}, {257, LONG, height}, {258, SHORT, 16}, {259, SHORT, 8}, {262, SHORT, 1},
            {273, bigTiff ? LONG8 : LONG, 0}, {277, SHORT, 1}, {278, LONG, height},
            {279, bigTiff ? LONG8 : LONG, strip.length}, {317, SHORT, 2}};
        int headerSize = bigTiff ? 16 : 8;
        int entrySize = bigTiff ? 20 : 12;
        int ifdSize = (bigTiff ? 8 : 2) + fields.length * entrySize + (bigTiff ? 8 : 4);
        long stripOffset = headerSize + ifdSize;
        ByteBuffer out = ByteBuffer.allocate((int) stripOffset + strip.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put((byte) 'I').put((byte) 'I');
        if (bigTiff) {
            out.putShort((short) 43).putShort((short) 8).putShort((short) 0).putLong(headerSize);
            out.putLong(fields.length);
        } else {
            out.putShort((short) 42).putInt(headerSize);
            out.putShort((short) fields.length);
        }
        for (long[] field : fields) {
            long value = field[0] == 273 ? stripOffset : field[2];
            out.putShort((short) field[0]).putShort((short) field[1]);
            if (bigTiff) {
                out.putLong(1);
                putValue(out, (short) field[1], value, 8);
            } else {
                out.putInt(1);
                putValue(out, (short) field[1], value, 4);
            }
        }
        if (bigTiff) {
            out.putLong(0);
        } else {
            out.putInt(0);
        }
        out.put(strip);
        return out.array();
    }

    /** A value left-justified in its entry's value field of {@code size} bytes. */
    private static void putValue(ByteBuffer out, short type, long value, int size) {
        int start = out.position();
        switch (type) {
            case SHORT -> out.putShort((short) value);
            case LONG -> out.putInt((int) value);
            default -> out.putLong(value);
        }
        out.position(start + size);
    }

    /** Rows of little-endian 16-bit samples, each after the first stored as its difference from the one before. */
    private static byte[] differenced(int width, int height) {
        ByteBuffer samples = ByteBuffer.allocate(width * height * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int y = 0; y < height; y++) {
            int before = 0;
            for (int x = 0; x < width; x++) {
                int value = x * 1000 + y;
                samples.putShort((short) (value - before));
                before = value;
            }
        }
        return samples.array();
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater();
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }
}
