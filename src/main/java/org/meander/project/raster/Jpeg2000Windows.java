package org.meander.project.raster;

import java.awt.Rectangle;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferUShort;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import org.meander.project.raster.jpeg2000.Jpeg2000Decoder;
import org.meander.project.raster.jpeg2000.Jpeg2000File;
import org.opencv.core.Mat;

/**
 * Windows of a JPEG 2000 file. OpenCV decodes a JPEG 2000 image only whole, so it is decoded once, at the first read,
 * and every window (and every step-th pixel) is copied from the decoded pixels, which stay in OpenCV's native memory
 * until the file is closed: a 10980 x 10980 band of 16-bit samples holds 241 MB there, none on the Java heap.
 */
final class Jpeg2000Windows implements WindowReader {

    private final Path file;
    private final FileChannel channel;
    private final Jpeg2000File header;
    private final WholeDecoding decoding;
    private Mat pixels;
    /** Why the decode failed, said again at each read rather than decoding again for seconds. */
    private IOException failure;

    Jpeg2000Windows(Path file, FileChannel channel, Jpeg2000File header, WholeDecoding decoding) {
        this.file = file;
        this.channel = channel;
        this.header = header;
        this.decoding = decoding;
    }

    @Override
    public synchronized Raster read(Rectangle window, int step, boolean stored) throws IOException {
        Mat image = decoded();
        if (window.x < 0 || window.y < 0 || window.width <= 0 || window.height <= 0 || step < 1
                || window.x + window.width > image.cols() || window.y + window.height > image.rows()) {
            throw new IllegalArgumentException("the window " + window + " is not within the image's "
                    + image.cols() + " x " + image.rows() + " pixels");
        }
        int bands = image.channels();
        int columns = (window.width + step - 1) / step;
        int rows = (window.height + step - 1) / step;
        int[] channelOf = new int[bands];
        for (int b = 0; b < bands; b++) {
            channelOf[b] = Jpeg2000Decoder.channelOf(b, bands);
        }
        boolean wide = header.codestream().components().get(0).bits() > 8;
        WritableRaster out = Raster.createInterleavedRaster(wide ? DataBuffer.TYPE_USHORT : DataBuffer.TYPE_BYTE,
                columns, rows, bands, null);
        if (wide) {
            short[] samples = ((DataBufferUShort) out.getDataBuffer()).getData();
            short[] row = new short[window.width * bands];
            for (int j = 0; j < rows; j++) {
                image.get(window.y + j * step, window.x, row);
                for (int i = 0, at = j * columns * bands; i < columns; i++, at += bands) {
                    for (int b = 0; b < bands; b++) {
                        samples[at + b] = row[i * step * bands + channelOf[b]];
                    }
                }
            }
        } else {
            byte[] samples = ((DataBufferByte) out.getDataBuffer()).getData();
            byte[] row = new byte[window.width * bands];
            for (int j = 0; j < rows; j++) {
                image.get(window.y + j * step, window.x, row);
                for (int i = 0, at = j * columns * bands; i < columns; i++, at += bands) {
                    for (int b = 0; b < bands; b++) {
                        samples[at + b] = row[i * step * bands + channelOf[b]];
                    }
                }
            }
        }
        return out;
    }

    /** The whole image, decoded at the first read; the wait is told to {@link #decoding}. */
    private Mat decoded() throws IOException {
        if (pixels == null) {
            if (failure != null) {
                throw new UndecodableFileException(failure.getMessage(), failure);
            }
            decoding.decoding(file, "JPEG 2000, " + header.describe());
            long start = System.nanoTime();
            try {
                pixels = Jpeg2000Decoder.decode(channel, header);
            } catch (IOException e) {
                failure = e;
                throw new UndecodableFileException(e.getMessage(), e);
            }
            decoding.decoded(file, (System.nanoTime() - start) / 1e9);
        }
        return pixels;
    }

    @Override
    public synchronized void close() throws IOException {
        if (pixels != null) {
            pixels.release();
            pixels = null;
        }
        channel.close();
    }
}
