package org.meander.project.raster.tiff;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** A TIFF's bytes read at any position: from a file without loading it, or from memory. */
@FunctionalInterface
public interface TiffBytes {

    /** Exactly {@code length} bytes from {@code position}; an EOFException where the file ends before. */
    byte[] read(long position, int length) throws IOException;

    static TiffBytes of(FileChannel channel) {
        return (position, length) -> {
            ByteBuffer buffer = ByteBuffer.allocate(length);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, position + buffer.position()) < 0) {
                    throw new EOFException("the file ends at byte " + (position + buffer.position()) + ", before the "
                            + length + " bytes at " + position + " that its directory points to");
                }
            }
            return buffer.array();
        };
    }

    static TiffBytes of(byte[] content) {
        return (position, length) -> {
            if (position < 0 || position + length > content.length) {
                throw new EOFException("the file ends at byte " + content.length + ", before the " + length
                        + " bytes at " + position + " that its directory points to");
            }
            byte[] out = new byte[length];
            System.arraycopy(content, (int) position, out, 0, length);
            return out;
        };
    }
}
