package org.meander.project.raster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TileGridTest {

    @Test
    void tilesOfFullSizeSpreadEvenlyWithAtLeastTheOverlap() {
        TileGrid grid = new TileGrid(20000, 20000, 1024, 128);

        List<Integer> starts = grid.starts(20000);

        assertEquals(23, starts.size(), "the fewest tiles whose overlaps are at least 128");
        assertEquals(0, starts.get(0));
        assertEquals(20000 - 1024, starts.get(22), "the last tile ends at the edge, full size");
        for (int i = 1; i < starts.size(); i++) {
            int overlap = starts.get(i - 1) + 1024 - starts.get(i);
            assertTrue(overlap == 161 || overlap == 162, "even overlaps, got " + overlap);
        }
        assertEquals(23 * 23, grid.cells().size());
    }

    @Test
    void anExactFitKeepsTheRequestedOverlap() {
        // 3 tiles of 100 stepping by 80 end exactly at 260
        assertEquals(List.of(0, 80, 160), new TileGrid(260, 100, 100, 20).starts(260));
    }

    @Test
    void aRasterSmallerThanATileIsOneTileOfItsOwnSize() {
        TileGrid grid = new TileGrid(300, 50, 100, 10);

        List<TileGrid.Cell> cells = grid.cells();

        assertEquals(1, grid.rows());
        assertEquals(4, grid.columns());
        assertEquals(new Window(0, 0, 100, 50), cells.get(0).window());
        assertEquals(new Window(200, 0, 100, 50), cells.get(3).window());
    }

    @Test
    void cellsAreRowByRowFromTheTopLeft() {
        List<TileGrid.Cell> cells = new TileGrid(150, 150, 100, 50).cells();

        assertEquals(List.of(0, 0, 1, 1), cells.stream().map(TileGrid.Cell::row).toList());
        assertEquals(List.of(0, 1, 0, 1), cells.stream().map(TileGrid.Cell::column).toList());
        assertEquals(new Window(50, 50, 100, 100), cells.get(3).window());
    }

    @Test
    void anOverlapAsLargeAsTheTileIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> new TileGrid(100, 100, 64, 64));
        assertTrue(e.getMessage().contains("--overlap 64"), e.getMessage());
    }
}
