package org.meander.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.Test;
import org.meander.project.Tile;

class ThumbnailsTest {

    private static Tile tile(int n) {
        return new Tile("t" + n, Path.of("t" + n + ".png"), Path.of("l" + n + ".png"));
    }

    @Test
    void theTilesSeenLastAreKeptAndTheRestMadeAgainWhenSeen() {
        List<Tile> made = new ArrayList<>();
        Thumbnails thumbnails = new Thumbnails(tile -> {
            made.add(tile);
            return new WritableImage(1, 1);
        });
        var first = thumbnails.of(tile(0));
        assertSame(first, thumbnails.of(tile(0)), "kept: made once");
        for (int n = 1; n <= Thumbnails.KEPT + 10; n++) {
            thumbnails.of(tile(n));
        }
        assertEquals(Thumbnails.KEPT, thumbnails.size(), "never more than the last ones seen");
        thumbnails.of(tile(Thumbnails.KEPT + 10));
        assertEquals(Thumbnails.KEPT + 11, made.size(), "a recent one is not made again");
        thumbnails.of(tile(0));
        assertEquals(Thumbnails.KEPT + 12, made.size(), "the first one was dropped, and is made again when seen");
    }
}
