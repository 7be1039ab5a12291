package org.meander.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.meander.project.LabelMask;
import org.meander.project.Project;
import org.meander.project.Tile;
import org.meander.weights.ErrorText;

/**
 * The earlier versions of the open tile's label, newest first, each kept when a later one replaced it: choosing one
 * shows it on the tile in place of the label, Restore makes it the label again (an edit, undone by Ctrl+Z). The list
 * follows the open tile and the saves; versions are read in the background.
 */
final class LabelHistoryViewModel implements AutoCloseable {

    /** An earlier version: its number (1 is the label the tile came with), when it was replaced, its river pixels. */
    record Version(int number, Path file, Instant replaced, long pixels) {
    }

    private final Project project;
    private final AnnotateViewModel annotate;
    private final ObservableList<Version> versions = FXCollections.observableArrayList();
    private final ObjectProperty<Version> chosen = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "meander-label-history");
        t.setDaemon(true);
        return t;
    });
    /** The version being shown, read; null while reading or when none is chosen. */
    private LabelMask chosenMask;
    /**
     * The river pixels of each version read, by file, on the reader thread: a version is never rewritten, and the
     * list is made again at every save (every 30 s while editing), which would decode every version each time.
     */
    private final Map<Path, Long> pixelsOf = new HashMap<>();
    private long listing;
    private final InvalidationListener relist = o -> list();

    LabelHistoryViewModel(Project project, AnnotateViewModel annotate) {
        this.project = project;
        this.annotate = annotate;
        annotate.selectedTileProperty().addListener(relist);
        annotate.labelsWrittenProperty().addListener(relist);
        chosen.addListener((o, old, version) -> show(version));
        list();
    }

    ObservableList<Version> versions() {
        return versions;
    }

    /** The version shown on the tile in place of its label; null shows the label. */
    ObjectProperty<Version> chosenProperty() {
        return chosen;
    }

    /** Which tile, how many versions, what was restored, or why a version cannot be read. */
    ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The chosen version becomes the label; Ctrl+Z in the window undoes it, and the label's save keeps the old one. */
    void restore() {
        Version version = chosen.get();
        if (version == null) {
            return;
        }
        if (chosenMask == null) {
            message.set("Version " + version.number() + " is still being read; Restore again in a moment.");
            return;
        }
        LabelMask restored = chosenMask;
        chosen.set(null);
        annotate.editor().restore(restored);
        message.set("Version " + version.number() + " is the label again; Ctrl+Z undoes it. The label it replaced"
                + " joins the history when the tile is saved.");
    }

    /** The label shows again, and the history stops following the open tile. */
    @Override
    public void close() {
        annotate.selectedTileProperty().removeListener(relist);
        annotate.labelsWrittenProperty().removeListener(relist);
        chosen.set(null);
        reader.shutdownNow();
    }

    private void list() {
        Tile tile = annotate.selectedTileProperty().get();
        chosen.set(null);
        long ticket = ++listing;
        if (tile == null) {
            versions.clear();
            message.set("No tile is open.");
            return;
        }
        reader.execute(() -> {
            try {
                List<Version> found = new ArrayList<>();
                List<Path> files = project.history(tile);
                for (int i = files.size() - 1; i >= 0; i--) {
                    Path file = files.get(i);
                    long pixels = pixelsOf.containsKey(file) ? pixelsOf.get(file)
                            : project.readVersion(tile, file).foreground();
                    pixelsOf.put(file, pixels);
                    found.add(new Version(i + 1, file, Files.getLastModifiedTime(file).toInstant(), pixels));
                }
                Platform.runLater(() -> {
                    if (ticket == listing) {
                        versions.setAll(found);
                        message.set(found.isEmpty()
                                ? tile.name() + "'s label has no earlier version: it was never replaced."
                                : tile.name() + ": " + found.size() + (found.size() == 1 ? " earlier version" :
                                " earlier versions") + ", newest first. Choose one to see it on the tile.");
                    }
                });
            } catch (IOException | RuntimeException e) {
                Platform.runLater(() -> message.set("The history of " + tile.name() + " cannot be read: "
                        + ErrorText.of(e)));
            }
        });
    }

    private void show(Version version) {
        chosenMask = null;
        annotate.editor().shownVersionProperty().set(null);
        Tile tile = annotate.selectedTileProperty().get();
        if (version == null || tile == null) {
            return;
        }
        reader.execute(() -> {
            try {
                LabelMask mask = project.readVersion(tile, version.file());
                Platform.runLater(() -> {
                    if (version == chosen.get()) {
                        chosenMask = mask;
                        annotate.editor().shownVersionProperty().set(mask);
                    }
                });
            } catch (IOException | RuntimeException e) {
                Platform.runLater(() -> message.set("Version " + version.number() + " cannot be read: "
                        + ErrorText.of(e)));
            }
        });
    }
}
