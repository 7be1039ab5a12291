package org.meander.project.raster.jpeg2000;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import org.meander.project.raster.OpenCvLibrary;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * Decodes a JPEG 2000 codestream whole with OpenCV's decoder (OpenJPEG 2.5 inside), into native memory: the pixels
 * stay off the Java heap (a Sentinel-2 band is 241 MB). OpenCV is given the codestream in a JP2 header of Meander's
 * own, saying sRGB for three or four components and grey for one: given the file's own, it takes three components
 * the header calls grey (as GDAL writes bands it cannot name) for one band thrice, and lets the channel definitions
 * reorder them; with Meander's header the components come as the codestream holds them, as GDAL reads them, but
 * for OpenCV's colour order (see {@link #channelOf}).
 */
public final class Jpeg2000Decoder {

    /** OpenCV's decoders refuse images of more pixels (its CV_IO_MAX_IMAGE_PIXELS, 2^30 by default). */
    private static final long MOST_PIXELS = 1L << 30;
    private static final int CHUNK = 4 << 20;
    private static final int GREY = 17;
    private static final int SRGB = 16;
    private static final String CONVERT = "make a GeoTIFF of it (gdal_translate -of GTiff IN.jp2 OUT.tif) and give"
            + " that";

    private Jpeg2000Decoder() {
    }

    /**
     * Refuses what OpenCV's decoder does not read (components other than 1, 3 or 4; signed samples or deeper than
     * 16 bits; components unlike each other) and colours its channel definitions reorder, saying what the file
     * holds and what to do.
     */
    public static void requireDecodable(Jpeg2000File file) throws IOException {
        Codestream codestream = file.codestream();
        Codestream.Component first = codestream.components().get(0);
        int count = codestream.components().size();
        String refused = count != 1 && count != 3 && count != 4 ? "1, 3 or 4 components only"
                : !codestream.components().stream().allMatch(c -> c.equals(first))
                        ? "components of one depth and size only"
                : first.signed() ? "unsigned samples only"
                : first.bits() > 16 ? "samples of up to 16 bits only"
                : first.stepAcross() != 1 || first.stepDown() != 1 ? "components at every pixel only"
                : (long) codestream.width() * codestream.height() > MOST_PIXELS ? "images of up to 2^30 pixels only"
                : codestream.length() > Integer.MAX_VALUE - 1024 ? "codestreams of up to 2 GB only"
                : file.channels().reordered() ? "colours in their own components only (its channel definitions,"
                        + " cdef, move them)"
                : null;
        if (refused != null) {
            throw new IOException("JPEG 2000 (" + file.describe() + "), which Meander's decoder (OpenCV's OpenJPEG)"
                    + " does not read: it reads " + refused + "; " + CONVERT);
        }
    }

    /**
     * The image's pixels, one channel a component; the caller releases them. The message of an exception says what
     * failed and what to do; a decoder failure is an exception, never a crash: OpenCV catches its decoder's errors.
     */
    public static Mat decode(FileChannel channel, Jpeg2000File file) throws IOException {
        requireDecodable(file);
        OpenCvLibrary.ensureLoaded();
        Codestream codestream = file.codestream();
        byte[] header = header(codestream);
        Mat encoded = new Mat(1, header.length + (int) codestream.length(), CvType.CV_8UC1);
        Mat decoded;
        try {
            encoded.put(0, 0, header);
            ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
            for (long done = 0; done < codestream.length(); ) {
                chunk.clear().limit((int) Math.min(CHUNK, codestream.length() - done));
                while (chunk.hasRemaining()) {
                    if (channel.read(chunk, codestream.start() + done + chunk.position()) < 0) {
                        throw new IOException("truncated: the file ended while its codestream was read; copy it again");
                    }
                }
                encoded.put(0, header.length + (int) done, chunk.array(), 0, chunk.position());
                done += chunk.position();
            }
            decoded = Imgcodecs.imdecode(encoded, Imgcodecs.IMREAD_UNCHANGED);
        } catch (RuntimeException e) {
            throw new IOException("OpenCV's decoder failed (" + e.getMessage() + ")", e);
        } finally {
            encoded.release();
        }
        int depth = codestream.components().get(0).bits() <= 8 ? CvType.CV_8U : CvType.CV_16U;
        if (decoded.empty() || decoded.cols() != codestream.width() || decoded.rows() != codestream.height()
                || decoded.channels() != codestream.components().size() || decoded.depth() != depth) {
            decoded.release();
            throw new IOException("JPEG 2000 (" + file.describe() + ") that OpenCV's decoder (OpenJPEG) cannot"
                    + " decode: damaged, or made in a way it does not read; if GDAL reads it, " + CONVERT);
        }
        return decoded;
    }

    /**
     * The channel of OpenCV's pixels that holds band {@code band} (from 0) of {@code bands}: OpenCV gives colours as
     * blue, green, red (and alpha or the fourth band after them), so the first three are reversed.
     */
    public static int channelOf(int band, int bands) {
        return bands >= 3 && band < 3 ? 2 - band : band;
    }

    /** A JP2 signature, file type and header box (image header, colour specification), then the codestream box's. */
    private static byte[] header(Codestream codestream) {
        int components = codestream.components().size();
        ByteBuffer header = ByteBuffer.allocate(Jpeg2000File.SIGNATURE.length + 20 + 45 + 8);
        header.put(Jpeg2000File.SIGNATURE);
        header.putInt(20).put(ascii("ftyp")).put(ascii("jp2 ")).putInt(0).put(ascii("jp2 "));
        header.putInt(45).put(ascii("jp2h"));
        header.putInt(22).put(ascii("ihdr")).putInt(codestream.height()).putInt(codestream.width())
                .putShort((short) components).put((byte) (codestream.components().get(0).bits() - 1))
                .put((byte) 7).put((byte) 0).put((byte) 0); // compression 7: JPEG 2000; colour space known; no IPR
        header.putInt(15).put(ascii("colr")).put((byte) 1).put((byte) 0).put((byte) 0)
                .putInt(components == 1 ? GREY : SRGB);
        header.putInt((int) (8 + codestream.length())).put(ascii("jp2c"));
        return header.array();
    }

    private static byte[] ascii(String type) {
        return type.getBytes(StandardCharsets.US_ASCII);
    }
}
