package org.meander.project.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.meander.project.LabelMask;

class CocoRleTest {

    /** A mask from rows of '0'/'1', top row first. */
    static LabelMask mask(String... rows) {
        int width = rows[0].length();
        byte[] pixels = new byte[rows.length * width];
        for (int y = 0; y < rows.length; y++) {
            for (int x = 0; x < width; x++) {
                pixels[y * width + x] = (byte) (rows[y].charAt(x) - '0');
            }
        }
        return new LabelMask(width, rows.length, pixels);
    }

    @Test
    void runsGoDownColumnsStartingWithBackground() {
        // Height 2, width 3. Column by column: (0,0) (1,0) | (0,1) (1,1) | (1,1) -> 0 0 1 0 1 1,
        // so 2 zeros, 1 one, 1 zero, 2 ones. Row-major it would have been 0 1 1 0 0 1: 1, 2, 2, 1.
        LabelMask m = mask(
                "011",
                "001");
        assertArrayEquals(new long[] {2, 1, 1, 2}, CocoRle.runs(m));
        // Each count is below 16, one character '0' + x each; the fourth is 2 - counts[1] = 1.
        Rle rle = CocoRle.encode(m);
        assertEquals(new Rle(2, 3, "2111"), rle);
        assertEquals(3, CocoRle.area(rle));
        // Columns 1 to 2, rows 0 to 1.
        assertArrayEquals(new int[] {1, 0, 2, 2}, CocoRle.bbox(rle));
    }

    @Test
    void aForegroundTopLeftPixelStartsWithAnEmptyBackgroundRun() {
        // Column-major 1 0 0 0: 0 zeros, 1 one, 3 zeros.
        LabelMask m = mask(
                "10",
                "00");
        assertArrayEquals(new long[] {0, 1, 3}, CocoRle.runs(m));
        Rle rle = CocoRle.encode(m);
        assertEquals("013", rle.counts());
        assertEquals(1, CocoRle.area(rle));
        assertArrayEquals(new int[] {0, 0, 1, 1}, CocoRle.bbox(rle));
    }

    @Test
    void emptyAndFullMasks() {
        Rle empty = CocoRle.encode(mask("000", "000"));
        assertEquals("6", empty.counts()); // one background run of 6
        assertEquals(0, CocoRle.area(empty));
        assertArrayEquals(new int[] {0, 0, 0, 0}, CocoRle.bbox(empty));

        Rle full = CocoRle.encode(mask("111", "111"));
        assertEquals("06", full.counts()); // no background, then 6
        assertEquals(6, CocoRle.area(full));
        assertArrayEquals(new int[] {0, 0, 3, 2}, CocoRle.bbox(full));
    }

    @Test
    void aCountOfSixteenNeedsASecondCharacterBecauseBitFourIsTheSign() {
        // 4 x 5 all foreground: runs [0, 20].
        // 0  -> c = 0, x >> 5 = 0, bit 4 clear so more = (0 != 0) = false: '0' + 0 = '0'.
        // 20 -> c = 20 = 0b10100, x >> 5 = 0; bit 4 set, so more = (0 != -1) = true: c |= 0x20 -> 52, '0' + 52 = 'd';
        //       then c = 0, x = 0, more = false: '0'.
        LabelMask full = mask("11111", "11111", "11111", "11111");
        assertEquals("0d0", CocoRle.encode(full).counts());
        // 15 still fits one group: '0' + 15 = '?'. 16: c = 16, bit 4 set, more -> 16 | 32 = 48 -> '`', then '0'.
        assertEquals("?", CocoRle.compress(new long[] {15}));
        assertEquals("`0", CocoRle.compress(new long[] {16}));
    }

    @Test
    void aCountOf1024TakesThreeGroups() {
        // 1024 = 1 << 10. c = 0, x = 32, more -> 0 | 32 = 32 -> 'P'; c = 0, x = 1, more -> 'P'; c = 1, x = 0 -> '1'.
        assertEquals("PP1", CocoRle.compress(new long[] {1024}));
        assertArrayEquals(new long[] {1024}, CocoRle.decompress("PP1"));
    }

    @Test
    void theThirdCountIsWrittenWholeAndLaterOnesAsDifferences() {
        // i > 2, not i >= 2: counts[2] = 10 is written as is, ':' = '0' + 10; counts[3] = 4 as 4 - counts[1] = 3.
        assertEquals(":1:3", CocoRle.compress(new long[] {10, 1, 10, 4}));
        assertArrayEquals(new long[] {10, 1, 10, 4}, CocoRle.decompress(":1:3"));
    }

    @Test
    void negativeDifferencesAreSignExtended() {
        // counts [5, 1030, 2, 1]:
        // 5    -> '5'.
        // 1030 = 1024 + 6: c = 6, x = 32, more -> 6 | 32 = 38 -> 'V'; c = 0, x = 1, more -> 'P'; c = 1, x = 0 -> '1'.
        // 2    -> '2' (i = 2 is not a difference).
        // 1 - 1030 = -1029: -1029 & 31 = 27 (-1029 + 33 * 32), x = -1029 >> 5 = -33; bit 4 of 27 set, more = (-33 != -1)
        //       -> 27 | 32 = 59 -> 'k'. -33 & 31 = 31, x = -2, more = (-2 != -1) -> 63 -> 'o'.
        //       -2 & 31 = 30, x = -1, bit 4 set, more = (-1 != -1) = false -> '0' + 30 = 'N'.
        long[] counts = {5, 1030, 2, 1};
        assertEquals("5VP12koN", CocoRle.compress(counts));
        assertArrayEquals(counts, CocoRle.decompress("5VP12koN"));
        // -1: c = 31, x = -1, bit 4 set, so it stops at once: 'O'. -17: c = 15, x = -1, bit 4 clear, so more = (-1 != 0)
        // -> 15 | 32 = 47 -> '_'; then c = 31, x = -1, stop: 'O'. (17 itself = 0b10001: bit 4 set, more -> 17 | 32
        // = 49 -> 'a', then '0'.)
        assertEquals("1:2O", CocoRle.compress(new long[] {1, 10, 2, 9}));
        assertEquals("1a02_O", CocoRle.compress(new long[] {1, 17, 2, 0}));
        assertArrayEquals(new long[] {1, 17, 2, 0}, CocoRle.decompress("1a02_O"));
    }

    @Test
    void decodeInvertsEncodeOnRandomMasks() {
        Random random = new Random(20240611);
        int[][] sizes = {{1, 1}, {1, 9}, {9, 1}, {2, 3}, {5, 7}, {37, 41}, {64, 64}, {3, 700}};
        double[] densities = {0.0, 0.05, 0.5, 0.95, 1.0};
        for (int[] size : sizes) {
            for (double density : densities) {
                int width = size[0];
                int height = size[1];
                byte[] pixels = new byte[width * height];
                for (int i = 0; i < pixels.length; i++) {
                    pixels[i] = random.nextDouble() < density ? (byte) 1 : 0;
                }
                LabelMask m = new LabelMask(width, height, pixels);
                Rle rle = CocoRle.encode(m);
                String where = width + " x " + height + " at " + density;
                assertEquals(m, CocoRle.decode(rle), where);
                assertArrayEquals(CocoRle.runs(m), CocoRle.decompress(rle.counts()), where);
                assertEquals(ones(m), CocoRle.area(rle), where);
                assertArrayEquals(bruteBbox(m), CocoRle.bbox(rle), where);
            }
        }
    }

    @Test
    void blobsGiveTheirBoundingBox() {
        LabelMask m = mask(
                "000000",
                "000110",
                "001100",
                "000000");
        assertArrayEquals(new int[] {2, 1, 3, 2}, CocoRle.bbox(CocoRle.encode(m)));
        // A run crossing a column boundary: bottom of column 0 and top of column 1.
        LabelMask crossing = mask(
                "01",
                "00",
                "10");
        assertArrayEquals(new int[] {0, 0, 2, 3}, CocoRle.bbox(CocoRle.encode(crossing)));
    }

    @Test
    void countsThatDoNotFitTheSizeAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CocoRle.decode(new Rle(2, 3, "5")));
        assertEquals(true, e.getMessage().contains("cover 5 pixels"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CocoRle.decode(new Rle(1, 1, "P")));
    }

    private static long ones(LabelMask m) {
        long n = 0;
        for (byte b : m.pixels()) {
            n += b;
        }
        return n;
    }

    private static int[] bruteBbox(LabelMask m) {
        int x0 = Integer.MAX_VALUE;
        int y0 = Integer.MAX_VALUE;
        int x1 = -1;
        int y1 = -1;
        for (int y = 0; y < m.height(); y++) {
            for (int x = 0; x < m.width(); x++) {
                if (m.pixels()[y * m.width() + x] != 0) {
                    x0 = Math.min(x0, x);
                    y0 = Math.min(y0, y);
                    x1 = Math.max(x1, x);
                    y1 = Math.max(y1, y);
                }
            }
        }
        return x1 < 0 ? new int[4] : new int[] {x0, y0, x1 - x0 + 1, y1 - y0 + 1};
    }
}
