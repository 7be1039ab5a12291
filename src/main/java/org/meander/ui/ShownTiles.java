package org.meander.ui;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.collections.ObservableListBase;
import org.meander.project.Tile;

/**
 * The tiles a list shows, changed by removing and inserting only the tiles that leave or join it, in one change.
 * JavaFX's FilteredList replaces every item when its predicate changes, and a list whose items are all replaced loses
 * its selection: the open tile would close and open again, losing its undo history. A list view still moves its
 * selection while it takes in a change of several parts (to other tiles, or none), so its selection is not to be
 * taken as the user's choice while {@link #changing}.
 */
final class ShownTiles extends ObservableListBase<Tile> {

    private final List<Tile> tiles = new ArrayList<>();
    private boolean changing;
    /** What a listener asked to show while a change was being told: shown once that change is through. */
    private List<Tile> next;

    @Override
    public Tile get(int index) {
        return tiles.get(index);
    }

    @Override
    public int size() {
        return tiles.size();
    }

    /** Whether the list's listeners are being told of a change, in which the list's selection may move anywhere. */
    boolean changing() {
        return changing;
    }

    /** Shows {@code wanted}, which keeps the order of the tiles shown now (both follow the project's order). */
    void showOnly(List<Tile> wanted) {
        next = wanted;
        if (changing) {
            return; // a change cannot begin while listeners are being told of one
        }
        changing = true;
        try {
            while (next != null) {
                List<Tile> shown = next;
                next = null;
                change(shown);
            }
        } finally {
            changing = false;
        }
    }

    private void change(List<Tile> wanted) {
        Set<Tile> staying = new HashSet<>(wanted);
        beginChange();
        try {
            int at = 0;
            for (Tile tile : wanted) {
                while (at < tiles.size() && !staying.contains(tiles.get(at))) {
                    nextRemove(at, tiles.remove(at));
                }
                if (at == tiles.size() || !tiles.get(at).equals(tile)) {
                    tiles.add(at, tile);
                    nextAdd(at, at + 1);
                }
                at++;
            }
            while (at < tiles.size()) {
                nextRemove(at, tiles.remove(at));
            }
        } finally {
            endChange();
        }
    }
}
