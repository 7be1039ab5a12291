package org.meander.project.raster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Rectangle;
import java.awt.image.Raster;
import java.util.ArrayList;
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
    void unlabelledAndMissingTilesAreBackground() {
        List<StitchedMask.Placed> tiles = List.of(
                new StitchedMask.Placed("a", new Window(0, 0, 2, 2)),
                new StitchedMask.Placed("b", new Window(2, 0, 2, 2)),
                new StitchedMask.Placed("c", new Window(0, 2, 2, 2)));
        Map<String, byte[]> labels = new HashMap<>();
        labels.put("a", new byte[] {1, 1, 1, 1});

        StitchedMask stitched = new StitchedMask(4, 4, tiles, labels::get);

        assertArrayEquals(new byte[] {1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
                samples(stitched, new Rectangle(0, 0, 4, 4)));
        assertEquals(4, stitched.getWidth());
    }
}
