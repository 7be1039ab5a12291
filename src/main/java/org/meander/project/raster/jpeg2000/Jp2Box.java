package org.meander.project.raster.jpeg2000;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One box of a JP2 file: its four-letter type and where its content lies. A box starts with its length (4 bytes,
 * header included; 1: an 8-byte length follows the type; 0: it runs to the end of what holds it) and its type.
 *
 * @param start  the first byte of the content, after the header
 * @param length the content's length in bytes
 */
record Jp2Box(String type, long start, long length) {

    /** The most content read into memory: a box of metadata larger than this is damaged, or not metadata. */
    static final int MOST_READ = 16 << 20;

    long end() {
        return start + length;
    }

    /**
     * The boxes from byte {@code from} to byte {@code to} of the file (a superbox's content, or the whole file), in
     * order. A box whose length runs past {@code to} is a file cut short, or damage: said with the bytes it claims.
     */
    static List<Jp2Box> within(FileChannel channel, long from, long to) throws IOException {
        List<Jp2Box> boxes = new ArrayList<>();
        for (long at = from; at < to; ) {
            if (to - at < 8) {
                throw new IOException("truncated or damaged: " + (to - at) + " bytes at byte " + at + " where a JP2"
                        + " box belongs");
            }
            ByteBuffer header = ByteBuffer.wrap(read(channel, at, 8));
            long length = header.getInt(0) & 0xffffffffL;
            String type = new String(header.array(), 4, 4, StandardCharsets.ISO_8859_1);
            int headerLength = 8;
            if (length == 1) {
                length = ByteBuffer.wrap(read(channel, at + 8, 8)).getLong();
                headerLength = 16;
            } else if (length == 0) {
                length = to - at;
            }
            if (length < headerLength) {
                throw new IOException("damaged: the JP2 box \"" + type + "\" at byte " + at + " gives its length as "
                        + length + " bytes");
            }
            if (length > to - at) {
                throw new IOException("truncated: the JP2 box \"" + type + "\" at byte " + at + " holds " + length
                        + " bytes, but " + (to == channel.size() ? "the file ends" : "its enclosing box ends") + " "
                        + (to - at) + " bytes after its start");
            }
            boxes.add(new Jp2Box(type, at + headerLength, length - headerLength));
            at += length;
        }
        return boxes;
    }

    /** The boxes this superbox (jp2h, asoc) holds. */
    List<Jp2Box> children(FileChannel channel) throws IOException {
        return within(channel, start, end());
    }

    /** The content, for a box of metadata. */
    byte[] content(FileChannel channel) throws IOException {
        if (length > MOST_READ) {
            throw new IOException("the JP2 box \"" + type + "\" at byte " + start + " holds " + length + " bytes,"
                    + " too many for metadata");
        }
        return read(channel, start, (int) length);
    }

    static byte[] read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new EOFException("the file ends at byte " + (position + buffer.position()) + ", within the "
                        + length + " bytes at " + position);
            }
        }
        return buffer.array();
    }
}
