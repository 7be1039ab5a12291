package org.meander.testing;

import com.github.luben.zstd.Zstd;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.DeflaterOutputStream;

/**
 * A TIFF of one image directory put together byte by byte from its fields and its blocks' bytes, in either byte
 * order, classic or BigTIFF: the header, the directory (fields in tag order), the values too long for their entry,
 * then the blocks. The blocks' offsets and byte counts are added as the fields for tiles or for strips.
 */
public final class RawTiff {

    public static final short SHORT = 3;
    public static final short LONG = 4;
    public static final short LONG8 = 16;

    /** A field: its tag, its type (SHORT, LONG or LONG8) and its values. */
    public record Field(int tag, short type, long... values) {
    }

    private RawTiff() {
    }

    public static byte[] write(ByteOrder order, boolean bigTiff, List<Field> given, List<byte[]> blocks,
                               boolean tiled) {
        short offsetType = bigTiff ? LONG8 : LONG;
        long[] offsets = new long[blocks.size()];
        List<Field> fields = new ArrayList<>(given);
        fields.add(new Field(tiled ? 324 : 273, offsetType, offsets));
        fields.add(new Field(tiled ? 325 : 279, offsetType, blocks.stream().mapToLong(b -> b.length).toArray()));
        fields.sort(Comparator.comparingInt(Field::tag));
        int headerSize = bigTiff ? 16 : 8;
        int entrySize = bigTiff ? 20 : 12;
        int valueSize = bigTiff ? 8 : 4;
        int ifdSize = (bigTiff ? 8 : 2) + fields.size() * entrySize + valueSize;
        long dataStart = headerSize + ifdSize;
        long dataSize = 0;
        for (Field field : fields) {
            long size = (long) field.values().length * size(field.type());
            dataSize += size > valueSize ? size : 0;
        }
        long blockStart = dataStart + dataSize;
        for (int i = 0; i < blocks.size(); i++) {
            offsets[i] = blockStart;
            blockStart += blocks.get(i).length;
        }
        ByteBuffer out = ByteBuffer.allocate((int) blockStart).order(order);
        byte mark = (byte) (order == ByteOrder.LITTLE_ENDIAN ? 'I' : 'M');
        out.put(mark).put(mark);
        if (bigTiff) {
            out.putShort((short) 43).putShort((short) 8).putShort((short) 0).putLong(headerSize).putLong(fields.size());
        } else {
            out.putShort((short) 42).putInt(headerSize).putShort((short) fields.size());
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
        blocks.forEach(out::put);
        return out.array();
    }

    /** TIFF's compression numbers for Deflate and ZSTD. */
    public static final int DEFLATE = 8;
    public static final int ZSTD = 50000;

    /** One ZSTD frame, as libtiff's ZSTD codec writes a block. */
    public static byte[] zstd(byte[] data) {
        return Zstd.compress(data);
    }

    /** zlib-wrapped Deflate, as TIFF's compression 8 holds it. */
    public static byte[] deflate(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream zlib = new DeflaterOutputStream(out)) {
            zlib.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
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
}
