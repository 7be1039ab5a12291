package org.meander.project.export;

import java.util.Arrays;
import org.meander.project.LabelMask;

/**
 * COCO run-length encoding, byte for byte as pycocotools' maskApi.c ({@code rleEncode}, {@code rleToString},
 * {@code rleFrString}, {@code rleDecode}, {@code rleArea}, {@code rleToBbox}), so that Python tools read Meander's
 * exports as their own.
 *
 * <p>Runs go down columns (pycocotools takes an (h, w) array in Fortran order) and alternate background, foreground,
 * starting with background, so the first run is 0 when the top-left pixel is foreground.
 */
public final class CocoRle {

    private CocoRle() {
    }

    public static Rle encode(LabelMask mask) {
        return new Rle(mask.height(), mask.width(), compress(runs(mask)));
    }

    public static LabelMask decode(Rle rle) {
        long[] runs = decompress(rle.counts());
        try {
            return decode(rle.height(), rle.width(), runs);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("RLE counts \"" + rle.counts() + "\" " + e.getMessage(), e);
        }
    }

    /**
     * The mask of uncompressed runs (COCO's {@code "counts": [...]}, as CVAT writes them), down the columns of a
     * height x width mask, background first.
     */
    public static LabelMask decode(int height, int width, long[] runs) {
        long total = 0;
        for (long run : runs) {
            if (run < 0) {
                throw new IllegalArgumentException("decode to a negative run " + run
                        + "; the counts are damaged or were not written by rleToString");
            }
            total += run;
        }
        if (total != (long) height * width) {
            throw new IllegalArgumentException("cover " + total + " pixels but the size " + height + " x " + width
                    + " (height x width) has " + (long) height * width + "; the size and counts do not belong"
                    + " together");
        }
        byte[] pixels = new byte[width * height];
        int columnMajor = 0;
        for (int i = 0; i < runs.length; i++) {
            byte value = (byte) (i % 2);
            for (long j = 0; j < runs[i]; j++, columnMajor++) {
                if (value != 0) {
                    int x = columnMajor / height;
                    int y = columnMajor % height;
                    pixels[y * width + x] = 1;
                }
            }
        }
        return new LabelMask(width, height, pixels);
    }

    /** The number of foreground pixels. */
    public static long area(Rle rle) {
        long[] runs = decompress(rle.counts());
        long area = 0;
        for (int i = 1; i < runs.length; i += 2) {
            area += runs[i];
        }
        return area;
    }

    /**
     * {@code [x, y, width, height]} of the foreground, all 0 for an empty mask, computed from the runs as
     * pycocotools' {@code rleToBbox} does: a foreground run that crosses a column boundary spans the full height.
     */
    public static int[] bbox(Rle rle) {
        long[] runs = decompress(rle.counts());
        long h = rle.height();
        int m = runs.length / 2 * 2; // a trailing background run adds nothing
        if (m == 0) {
            return new int[4];
        }
        long xs = rle.width();
        long ys = h;
        long xe = 0;
        long ye = 0;
        long xp = 0;
        long cc = 0;
        for (int j = 0; j < m; j++) {
            cc += runs[j];
            long t = cc - j % 2; // the first foreground pixel of a run, or the last
            long y = t % h;
            long x = (t - y) / h;
            if (j % 2 == 0) {
                xp = x;
            } else if (xp < x) {
                ys = 0;
                ye = h - 1;
            }
            xs = Math.min(xs, x);
            xe = Math.max(xe, x);
            ys = Math.min(ys, y);
            ye = Math.max(ye, y);
        }
        return new int[] {(int) xs, (int) ys, (int) (xe - xs + 1), (int) (ye - ys + 1)};
    }

    /** The uncompressed runs, column-major, starting with background ({@code rleEncode}). */
    static long[] runs(LabelMask mask) {
        int width = mask.width();
        int height = mask.height();
        byte[] pixels = mask.pixels();
        long[] runs = new long[pixels.length + 1];
        int k = 0;
        byte previous = 0;
        long count = 0;
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                byte value = pixels[y * width + x];
                if (value != previous) {
                    runs[k++] = count;
                    count = 0;
                    previous = value;
                }
                count++;
            }
        }
        runs[k++] = count;
        return Arrays.copyOf(runs, k);
    }

    /**
     * {@code rleToString}: from the fourth run on, each run is written as its difference from the run two before
     * (same colour, so usually small), and each number as little-endian 5-bit groups, sign-extended from bit 4, with
     * bit 5 set while more groups follow; a group becomes the character {@code group + 48}.
     */
    static String compress(long[] runs) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < runs.length; i++) {
            long x = runs[i];
            if (i > 2) {
                x -= runs[i - 2];
            }
            boolean more = true;
            while (more) {
                long c = x & 0x1f;
                x >>= 5; // arithmetic, as C's on a signed long: a negative delta ends at -1
                more = (c & 0x10) != 0 ? x != -1 : x != 0;
                if (more) {
                    c |= 0x20;
                }
                s.append((char) (c + 48));
            }
        }
        return s.toString();
    }

    /** {@code rleFrString}, the inverse of {@link #compress}. */
    static long[] decompress(String counts) {
        long[] runs = new long[counts.length()];
        int m = 0;
        int p = 0;
        while (p < counts.length()) {
            long x = 0;
            int k = 0;
            boolean more = true;
            while (more) {
                if (p >= counts.length()) {
                    throw new IllegalArgumentException("RLE counts \"" + counts + "\" end inside a number (the last"
                            + " character has the continuation bit set); the string is truncated");
                }
                long c = counts.charAt(p) - 48;
                if (c < 0 || c > 0x3f || 5 * k > 58) {
                    throw new IllegalArgumentException("RLE counts \"" + counts + "\" have '" + counts.charAt(p)
                            + "' at " + p + ", which is not in rleToString's alphabet ('0' to 'o') or makes a number"
                            + " too long; the string is damaged");
                }
                x |= (c & 0x1f) << (5 * k);
                more = (c & 0x20) != 0;
                p++;
                k++;
                if (!more && (c & 0x10) != 0) {
                    x |= -1L << (5 * k);
                }
            }
            if (m > 2) {
                x += runs[m - 2];
            }
            runs[m++] = x;
        }
        return Arrays.copyOf(runs, m);
    }
}
