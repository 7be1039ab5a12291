package org.meander.ui;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import javafx.scene.image.Image;
import org.meander.project.Tile;

/**
 * The tile list's thumbnails, kept for the tiles seen last: scrolling back is instant, while scrolling through ten
 * thousand tiles does not keep ten thousand images (about 9 KB each).
 */
final class Thumbnails {

    /** Several screens of the list, both ways. */
    static final int KEPT = 1000;

    private final Function<Tile, Image> load;
    private final Map<Tile, Image> kept = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Tile, Image> eldest) {
            return size() > KEPT;
        }
    };

    /** load: makes a tile's thumbnail (in the background: the image fills in when ready). */
    Thumbnails(Function<Tile, Image> load) {
        this.load = load;
    }

    /** Small and loaded in the background: a cell gets it at once, and the list scrolls smoothly. */
    static Thumbnails ofTileImages() {
        return new Thumbnails(tile -> new Image(tile.image().toUri().toString(), 48, 48, true, true, true));
    }

    Image of(Tile tile) {
        return kept.computeIfAbsent(tile, load);
    }

    int size() {
        return kept.size();
    }
}
