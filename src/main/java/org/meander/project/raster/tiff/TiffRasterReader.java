package org.meander.project.raster.tiff;

import java.awt.Rectangle;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferUShort;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.ByteOrder;
import java.util.Optional;
import org.meander.project.raster.Georeferencing;

/**
 * Meander's own TIFF reader, for what Java's cannot read: BigTIFF, and horizontal differencing on 16-bit samples.
 * It reads 8- and 16-bit unsigned samples, grey, RGB or any number of bands, interleaved or band by band, in tiles
 * or strips, uncompressed or compressed with LZW, Deflate or PackBits, with or without that predictor, or 8-bit JPEG
 * (RGB, YCbCr or grey); a window at a time, decoding only the blocks under it, so a raster larger than memory can
 * be cut. Anything else is refused with what to do about it.
 */
public final class TiffRasterReader {

    private static final int BLACK_IS_ZERO = 1;
    private static final int RGB = 2;
    private static final int Y_CB_CR = 6;
    private static final int JPEG = 7;
    private static final int HORIZONTAL_DIFFERENCING = 2;
    private static final String REWRITE = "rewrite it with gdal_translate -co COMPRESS=DEFLATE -co TILED=YES IN.tif"
            + " OUT.tif";

    private final TiffBytes bytes;
    private final TiffDirectory directory;
    private final Compression compression;
    private final int bytesPerSample;

    private TiffRasterReader(TiffBytes bytes, TiffDirectory directory, Compression compression) {
        this.bytes = bytes;
        this.directory = directory;
        this.compression = compression;
        this.bytesPerSample = directory.bitsPerSample() / 8;
    }

    /** Reads the directory; an IOException says what in it this reader cannot decode. */
    public static TiffRasterReader open(TiffBytes bytes) throws IOException {
        TiffDirectory directory = TiffDirectory.read(bytes);
        Compression compression = Compression.of(directory.compression());
        boolean jpeg = directory.compression() == JPEG;
        if (compression == null && !jpeg) {
            throw new IOException("compressed with " + Compression.describe(directory.compression()) + ", which"
                    + " Meander cannot decode (it reads uncompressed, LZW, Deflate, PackBits and JPEG TIFFs); "
                    + REWRITE);
        }
        if (jpeg && (directory.bitsPerSample() != 8 || directory.planar())) {
            throw new IOException("JPEG-compressed " + directory.bitsPerSample() + "-bit samples" + (directory.planar()
                    ? ", one band at a time" : "") + ", which Meander does not read; " + REWRITE);
        }
        if (directory.sampleFormat() != 1 || directory.bitsPerSample() != 8 && directory.bitsPerSample() != 16) {
            String kind = directory.sampleFormat() == 3 ? "floating-point" : directory.sampleFormat() == 2
                    ? "signed" : "unsigned";
            throw new IOException(directory.bitsPerSample() + "-bit " + kind + " samples, where Meander reads 8- and"
                    + " 16-bit unsigned integers; rewrite it with gdal_translate -ot UInt16 (and -scale MIN MAX 0 65535"
                    + " for floating-point values) -co COMPRESS=DEFLATE -co TILED=YES IN.tif OUT.tif");
        }
        if (directory.predictor() != 1 && directory.predictor() != HORIZONTAL_DIFFERENCING) {
            throw new IOException("predictor " + directory.predictor() + ", which Meander does not undo; " + REWRITE);
        }
        if (directory.photometric() != BLACK_IS_ZERO && directory.photometric() != RGB
                && !(jpeg && directory.photometric() == Y_CB_CR)) {
            throw new IOException("photometric interpretation " + directory.photometric() + " (3 is a colour"
                    + " palette, 0 white-is-zero), where Meander reads grey, RGB and other bands as stored; "
                    + REWRITE + " -expand rgb");
        }
        return new TiffRasterReader(bytes, directory, compression);
    }

    public TiffDirectory directory() {
        return directory;
    }

    public int width() {
        return directory.width();
    }

    public int height() {
        return directory.height();
    }

    public int bands() {
        return directory.samplesPerPixel();
    }

    public int bitsPerSample() {
        return directory.bitsPerSample();
    }

    public Optional<Georeferencing> georeferencing() {
        return Georeferencing.of(directory.georeferencing());
    }

    /** The whole image as a picture of its bands: grey for one, RGB for three, otherwise plain components. */
    public BufferedImage image() throws IOException {
        WritableRaster raster = read(new Rectangle(0, 0, width(), height()));
        ColorSpace space = bands() == 1 ? ColorSpace.getInstance(ColorSpace.CS_GRAY)
                : bands() == 3 ? ColorSpace.getInstance(ColorSpace.CS_sRGB) : new PlainComponents(bands());
        ColorModel colours = new ComponentColorModel(space, false, false, Transparency.OPAQUE,
                raster.getDataBuffer().getDataType());
        return new BufferedImage(colours, raster, false, null);
    }

    /** The window's samples, interleaved, with (0, 0) at its top left. */
    public WritableRaster read(Rectangle window) throws IOException {
        return read(window, 1);
    }

    /** Every step-th sample of every step-th row of the window, from its top left one. */
    public WritableRaster read(Rectangle window, int step) throws IOException {
        if (window.x < 0 || window.y < 0 || window.x + window.width > width() || window.y + window.height > height()
                || window.isEmpty() || step < 1) {
            throw new IllegalArgumentException("window " + window + " (step " + step + ") outside the image of "
                    + width() + " x " + height());
        }
        int outWidth = (window.width + step - 1) / step;
        int outHeight = (window.height + step - 1) / step;
        int bands = bands();
        WritableRaster out = Raster.createInterleavedRaster(bytesPerSample == 1 ? DataBuffer.TYPE_BYTE
                : DataBuffer.TYPE_USHORT, outWidth, outHeight, bands, null);
        int bw = directory.blockWidth();
        int bh = directory.blockHeight();
        for (int by = window.y / bh; by <= (window.y + window.height - 1) / bh; by++) {
            if (!sampled(by * bh, by * bh + rowsOf(by), window.y, window.y + window.height, step)) {
                continue; // a strip between sampled rows need not be decoded
            }
            for (int bx = window.x / bw; bx <= (window.x + window.width - 1) / bw; bx++) {
                if (!sampled(bx * bw, bx * bw + bw, window.x, window.x + window.width, step)) {
                    continue;
                }
                for (int plane = 0; plane < (directory.planar() ? bands : 1); plane++) {
                    copy(block(bx, by, plane), bx * bw, by * bh, rowsOf(by), plane, window, step, out);
                }
            }
        }
        return out;
    }

    /** Whether [from, to) holds a sample of [start, end) taken every step from start. */
    private static boolean sampled(int from, int to, int start, int end, int step) {
        int first = Math.max(from, start);
        first += Math.floorMod(start - first, step);
        return first < Math.min(to, end);
    }

    /** A block's samples, decompressed and the predictor undone: one per band (or per plane's band) per pixel. */
    private short[] block(int bx, int by, int plane) throws IOException {
        int across = directory.blocksAcross();
        int index = plane * across * directory.blocksDown() + by * across + bx;
        int rows = rowsOf(by);
        int perPixel = directory.planar() ? 1 : bands();
        int samples = directory.blockWidth() * rows * perPixel;
        long length = directory.byteCounts()[index];
        long most = 2L * samples * bytesPerSample + 65536; // compression may grow data a little, never twofold
        if (length < 0 || length > most) {
            throw new IOException("block " + index + " said to take " + length + " bytes in the file, where its "
                    + directory.blockWidth() + " x " + rows + " pixels take " + samples * bytesPerSample);
        }
        byte[] data = bytes.read(directory.offsets()[index], (int) length);
        if (compression == null) {
            return JpegBlocks.decode(directory.jpegTables(), data, directory.blockWidth(), rows, perPixel);
        }
        byte[] raw = compression.decompress(data, samples * bytesPerSample);
        if (raw.length < samples * bytesPerSample) {
            throw new IOException("block " + index + " decodes to " + raw.length + " bytes where its "
                    + directory.blockWidth() + " x " + rows + " pixels take " + samples * bytesPerSample);
        }
        short[] values = new short[samples];
        boolean little = directory.order() == ByteOrder.LITTLE_ENDIAN;
        for (int i = 0; i < samples; i++) {
            if (bytesPerSample == 1) {
                values[i] = (short) (raw[i] & 0xff);
            } else {
                int low = raw[little ? 2 * i : 2 * i + 1] & 0xff;
                int high = raw[little ? 2 * i + 1 : 2 * i] & 0xff;
                values[i] = (short) (high << 8 | low);
            }
        }
        if (directory.predictor() == HORIZONTAL_DIFFERENCING) {
            undoDifferencing(values, directory.blockWidth(), rows, perPixel);
        }
        return values;
    }

    /** Strips are as tall as the rows left at the image's foot; tiles are whole, padding included. */
    private int rowsOf(int by) {
        int bh = directory.blockHeight();
        return directory.tiled() ? bh : Math.min(bh, height() - by * bh);
    }

    /** Each sample after a row's first pixel was stored as its difference from the same band's sample before it. */
    private void undoDifferencing(short[] values, int width, int rows, int perPixel) {
        int mask = bytesPerSample == 1 ? 0xff : 0xffff;
        for (int row = 0; row < rows; row++) {
            int start = row * width * perPixel;
            for (int i = start + perPixel; i < start + width * perPixel; i++) {
                values[i] = (short) ((values[i] + values[i - perPixel]) & mask);
            }
        }
    }

    /** The block's samples that fall on the window's sampled pixels, into out. */
    private void copy(short[] block, int x0, int y0, int rows, int plane, Rectangle window, int step,
                      WritableRaster out) {
        int bw = directory.blockWidth();
        int perPixel = directory.planar() ? 1 : bands();
        int bands = bands();
        int firstX = Math.max(x0, window.x);
        int lastX = Math.min(Math.min(x0 + bw, width()), window.x + window.width) - 1;
        int firstY = Math.max(y0, window.y);
        int lastY = Math.min(y0 + rows, window.y + window.height) - 1;
        // the first sampled pixel at or after first: window start plus a multiple of step
        firstX += Math.floorMod(window.x - firstX, step);
        firstY += Math.floorMod(window.y - firstY, step);
        int outWidth = out.getWidth();
        DataBuffer buffer = out.getDataBuffer();
        byte[] outBytes = buffer instanceof DataBufferByte b ? b.getData() : null;
        short[] outShorts = buffer instanceof DataBufferUShort s ? s.getData() : null;
        for (int y = firstY; y <= lastY; y += step) {
            int outRow = (y - window.y) / step * outWidth;
            int blockRow = (y - y0) * bw;
            for (int x = firstX; x <= lastX; x += step) {
                int from = (blockRow + x - x0) * perPixel;
                int to = (outRow + (x - window.x) / step) * bands;
                for (int b = 0; b < perPixel; b++) {
                    int band = directory.planar() ? plane : b;
                    if (outBytes != null) {
                        outBytes[to + band] = (byte) block[from + b];
                    } else {
                        outShorts[to + band] = block[from + b];
                    }
                }
            }
        }
    }
}
