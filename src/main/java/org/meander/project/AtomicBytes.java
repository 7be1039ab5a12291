package org.meander.project;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.meander.weights.AtomicFile;

/**
 * Every project file (and every small file an export writes) is written whole through here: atomically, and looping
 * because one channel write may be short.
 */
public final class AtomicBytes {

    private AtomicBytes() {
    }

    public static void write(Path file, byte[] content) throws IOException {
        AtomicFile.replace(file, channel -> {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        });
    }
}
