package org.meander.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;
import org.meander.project.Tile;

class ShownTilesTest {

    private final List<Tile> tiles = IntStream.range(0, 8)
            .mapToObj(i -> new Tile("t" + i, Path.of("t" + i + ".png"), Path.of("l" + i + ".png"))).toList();

    @Test
    void onlyTheTilesThatLeaveOrJoinAreRemovedOrAddedInOneChange() {
        ShownTiles shown = new ShownTiles();
        shown.showOnly(tiles);
        List<Tile> removed = new ArrayList<>();
        List<Tile> added = new ArrayList<>();
        int[] changes = {0};
        shown.addListener((ListChangeListener<Tile>) change -> {
            changes[0]++;
            while (change.next()) {
                removed.addAll(change.getRemoved());
                added.addAll(change.getAddedSubList());
            }
        });
        shown.showOnly(List.of(tiles.get(1), tiles.get(2), tiles.get(5)));
        assertEquals(List.of(tiles.get(1), tiles.get(2), tiles.get(5)), shown);
        assertEquals(List.of(tiles.get(0), tiles.get(3), tiles.get(4), tiles.get(6), tiles.get(7)), removed);
        assertEquals(List.of(), added);
        removed.clear();
        shown.showOnly(List.of(tiles.get(0), tiles.get(2), tiles.get(3), tiles.get(7)));
        assertEquals(List.of(tiles.get(0), tiles.get(2), tiles.get(3), tiles.get(7)), shown);
        assertEquals(List.of(tiles.get(1), tiles.get(5)), removed);
        assertEquals(List.of(tiles.get(0), tiles.get(3), tiles.get(7)), added);
        assertEquals(2, changes[0]);
    }
}
