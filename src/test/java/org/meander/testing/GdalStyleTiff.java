package org.meander.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DeflaterOutputStream;

/**
 * 16-bit TIFFs written byte by byte as GDAL writes them on request and Java's TIFF writer cannot: Deflate with
 * horizontal differencing ({@code -co PREDICTOR=2}), in a classic TIFF or a BigTIFF ({@code -co BIGTIFF=YES}), the
 * bands interleaved or one strip per band ({@code -co INTERLEAVE=BAND}), bands after the colours (or the grey) as
 * ExtraSamples. Pixel (x, y) of band b holds x * 1000 + y + b.
 */
public final class GdalStyleTiff {

    private static final short SHORT = 3;
    private static final short LONG = 4;
    private static final short LONG8 = 16;

    private record Field(int tag, short type, long... values) {
    }

    private GdalStyleTiff() {
    }

    /** One band. */
    public static byte[] write(int width, int height, boolean bigTiff) {
        return write(width, height, 1, false, bigTiff);
    }

    public static byte[] write(int width, int height, int bands, boolean planar, boolean bigTiff) {
        if ((width - 1) * 1000 + height - 1 + bands - 1 > 0xffff) {
            throw new IllegalArgumentException("x * 1000 + y + b must fit 16 bits: " + width + " x " + height);
        }
        List<byte[]> strips = new ArrayList<>();
        for (int plane = 0; plane < (planar ? bands : 1); plane++) {
            strips.add(deflate(differenced(width, height, bands, planar ? plane : -1)));
        }
        short offsetType = bigTiff ? LONG8 : LONG;
        long[] bits = new long[bands];
        java.util.Arrays.fill(bits, 16);
        long[] counts = strips.stream().mapToLong(s -> s.length).toArray();
        int extra = bands - (bands >= 3 ? 3 : 1);
        Field[] fields = {
            new Field(256, LONG, width), new Field(257, LONG, height), new Field(258, SHORT, bits),
            new Field(259, SHORT, 8), new Field(262, SHORT, bands >= 3 ? 2 : 1),
            new Field(273, offsetType, new long[strips.size()]), new Field(277, SHORT, bands),
            new Field(278, LONG, height), new Field(279, offsetType, counts), new Field(284, SHORT, planar ? 2 : 1),
            new Field(317, SHORT, 2), new Field(338, SHORT, new long[Math.max(extra, 1)])};
        if (extra == 0) {
            fields = java.util.Arrays.copyOf(fields, fields.length - 1); // no ExtraSamples: the bands are colours
        }
        int headerSize = bigTiff ? 16 : 8;
        int entrySize = bigTiff ? 20 : 12;
        int valueSize = bigTiff ? 8 : 4;
        int ifdSize = (bigTiff ? 8 : 2) + fields.length * entrySize + valueSize;
        // values too long for their entry follow the directory, then the strips
        long dataStart = headerSize + ifdSize;
        long dataSize = 0;
        for (Field field : fields) {
            long size = (long) field.values().length * size(field.type());
            dataSize += size > valueSize ? size : 0;
        }
        long stripStart = dataStart + dataSize;
        long[] offsets = fields[5].values();
        for (int i = 0; i < strips.size(); i++) {
            offsets[i] = stripStart;
            stripStart += strips.get(i).length;
        }
        ByteBuffer out = ByteBuffer.allocate((int) stripStart).order(ByteOrder.LITTLE_ENDIAN);
        out.put((byte) 'I').put((byte) 'I');
        if (bigTiff) {
            out.putShort((short) 43).putShort((short) 8).putShort((short) 0).putLong(headerSize).putLong(fields.length);
        } else {
            out.putShort((short) 42).putInt(headerSize).putShort((short) fields.length);
        }
        long data = dataStart;
        for (Field field : fields) {
            out.putShort((short) field.tag()).putShort(field.type());
            if (bigTiff) {
                out.putLong(field.values().length);
            } else {
                out.putInt(field.values().length);
            }
            int size = field.values().length * size(field.type());
            int entryEnd = out.position() + valueSize;
            if (size <= valueSize) {
                putValues(out, field);
            } else {
                if (bigTiff) {
                    out.putLong(data);
                } else {
                    out.putInt((int) data);
                }
                int back = out.position();
                out.position((int) data);
                putValues(out, field);
                out.position(back);
                data += size;
            }
            out.position(entryEnd);
        }
        out.position((int) (dataStart + dataSize));
        strips.forEach(out::put);
        return out.array();
    }

    private static int size(short type) {
        return type == SHORT ? 2 : type == LONG ? 4 : 8;
    }

    private static void putValues(ByteBuffer out, Field field) {
        for (long value : field.values()) {
            switch (field.type()) {
                case SHORT -> out.putShort((short) value);
                case LONG -> out.putInt((int) value);
                default -> out.putLong(value);
            }
        }
    }

    /**
     * Rows of little-endian 16-bit samples, each after a row's first pixel stored as its difference from the same
     * band's sample before it: all bands interleaved (plane -1), or one band's alone.
     */
    private static byte[] differenced(int width, int height, int bands, int plane) {
        int perPixel = plane < 0 ? bands : 1;
        ByteBuffer samples = ByteBuffer.allocate(width * height * perPixel * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int i = 0; i < perPixel; i++) {
                    int band = plane < 0 ? i : plane;
                    int value = x * 1000 + y + band;
                    int before = x == 0 ? 0 : (x - 1) * 1000 + y + band;
                    samples.putShort((short) (value - before));
                }
            }
        }
        return samples.array();
    }

    /** zlib-wrapped Deflate, as TIFF's compression 8 holds it. */
    private static byte[] deflate(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream zlib = new DeflaterOutputStream(out)) {
            zlib.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
