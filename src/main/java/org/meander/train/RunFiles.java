package org.meander.train;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.meander.weights.AtomicFile;

/** Writes the small files of a run folder atomically, so a crash never leaves half a config or history. */
final class RunFiles {

    private RunFiles() {
    }

    static void write(Path file, byte[] content) throws IOException {
        AtomicFile.replace(file, channel -> {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        });
    }
}
