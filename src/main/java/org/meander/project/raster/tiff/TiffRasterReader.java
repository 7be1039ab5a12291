package org.meander.project.raster.tiff;

import java.awt.Rectangle;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Meander's own TIFF reader, for what Java's cannot read: BigTIFF, horizontal differencing on 16-bit samples, ZSTD,
 * and floating-point samples with GDAL's floating-point predictor (all floating-point TIFFs come here, to be read one
 * way). It reads 8- and 16-bit unsigned samples and 32- and 64-bit IEEE floating-point ones, grey, RGB or any number
 * of bands, interleaved or band by band, in tiles or strips, uncompressed or compressed with LZW, Deflate, PackBits or
 * ZSTD, with or without the predictor for their kind (horizontal differencing for integers, the floating-point
 * predictor of TIFF Technical Note 3 for floating-point numbers), or 8-bit JPEG (RGB, YCbCr or grey); a window at a
 * time, decoding only the blocks under it, so a raster larger than memory can be cut. It also reads the one-bit
 * samples of GDAL's nodata masks ({@link #mask}), as bytes of 0 and 1. Anything else is refused with what to do
 * about it.
 */
public final class TiffRasterReader {

    private static final int BLACK_IS_ZERO = 1;
    private static final int RGB = 2;
    /** PhotometricInterpretation of a mask: GDAL's nodata mask, 1 where the image holds data. */
    private static final int TRANSPARENCY_MASK = 4;
    private static final int Y_CB_CR = 6;
    private static final int JPEG = 7;
    private static final String REWRITE = "rewrite it with gdal_translate -co COMPRESS=DEFLATE -co TILED=YES IN.tif"
            + " OUT.tif";

    private final TiffBytes bytes;
    private final TiffDirectory directory;
    private final Compression compression;
    private final SampleType type;
    private final Predictor predictor;

    private TiffRasterReader(TiffBytes bytes, TiffDirectory directory, Compression compression, SampleType type,
                             Predictor predictor) {
        this.bytes = bytes;
        this.directory = directory;
        this.compression = compression;
        this.type = type;
        this.predictor = predictor;
    }

    /** Reads the directory; an IOException says what in it this reader cannot decode. */
    public static TiffRasterReader open(TiffBytes bytes) throws IOException {
        return open(bytes, TiffDirectory.read(bytes));
    }

    private static TiffRasterReader open(TiffBytes bytes, TiffDirectory directory) throws IOException {
        Compression compression = Compression.of(directory.compression());
        boolean jpeg = directory.compression() == JPEG;
        if (compression == null && !jpeg) {
            throw new IOException("compressed with " + Compression.describe(directory.compression()) + ", which"
                    + " Meander cannot decode (it reads uncompressed, LZW, Deflate, PackBits, ZSTD and JPEG TIFFs); "
                    + REWRITE);
        }
        if (jpeg && (directory.bitsPerSample() != 8 || directory.planar())) {
            throw new IOException("JPEG-compressed " + directory.bitsPerSample() + "-bit samples" + (directory.planar()
                    ? ", one band at a time" : "") + ", which Meander does not read; " + REWRITE);
        }
        boolean oneBit = directory.bitsPerSample() == 1;
        if (oneBit && (directory.sampleFormat() != 1 || directory.predictor() != 1)) {
            throw new IOException("one-bit samples with SampleFormat " + directory.sampleFormat() + " and Predictor "
                    + directory.predictor() + ", where Meander reads them unsigned (1) and without a predictor (1); "
                    + REWRITE);
        }
        SampleType type = oneBit ? SampleType.UNSIGNED_8 : SampleType.of(directory.sampleFormat(),
                directory.bitsPerSample());
        if (type == null) {
            String kind = directory.sampleFormat() == 3 ? "floating-point" : directory.sampleFormat() == 2
                    ? "signed" : "unsigned";
            throw new IOException(directory.bitsPerSample() + "-bit " + kind + " samples, where Meander reads 8- and"
                    + " 16-bit unsigned integers and 32- and 64-bit floating-point numbers; rewrite it with"
                    + " gdal_translate -ot Float32 (or -ot UInt16 -scale MIN MAX 0 65535) -co COMPRESS=DEFLATE"
                    + " -co TILED=YES IN.tif OUT.tif");
        }
        Predictor predictor = Predictor.of(directory.predictor());
        if (predictor == null) {
            throw new IOException("predictor " + directory.predictor() + ", which Meander does not undo; " + REWRITE);
        }
        if (type.floatingPoint() && predictor == Predictor.HORIZONTAL_DIFFERENCING) {
            throw new IOException("horizontal differencing (predictor 2) on floating-point samples, which Meander"
                    + " does not undo (it undoes the floating-point predictor, 3); rewrite it with gdal_translate"
                    + " -co COMPRESS=DEFLATE -co PREDICTOR=3 -co TILED=YES IN.tif OUT.tif");
        }
        if (!type.floatingPoint() && predictor == Predictor.FLOATING_POINT) {
            throw new IOException("the floating-point predictor (3) on integer samples, which Meander does not undo"
                    + " (it undoes horizontal differencing, 2); rewrite it with gdal_translate -co COMPRESS=DEFLATE"
                    + " -co PREDICTOR=2 -co TILED=YES IN.tif OUT.tif");
        }
        if (directory.photometric() != BLACK_IS_ZERO && directory.photometric() != RGB
                && directory.photometric() != TRANSPARENCY_MASK && !(jpeg && directory.photometric() == Y_CB_CR)) {
            throw new IOException("photometric interpretation " + directory.photometric() + " (3 is a colour"
                    + " palette, 0 white-is-zero), where Meander reads grey, RGB and other bands as stored; "
                    + REWRITE + " -expand rgb");
        }
        return new TiffRasterReader(bytes, directory, compression, type, predictor);
    }

    /**
     * Readers of the image's overviews that hold its samples as it does, largest first; an overview this reader
     * cannot decode is left out (the image itself can always be read instead).
     */
    public List<TiffRasterReader> overviews() throws IOException {
        List<TiffRasterReader> overviews = new ArrayList<>();
        for (TiffDirectory overview : TiffDirectory.readOverviews(bytes)) {
            if (overview.samplesPerPixel() == bands() && overview.bitsPerSample() == bitsPerSample()
                    && overview.sampleFormat() == directory.sampleFormat()) {
                try {
                    overviews.add(open(bytes, overview));
                } catch (IOException e) {
                    // left out
                }
            }
        }
        overviews.sort(Comparator.comparingLong((TiffRasterReader r) -> (long) r.width() * r.height()).reversed());
        return overviews;
    }

    /**
     * A reader of the mask of this reader's image, if the file holds one: GDAL's internal nodata mask (1 where the
     * image holds data, 0 where not), the directory of the image's size that NewSubfileType marks a mask of it
     * ({@link TiffDirectory#isMaskOf}). An IOException says what in the mask this reader cannot decode.
     */
    public Optional<TiffRasterReader> mask() throws IOException {
        for (TiffDirectory mask : TiffDirectory.readMasks(bytes)) {
            if (TiffDirectory.isMaskOf(mask.newSubfileType(), directory.newSubfileType())
                    && mask.width() == width() && mask.height() == height()) {
                return Optional.of(open(bytes, mask));
            }
        }
        return Optional.empty();
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

    /** Whether the samples are IEEE floating-point numbers (a float or double raster) rather than integers. */
    public boolean floatingPoint() {
        return type.floatingPoint();
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

    /**
     * The window's samples, interleaved, with (0, 0) at its top left: bytes, unsigned shorts, floats or doubles, as
     * they are stored.
     */
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
        int[] bandOffsets = new int[bands];
        Arrays.setAll(bandOffsets, b -> b);
        WritableRaster out = Raster.createWritableRaster(new PixelInterleavedSampleModel(type.dataType(), outWidth,
                outHeight, bands, outWidth * bands, bandOffsets), null);
        Object outSamples = type.array(out.getDataBuffer());
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
                    copy(block(bx, by, plane), bx * bw, by * bh, rowsOf(by), plane, window, step, outSamples,
                            outWidth);
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

    /**
     * A block's samples, decompressed and the predictor undone, one per band (or per plane's band) per pixel, in the
     * array of their type.
     */
    private Object block(int bx, int by, int plane) throws IOException {
        int across = directory.blocksAcross();
        int index = plane * across * directory.blocksDown() + by * across + bx;
        int rows = rowsOf(by);
        int perPixel = directory.planar() ? 1 : bands();
        int rowSamples = directory.blockWidth() * perPixel;
        int samples = rowSamples * rows;
        boolean oneBit = bitsPerSample() == 1;
        int size = oneBit ? BitRows.rowBytes(rowSamples) * rows : samples * type.bytes();
        long length = directory.byteCounts()[index];
        long most = 2L * size + 65536; // compression may grow data a little, never twofold
        if (length < 0 || length > most) {
            throw new IOException("block " + index + " said to take " + length + " bytes in the file, where its "
                    + directory.blockWidth() + " x " + rows + " pixels take " + size);
        }
        byte[] data = bytes.read(directory.offsets()[index], (int) length);
        if (compression == null) {
            return JpegBlocks.decode(directory.jpegTables(), data, directory.blockWidth(), rows, perPixel);
        }
        byte[] raw = compression.decompress(data, size);
        if (raw.length < size) {
            throw new IOException("block " + index + " decodes to " + raw.length + " bytes where its "
                    + directory.blockWidth() + " x " + rows + " pixels take " + size);
        }
        if (oneBit) {
            return BitRows.unpack(raw, rowSamples, rows);
        }
        ByteOrder order = predictor.undo(raw, rows, directory.blockWidth() * perPixel, perPixel, type.bytes(),
                directory.order());
        return type.samples(raw, samples, order);
    }

    /** Strips are as tall as the rows left at the image's foot; tiles are whole, padding included. */
    private int rowsOf(int by) {
        int bh = directory.blockHeight();
        return directory.tiled() ? bh : Math.min(bh, height() - by * bh);
    }

    /** The block's samples that fall on the window's sampled pixels, into out (a raster's array of outWidth pixels). */
    private void copy(Object block, int x0, int y0, int rows, int plane, Rectangle window, int step, Object out,
                      int outWidth) {
        int bw = directory.blockWidth();
        int perPixel = directory.planar() ? 1 : bands();
        int bands = bands();
        int band = directory.planar() ? plane : 0;
        int firstX = Math.max(x0, window.x);
        int lastX = Math.min(Math.min(x0 + bw, width()), window.x + window.width) - 1;
        int firstY = Math.max(y0, window.y);
        int lastY = Math.min(y0 + rows, window.y + window.height) - 1;
        // the first sampled pixel at or after first: window start plus a multiple of step
        firstX += Math.floorMod(window.x - firstX, step);
        firstY += Math.floorMod(window.y - firstY, step);
        // every pixel taken, all bands in the block: a row's samples are one run in both arrays
        int pixels = step == 1 && !directory.planar() ? lastX - firstX + 1 : 1;
        for (int y = firstY; y <= lastY; y += step) {
            int outRow = (y - window.y) / step * outWidth;
            int blockRow = (y - y0) * bw;
            for (int x = firstX; x <= lastX; x += step * pixels) {
                System.arraycopy(block, (blockRow + x - x0) * perPixel, out,
                        (outRow + (x - window.x) / step) * bands + band, pixels * perPixel);
            }
        }
    }
}
