package org.meander.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import org.meander.embed.EncodingQueue;
import org.meander.project.Project;
import org.meander.project.RasterRemoval;
import org.meander.project.RemovedTile;
import org.meander.project.Tile;
import org.meander.weights.ErrorText;

/**
 * Removing a tile from the window (a frame under cloud, a blank corner of a raster): its files move to the project's
 * {@code trash/}, nothing is deleted. The open tile's label is saved first and the next tile shown opens; the list,
 * its count and the encoding queue forget the tile. Restoring one puts it back and opens it. The moves run in the
 * background.
 */
final class TileRemoval {

    private final Project project;
    private final LabelEditor editor;
    private final TileBrowser browser;
    private final EncodingQueue queue;
    private final ObjectProperty<Tile> selectedTile;
    private final Consumer<String> status;

    /** queue may be null: without a model nothing is encoded. */
    TileRemoval(Project project, LabelEditor editor, TileBrowser browser, EncodingQueue queue,
                ObjectProperty<Tile> selectedTile, Consumer<String> status) {
        this.project = project;
        this.editor = editor;
        this.browser = browser;
        this.queue = queue;
        this.selectedTile = selectedTile;
        this.status = status;
    }

    /** What the confirmation says before the tile goes. */
    static String question(Tile tile) {
        return "Remove " + tile.name() + " from the project? Its image, label, label history and near-infrared band"
                + " move to the project's trash folder; nothing is deleted, and Project ▸ Restore a removed tile… puts"
                + " it back.";
    }

    /** What the confirmation says before a raster's tiles go. */
    static String rasterQuestion(String raster, int tiles) {
        return "Remove the raster " + raster + " from the project? Its " + tiles + " tile" + (tiles == 1 ? "" : "s")
                + ", with their labels, label histories and near-infrared bands, move to the project's trash folder"
                + " (nothing is deleted), and its record leaves meander.json: it can be cut again with other settings"
                + " (Add a raster…).";
    }

    /**
     * The tiles cut from the raster go to the trash and its record leaves the project ({@link RasterRemoval}); the
     * open tile, if it is one of them, closes first, its label saved. The moves run in the background.
     */
    void removeRaster(String raster, List<Tile> tiles) {
        if (tiles.contains(selectedTile.get())) {
            selectedTile.set(browser.shown().stream().filter(tile -> !tiles.contains(tile)).findFirst()
                    .orElse(null));
        }
        Thread removing = new Thread(() -> {
            try {
                editor.awaitSaved();
                RasterRemoval.Report report = RasterRemoval.remove(project, raster);
                Platform.runLater(() -> {
                    browser.tilesChanged();
                    if (queue != null) {
                        tiles.forEach(tile -> queue.forget(tile.image()));
                    }
                    status.accept("Moved the " + report.tiles().size() + " tiles of " + raster + " to the project's"
                            + " trash folder; cut it again with Project ▸ Add a raster… if need be.");
                });
            } catch (Exception e) {
                Platform.runLater(() -> status.accept("Could not remove the raster " + raster + ": "
                        + ErrorText.of(e)));
            }
        }, "meander-remove-raster");
        removing.setDaemon(true);
        removing.start();
    }

    /** The removed tile back in the project, its label, status and split with it; it opens once back. */
    void restore(RemovedTile removed) {
        Thread restoring = new Thread(() -> {
            try {
                Tile tile = project.restore(removed);
                Platform.runLater(() -> {
                    browser.tilesChanged();
                    if (queue != null) {
                        queue.submit(List.of(tile.image()));
                    }
                    selectedTile.set(tile);
                    status.accept("Restored " + tile.name() + " from the trash, as it was when removed.");
                });
            } catch (Exception e) {
                Platform.runLater(() -> status.accept("Could not restore " + removed.name() + ": "
                        + ErrorText.of(e)));
            }
        }, "meander-restore-tile");
        restoring.setDaemon(true);
        restoring.start();
    }

    void remove(Tile tile) {
        if (tile.equals(selectedTile.get())) {
            // leaving it saves its label, which then goes to the trash with it
            Tile next = browser.tileAfter(1);
            selectedTile.set(next == null || next.equals(tile) ? browser.tileAfter(-1) : next);
            if (tile.equals(selectedTile.get())) {
                selectedTile.set(null);
            }
        }
        Thread removing = new Thread(() -> {
            try {
                editor.awaitSaved();
                Path trash = project.remove(tile);
                Platform.runLater(() -> {
                    browser.tilesChanged();
                    if (queue != null) {
                        queue.forget(tile.image());
                    }
                    status.accept("Moved " + tile.name() + " to " + trash + "; Project ▸ Restore a removed tile…"
                            + " puts it back.");
                });
            } catch (Exception e) {
                Platform.runLater(() -> status.accept("Could not remove " + tile.name() + ": " + ErrorText.of(e)));
            }
        }, "meander-remove-tile");
        removing.setDaemon(true);
        removing.start();
    }
}
