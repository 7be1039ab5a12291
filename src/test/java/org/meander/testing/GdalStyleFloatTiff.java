package org.meander.testing;

import static org.meander.testing.RawTiff.LONG;
import static org.meander.testing.RawTiff.SHORT;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.meander.testing.RawTiff.Field;

/**
 * Floating-point TIFFs written byte by byte as GDAL writes them with {@code -ot Float32} (or {@code Float64})
 * {@code -co COMPRESS=DEFLATE -co PREDICTOR=3}: each row of a block as libtiff's floating-point predictor leaves it
 * (fpDiff: the samples' bytes regrouped into planes, the most significant first, then each byte stored as its
 * difference from the byte one pixel before), in tiles or in strips of {@value #STRIP_ROWS} rows, the bands
 * interleaved or one block per band ({@code -co INTERLEAVE=BAND}), in a classic TIFF or a BigTIFF, in either byte
 * order (which changes the directory, not the predicted blocks). Pixel (x, y) of band b holds
 * {@link #value(int, int, int)}.
 */
public final class GdalStyleFloatTiff {

    /** A strip's rows: few, so that the last strip is short and a small image has several. */
    public static final int STRIP_ROWS = 7;

    /**
     * What to write.
     *
     * @param bits 32 or 64
     * @param tile the tiles' width and height, or 0 for strips
     */
    public record Layout(int width, int height, int bands, int bits, boolean planar, int tile, boolean bigTiff,
                         ByteOrder order) {

        /** Float32, little-endian, the bands interleaved, in strips of a classic TIFF. */
        public static Layout of(int width, int height, int bands) {
            return new Layout(width, height, bands, 32, false, 0, false, ByteOrder.LITTLE_ENDIAN);
        }
    }

    private GdalStyleFloatTiff() {
    }

    /**
     * x * 0.001 + y * 0.25 + b, a reflectance-like ramp, but for three pixels of every band with values a float
     * raster holds: (3, 2) NaN (a nodata), (4, 2) -10000 (another usual nodata), (5, 2) 1e30.
     */
    public static double value(int x, int y, int band) {
        if (y == 2 && x >= 3 && x <= 5) {
            return x == 3 ? Double.NaN : x == 4 ? -10000 : 1e30;
        }
        return x * 0.001 + y * 0.25 + band;
    }

    public static byte[] write(Layout layout) {
        int blockWidth = layout.tile() > 0 ? layout.tile() : layout.width();
        int blockHeight = layout.tile() > 0 ? layout.tile() : STRIP_ROWS;
        List<byte[]> blocks = new ArrayList<>();
        for (int plane = 0; plane < (layout.planar() ? layout.bands() : 1); plane++) {
            for (int y0 = 0; y0 < layout.height(); y0 += blockHeight) {
                int rows = layout.tile() > 0 ? blockHeight : Math.min(blockHeight, layout.height() - y0);
                for (int x0 = 0; x0 < layout.width(); x0 += blockWidth) {
                    blocks.add(RawTiff.deflate(block(layout, layout.planar() ? plane : -1, x0, y0, blockWidth,
                            rows)));
                }
            }
        }
        long[] bits = new long[layout.bands()];
        Arrays.fill(bits, layout.bits());
        long[] floatingPoint = new long[layout.bands()];
        Arrays.fill(floatingPoint, 3);
        List<Field> fields = new ArrayList<>(List.of(
                new Field(256, LONG, layout.width()), new Field(257, LONG, layout.height()),
                new Field(258, SHORT, bits), new Field(259, SHORT, 8), new Field(262, SHORT, 1),
                new Field(277, SHORT, layout.bands()), new Field(284, SHORT, layout.planar() ? 2 : 1),
                new Field(317, SHORT, 3), new Field(339, SHORT, floatingPoint)));
        if (layout.tile() > 0) {
            fields.add(new Field(322, LONG, layout.tile()));
            fields.add(new Field(323, LONG, layout.tile()));
        } else {
            fields.add(new Field(278, LONG, STRIP_ROWS));
        }
        if (layout.bands() > 1) {
            fields.add(new Field(338, SHORT, new long[layout.bands() - 1])); // the bands after the grey: of no kind
        }
        return RawTiff.write(layout.order(), layout.bigTiff(), fields, blocks, layout.tile() > 0);
    }

    /** A block's rows, predicted: all bands interleaved (plane -1), or one band's alone; padding holds 0. */
    private static byte[] block(Layout layout, int plane, int x0, int y0, int width, int rows) {
        int perPixel = plane < 0 ? layout.bands() : 1;
        int bytes = layout.bits() / 8;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int y = y0; y < y0 + rows; y++) {
            ByteBuffer row = ByteBuffer.allocate(width * perPixel * bytes).order(ByteOrder.BIG_ENDIAN);
            for (int x = x0; x < x0 + width; x++) {
                for (int i = 0; i < perPixel; i++) {
                    boolean inside = x < layout.width() && y < layout.height();
                    double value = inside ? value(x, y, plane < 0 ? i : plane) : 0;
                    if (bytes == 4) {
                        row.putFloat((float) value);
                    } else {
                        row.putDouble(value);
                    }
                }
            }
            out.writeBytes(predicted(row.array(), bytes, perPixel));
        }
        return out.toByteArray();
    }

    /** libtiff's fpDiff of one row of big-endian samples. */
    private static byte[] predicted(byte[] row, int bytes, int perPixel) {
        int samples = row.length / bytes;
        byte[] planes = new byte[row.length];
        for (int k = 0; k < samples; k++) {
            for (int j = 0; j < bytes; j++) {
                planes[j * samples + k] = row[k * bytes + j];
            }
        }
        for (int i = planes.length - 1; i >= perPixel; i--) {
            planes[i] -= planes[i - perPixel];
        }
        return planes;
    }
}
