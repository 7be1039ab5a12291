package org.meander.ui;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import org.meander.embed.EncodingQueue;
import org.meander.project.Project;
import org.meander.project.Tile;
import org.meander.weights.ErrorText;

/**
 * What other programs changed in the project while the window was open, taken in when the window is used again (it
 * regains the focus): tiles a raster cut or an import added from a terminal join the list, the map and the encoding
 * queue; tiles removed there leave them; labels and statuses auto-label wrote show in the list. The project is read
 * again in the background.
 */
final class OutsideChanges {

    private final Project project;
    private final TileBrowser browser;
    private final EncodingQueue queue;
    private final Supplier<Tile> openTile;
    private final Consumer<List<String>> labelsChanged;
    private final Consumer<String> status;
    private final AtomicBoolean reading = new AtomicBoolean();
    /** Asked for again during a read, which may have listed the project before the change asked about. */
    private final AtomicBoolean askedAgain = new AtomicBoolean();

    /**
     * queue may be null: without a model nothing is encoded; openTile: the tile open in the editor, or null;
     * labelsChanged: told the names of the tiles whose labels another program wrote (the editor shows the open one's).
     */
    OutsideChanges(Project project, TileBrowser browser, EncodingQueue queue, Supplier<Tile> openTile,
            Consumer<List<String>> labelsChanged, Consumer<String> status) {
        this.project = project;
        this.browser = browser;
        this.queue = queue;
        this.openTile = openTile;
        this.labelsChanged = labelsChanged;
        this.status = status;
    }

    /** Reads the project again (once more after a read under way); the list follows on the JavaFX thread. */
    void takeIn() {
        if (!reading.compareAndSet(false, true)) {
            askedAgain.set(true);
            return;
        }
        Thread reader = new Thread(() -> {
            try {
                Project.Changes changes = project.refresh();
                Platform.runLater(() -> apply(changes));
            } catch (Exception e) {
                Platform.runLater(() -> status.accept("Could not read the project again: " + ErrorText.of(e)));
            } finally {
                reading.set(false);
                if (askedAgain.getAndSet(false)) {
                    takeIn();
                }
            }
        }, "meander-outside-changes");
        reader.setDaemon(true);
        reader.start();
    }

    private void apply(Project.Changes changes) {
        labelsChanged.accept(changes.relabelled().stream().map(Tile::name).toList());
        if (!changes.tilesChanged()) {
            browser.labelsWritten();
            return;
        }
        browser.tilesChanged();
        if (queue != null) {
            changes.removed().forEach(tile -> queue.forget(tile.image()));
            // the whole list, whose order makes the neighbours encoded next; tiles encoded already stay done
            queue.submit(project.tiles().stream().map(Tile::image).toList());
        }
        Tile open = openTile.get();
        status.accept(changes.removed().contains(open)
                ? open.name() + ", the tile open here, was removed by another program (to the project's trash, if"
                        + " by Meander): its label can no longer be saved here; open another tile"
                : describe(changes));
    }

    private static String describe(Project.Changes changes) {
        String added = changes.added().isEmpty() ? "" : changes.added().size()
                + (changes.added().size() == 1 ? " tile" : " tiles") + " added";
        String removed = changes.removed().isEmpty() ? "" : changes.removed().size()
                + (changes.removed().size() == 1 ? " tile" : " tiles") + " removed";
        return (added.isEmpty() ? removed : removed.isEmpty() ? added : added + ", " + removed)
                + " since the project was last read";
    }
}
