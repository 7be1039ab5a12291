package org.meander.testing;

import static org.meander.testing.RawTiff.LONG;
import static org.meander.testing.RawTiff.SHORT;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.meander.testing.RawTiff.Field;

/**
 * 16-bit TIFFs written byte by byte as GDAL writes them on request and Java's TIFF writer cannot: Deflate (or ZSTD,
 * {@code -co COMPRESS=ZSTD}) with horizontal differencing ({@code -co PREDICTOR=2}), in a classic TIFF or a BigTIFF
 * ({@code -co BIGTIFF=YES}), the bands interleaved or one strip per band ({@code -co INTERLEAVE=BAND}), bands after
 * the colours (or the grey) as ExtraSamples. Pixel (x, y) of band b holds x * 1000 + y + b.
 */
public final class GdalStyleTiff {

    private GdalStyleTiff() {
    }

    /** One band. */
    public static byte[] write(int width, int height, boolean bigTiff) {
        return write(width, height, 1, false, bigTiff);
    }

    public static byte[] write(int width, int height, int bands, boolean planar, boolean bigTiff) {
        return write(width, height, bands, planar, bigTiff, RawTiff.DEFLATE, true);
    }

    /**
     * As {@link #write(int, int, int, boolean, boolean)}, compressed with {@code compression} ({@link RawTiff#DEFLATE}
     * or {@link RawTiff#ZSTD}), with horizontal differencing or without a predictor.
     */
    public static byte[] write(int width, int height, int bands, boolean planar, boolean bigTiff, int compression,
            boolean predictor) {
        if ((width - 1) * 1000 + height - 1 + bands - 1 > 0xffff) {
            throw new IllegalArgumentException("x * 1000 + y + b must fit 16 bits: " + width + " x " + height);
        }
        List<byte[]> strips = new ArrayList<>();
        for (int plane = 0; plane < (planar ? bands : 1); plane++) {
            byte[] samples = samples(width, height, bands, planar ? plane : -1, predictor);
            strips.add(compression == RawTiff.ZSTD ? RawTiff.zstd(samples) : RawTiff.deflate(samples));
        }
        long[] bits = new long[bands];
        Arrays.fill(bits, 16);
        int extra = bands - (bands >= 3 ? 3 : 1);
        List<Field> fields = new ArrayList<>(List.of(
                new Field(256, LONG, width), new Field(257, LONG, height), new Field(258, SHORT, bits),
                new Field(259, SHORT, compression), new Field(262, SHORT, bands >= 3 ? 2 : 1),
                new Field(277, SHORT, bands), new Field(278, LONG, height), new Field(284, SHORT, planar ? 2 : 1),
                new Field(317, SHORT, predictor ? 2 : 1)));
        if (extra > 0) {
            fields.add(new Field(338, SHORT, new long[extra])); // the bands after the colours are of no kind
        }
        return RawTiff.write(ByteOrder.LITTLE_ENDIAN, bigTiff, fields, strips, false);
    }

    /**
     * Rows of little-endian 16-bit samples, all bands interleaved (plane -1), or one band's alone; differenced, each
     * after a row's first pixel stored as its difference from the same band's sample before it.
     */
    private static byte[] samples(int width, int height, int bands, int plane, boolean differenced) {
        int perPixel = plane < 0 ? bands : 1;
        ByteBuffer samples = ByteBuffer.allocate(width * height * perPixel * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int i = 0; i < perPixel; i++) {
                    int band = plane < 0 ? i : plane;
                    int value = x * 1000 + y + band;
                    int before = x == 0 || !differenced ? 0 : (x - 1) * 1000 + y + band;
                    samples.putShort((short) (value - before));
                }
            }
        }
        return samples.array();
    }
}
