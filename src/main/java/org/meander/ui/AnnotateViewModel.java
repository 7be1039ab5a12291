package org.meander.ui;

import java.util.Collection;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;
import org.meander.embed.EncodingProgress;
import org.meander.embed.EncodingQueue;
import org.meander.embed.InteractivePredictor;
import org.meander.weights.ErrorText;
import org.meander.project.LabelMask;
import org.meander.project.LabelStatus;
import org.meander.project.Project;
import org.meander.project.Tile;
import org.meander.project.edit.CombineMode;

/**
 * The Annotate tab's state and actions: the selected tile, its label and its editing, the tile list, and the SAM
 * prompt on the tile ({@link SamPrompting}). All properties change on the JavaFX thread.
 */
public final class AnnotateViewModel implements AutoCloseable {

    private final Project project;
    private final EncodingQueue queue;
    private final SamPrompting sam;

    private final ObjectProperty<Tile> selectedTile = new SimpleObjectProperty<>();
    private final LabelEditor editor;
    private final TileBrowser browser;
    private final TileViews views;
    private final OverlapLabels overlaps;
    private final TileRemoval removal;
    private final OutsideChanges outsideChanges;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<EncodingProgress> encoding = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper labelsWritten = new ReadOnlyIntegerWrapper();
    /** The tile open when the status bar's message was said; null for a message about no tile. */
    private Tile messageTile;
    /** Whether the message was said in the event being handled now (the one that may open another tile). */
    private boolean messageJustSaid;
    /** Shift+A's word, said once the tile it opens is open. */
    private Tile acceptedThenOpened;
    private String acceptedMessage;

    /** predictor and queue may be null: without a model the tab still shows tiles and labels. */
    public AnnotateViewModel(Project project, InteractivePredictor predictor, EncodingQueue queue) {
        this.project = project;
        this.queue = queue;
        sam = new SamPrompting(predictor, queue, selectedTile::get, status);
        editor = new LabelEditor(project, status::set);
        browser = new TileBrowser(project, status::set);
        views = new TileViews(project, selectedTile, status::set);
        overlaps = new OverlapLabels(project, editor, selectedTile, status::set);
        removal = new TileRemoval(project, editor, browser, queue, selectedTile, status::set);
        outsideChanges = new OutsideChanges(project, browser, queue, selectedTile::get, this::labelsChangedElsewhere,
                status::set);
        editor.savesProperty().addListener(o -> labelsWritten());
        selectedTile.addListener((obs, old, tile) -> onTileSelected(tile));
        // the hover preview is the SAM tool's: under the brush it would hide the label being painted
        editor.toolProperty().addListener((obs, old, tool) -> {
            if (tool != Tool.SAM && sam.promptProperty().get().isEmpty()) {
                sam.clearPrompt();
            }
        });
        if (queue != null) {
            queue.addListener(p -> Platform.runLater(() -> encoding.set(p)));
            queue.submit(project.tiles().stream().map(Tile::image).toList());
        } else {
            status.set("No SAM model: choose one to get masks from clicks");
        }
        // said from here on, a message is about the tile open then (the one above is about none)
        status.addListener((obs, old, text) -> {
            messageTile = selectedTile.get();
            if (!messageJustSaid) {
                messageJustSaid = true;
                Platform.runLater(() -> messageJustSaid = false);
            }
        });
    }

    /** The SAM prompt on the open tile and SAM's answer to it. */
    SamPrompting sam() {
        return sam;
    }

    /** Whether SAM is here: a model was loaded with the project. */
    public boolean hasModel() {
        return sam.hasModel();
    }

    /** The tile list: the tiles it shows, its filter and count, the moves between tiles. */
    public TileBrowser browser() {
        return browser;
    }

    /** A word in the status bar from elsewhere in the window. */
    void showMessage(String message) {
        status.set(message);
    }

    /** The project whose tiles it annotates. */
    Project project() {
        return project;
    }

    /** What the tile shows beneath its label: colour or near-infrared. */
    TileViews views() {
        return views;
    }

    /** Where tiles cut from one raster overlap: the neighbours' labels there. */
    OverlapLabels overlaps() {
        return overlaps;
    }

    /** Removing tiles to the project's trash. */
    TileRemoval removal() {
        return removal;
    }

    /** What other programs changed in the project while the window was open, taken in on request. */
    OutsideChanges outsideChanges() {
        return outsideChanges;
    }

    /** The tiles the list shows. */
    public ObservableList<Tile> tiles() {
        return browser.shown();
    }

    public ObjectProperty<Tile> selectedTileProperty() {
        return selectedTile;
    }

    /** The label as shown: edited, or the original while "show original" is on. */
    public ReadOnlyObjectProperty<LabelMask> labelProperty() {
        return editor.shownProperty();
    }

    /** The open tile's label editing: tools, undo and redo, saving. */
    LabelEditor editor() {
        return editor;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<EncodingProgress> encodingProperty() {
        return encoding.getReadOnlyProperty();
    }

    /**
     * N: the next tile shown whose label is not accepted yet, going round the list; null, with a word in the status
     * bar, when no other tile waits.
     */
    public Tile nextToReview() {
        Tile open = selectedTile.get();
        return browser.nextToReview(open != null && project.status(open) == LabelStatus.ACCEPTED);
    }

    /**
     * Shift+A: saves the open label as accepted, and returns the next tile to review (null when none is left, or
     * while the label is still being read: nothing is accepted unseen).
     */
    public Tile acceptAndNext() {
        Tile open = selectedTile.get();
        if (open == null) {
            return null;
        }
        LabelMask label = editor.current();
        if (!editor.save(LabelStatus.ACCEPTED)) {
            status.set("The label of " + open.name() + " is still being read");
            return null;
        }
        Tile next = browser.nextToReview(true);
        if (next != null) {
            // the save's own word would come once the next tile is open, and is not said then
            acceptedThenOpened = next;
            acceptedMessage = LabelEditor.savedMessage(open, label, LabelStatus.ACCEPTED) + "; " + next.name()
                    + " is the next to review";
            Platform.runLater(() -> acceptedThenOpened = null);
        }
        return next;
    }

    /** Labels were written on disk (a save, auto-label): the list's statuses and the count are read again. */
    public void labelsWritten() {
        browser.labelsWritten();
        labelsWritten.set(labelsWritten.get() + 1);
    }

    /**
     * Labels of these tiles were replaced on disk by something other than the editor (an import): as
     * {@link #labelsWritten}, and the open tile's label is read again, unless it was edited since.
     */
    public void labelsReplaced(Collection<String> tiles) {
        labelsWritten();
        Tile open = selectedTile.get();
        if (open != null && tiles.contains(open.name()) && !editor.isDirty()) {
            editor.open(open);
        }
    }

    /**
     * Another program wrote these tiles' labels (auto-label, an import from the command line): the open tile shows
     * its new label, unless it has edits of its own, which are then said to replace it when saved.
     */
    private void labelsChangedElsewhere(Collection<String> tiles) {
        if (tiles.isEmpty()) {
            return;
        }
        labelsReplaced(tiles);
        Tile open = selectedTile.get();
        if (open != null && tiles.contains(open.name()) && editor.isDirty()) {
            status.set("Another program wrote the label of " + open.name() + ", the tile open here: saving your edits"
                    + " replaces it (it stays in the label's history, Shift+O)");
        }
    }

    /** Counts {@link #labelsWritten} calls, for the tile list to refresh. */
    public ReadOnlyIntegerProperty labelsWrittenProperty() {
        return labelsWritten.getReadOnlyProperty();
    }

    /** The view could not read the tile's image to show it. */
    public void imageUnreadable(Tile tile, Throwable cause) {
        String reason = cause == null ? "not an image it can read" : ErrorText.of(cause);
        status.set("Cannot show " + tile.image().getFileName() + ": " + reason + ". Replace the file in the"
                + " project's tiles folder, or remove the tile from the project.");
    }

    /** Enter (replace), Shift+Enter (add), Alt+Enter (subtract): the preview meets the label, undoably. */
    public void acceptPreview(CombineMode mode) {
        Tile tile = selectedTile.get();
        SamPreview preview = sam.previewProperty().get();
        if (tile == null || preview == null || sam.promptProperty().get().isEmpty()) {
            return;
        }
        editor.accept(preview.mask(), mode);
        sam.clearPrompt();
    }

    private void onTileSelected(Tile tile) {
        // a message about the tile left goes with it, unless this very action said it (a removal, a restore)
        if (messageTile != null && !messageTile.equals(tile) && !messageJustSaid) {
            status.set("");
        }
        if (tile != null && tile.equals(acceptedThenOpened)) {
            status.set(acceptedMessage);
            acceptedThenOpened = null;
        }
        sam.open(tile);
        editor.open(tile);
        browser.open(tile);
        if (tile != null && queue != null) {
            queue.focus(tile.image());
        }
    }

    /** Waits for SAM work in flight (a decode, a tile being opened): the model may be closed or passed on next. */
    @Override
    public void close() {
        try {
            sam.close();
        } finally {
            views.close();
            overlaps.close();
            editor.close(); // the label being edited is saved whatever happened to SAM
        }
    }
}
