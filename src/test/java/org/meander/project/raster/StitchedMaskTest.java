package org.meander.project.raster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Rectangle;
import java.awt.image.Raster;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StitchedMaskTest {

    /** A blobby 0/1 mask with no symmetry to hide a misplaced tile. */
    static byte[] knownMask(int width, int height) {
        byte[] mask = new byte[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double river = Math.sin(x / 9.0) * 12 + height / 2.0 + (x * x % 7);
                mask[y * width + x] = (byte) (Math.abs(y - river) < 8 + x % 5 || (x * 31 + y * 17) % 97 == 0 ? 1 : 0);
            }
        }
        return mask;
    }

    static byte[] cut(byte[] mask, int width, Window w) {
        byte[] out = new byte[w.width() * w.height()];
        for (int y = 0; y < w.height(); y++) {
            System.arraycopy(mask, (w.y() + y) * width + w.x(), out, y * w.width(), w.width());
        }
        return out;
    }

    static byte[] samples(StitchedMask stitched, Rectangle region) {
        Raster raster = stitched.getData(region);
        int[] values = raster.getSamples(region.x, region.y, region.width, region.height, 0, (int[]) null);
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) (values[i] / 255);
        }
        return out;
    }

    @Test
    void tilesCutFromAMaskStitchBackToItExactly() {
        int width = 203;
        int height = 157;
        byte[] mask = knownMask(width, height);
        TileGrid grid = new TileGrid(width, height, 64, 16);
        List<StitchedMask.Placed> tiles = new ArrayList<>();
        Map<String, byte[]> labels = new HashMap<>();
        for (TileGrid.Cell cell : grid.cells()) {
            String name = "t" + cell.row() + "_" + cell.column();
            tiles.add(new StitchedMask.Placed(name, cell.window()));
            labels.put(name, cut(mask, width, cell.window()));
        }

        StitchedMask stitched = new StitchedMask(width, height, tiles, labels::get);

        assertArrayEquals(mask, samples(stitched, new Rectangle(0, 0, width, height)));
        // asked for in odd strips, as a writer might
        assertArrayEquals(cut(mask, width, new Window(37, 50, 100, 33)),
                samples(stitched, new Rectangle(37, 50, 100, 33)));
    }

    @Test
    void eachPixelComesFromTheTileWithTheNearestCentreSoSeamsFallMidOverlap() {
        // two tiles of 8 across a 12-pixel raster overlap on pixels 4 to 7; their labels disagree everywhere
        List<StitchedMask.Placed> tiles = List.of(
                new StitchedMask.Placed("left", new Window(0, 0, 8, 1)),
                new StitchedMask.Placed("right", new Window(4, 0, 8, 1)));
        Map<String, byte[]> labels = Map.of("left", new byte[] {1, 1, 1, 1, 1, 1, 1, 1},
                "right", new byte[8]);

        StitchedMask stitched = new StitchedMask(12, 1, tiles, labels::get);

        assertArrayEquals(new byte[] {1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0},
                samples(stitched, new Rectangle(0, 0, 12, 1)), "the seam is between pixels 5 and 6");
    }

    @Test
    void whatNoLabelledTileCoversIsBackgroundAndUnknown() {
        // a 2 x 2 grid of tiles of which only the top left one has a label
        List<StitchedMask.Placed> tiles = List.of(new StitchedMask.Placed("a", new Window(0, 0, 2, 2)));
        Map<String, byte[]> labels = Map.of("a", new byte[] {1, 1, 1, 1});

        StitchedMask stitched = new StitchedMask(4, 4, tiles, labels::get);

        byte[] topLeft = {1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        assertArrayEquals(topLeft, samples(stitched, new Rectangle(0, 0, 4, 4)));
        assertArrayEquals(topLeft, known(stitched, new Rectangle(0, 0, 4, 4)));
        assertEquals(4, stitched.getWidth());
    }

    @Test
    void aLabelledTileKeepsTheOverlapOfANeighbourWithoutALabel() {
        // the right tile of eachPixelComesFromTheTileWithTheNearestCentre has no label: the left one's label covers
        // the overlap, and the right tile's own pixels are unknown
        List<StitchedMask.Placed> tiles = List.of(new StitchedMask.Placed("left", new Window(0, 0, 8, 1)));
        Map<String, byte[]> labels = Map.of("left", new byte[] {1, 1, 1, 1, 1, 1, 1, 1});

        StitchedMask stitched = new StitchedMask(12, 1, tiles, labels::get);

        byte[] left = {1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0};
        assertArrayEquals(left, samples(stitched, new Rectangle(0, 0, 12, 1)));
        assertArrayEquals(left, known(stitched, new Rectangle(0, 0, 12, 1)));
    }

    @Test
    void whereTheNearestTileHasNoLabelTheNextNearestOnItsRowTakesOver() {
        // four 4 x 4 tiles overlapping by 2 on a 6 x 6 raster; the bottom right one has no label. In the centre
        // 2 x 2 all four overlap and bottom right is nearest for pixel (3, 3); bottom left (same row) comes next.
        List<StitchedMask.Placed> tiles = List.of(
                new StitchedMask.Placed("topLeft", new Window(0, 0, 4, 4)),
                new StitchedMask.Placed("topRight", new Window(2, 0, 4, 4)),
                new StitchedMask.Placed("bottomLeft", new Window(0, 2, 4, 4)));
        Map<String, byte[]> labels = Map.of("topLeft", new byte[16], "topRight", new byte[16],
                "bottomLeft", filled(16));

        StitchedMask stitched = new StitchedMask(6, 6, tiles, labels::get);

        byte[] values = samples(stitched, new Rectangle(0, 0, 6, 6));
        assertEquals(1, values[3 * 6 + 3], "pixel (3, 3) from bottom left");
        assertEquals(0, values[2 * 6 + 3], "pixel (3, 2) from top right, its nearest");
        assertArrayEquals(new byte[] {1, 1, 1, 1, 0, 0}, Arrays.copyOfRange(values, 30, 36),
                "the bottom row: bottom left's, then nobody's");
        assertArrayEquals(new byte[] {1, 1, 1, 1, 0, 0},
                Arrays.copyOfRange(known(stitched, new Rectangle(0, 0, 6, 6)), 30, 36));
    }

    private static byte[] filled(int length) {
        byte[] ones = new byte[length];
        Arrays.fill(ones, (byte) 1);
        return ones;
    }

    /** The coverage's samples (1 where a labelled tile covers the pixel). */
    static byte[] known(StitchedMask stitched, Rectangle region) {
        Raster raster = stitched.coverage().getData(region);
        int[] values = raster.getSamples(region.x, region.y, region.width, region.height, 0, (int[]) null);
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }
}
