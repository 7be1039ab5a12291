package org.meander.project.raster;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import javax.imageio.stream.ImageOutputStreamImpl;

/**
 * An ImageIO output stream onto a file channel, so that an image writer can write straight into the temporary file
 * of an atomic write ({@link org.meander.weights.AtomicFile}): the TIFF writer seeks back to fill in offsets, and an
 * image larger than memory must not be buffered whole.
 */
final class ChannelImageOutput extends ImageOutputStreamImpl {

    private final FileChannel channel;

    ChannelImageOutput(FileChannel channel) {
        this.channel = channel;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        bitOffset = 0;
        int n = channel.read(ByteBuffer.wrap(bytes, offset, length), streamPos);
        if (n > 0) {
            streamPos += n;
        }
        return n;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        flushBits();
        ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
        while (buffer.hasRemaining()) {
            streamPos += channel.write(buffer, streamPos);
        }
    }

    @Override
    public long length() {
        try {
            return channel.size();
        } catch (IOException e) {
            return -1;
        }
    }
}
