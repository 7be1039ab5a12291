package org.meander.weights;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/** Whole-buffer reads and writes: a single FileChannel call may move fewer bytes than asked. */
final class ChannelIo {

    private ChannelIo() {
    }

    static void readFully(Path file, FileChannel channel, ByteBuffer target, long position) throws IOException {
        while (target.hasRemaining()) {
            if (channel.read(target, position + target.position()) < 0) {
                // Sizes are checked before reading, so only a file shrinking meanwhile gets here.
                throw new WeightsException(file + ": the file ended while being read; is something still writing "
                        + "it? Wait for that to finish, or get the file again.");
            }
        }
    }

    static void writeFully(FileChannel channel, ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }
}
