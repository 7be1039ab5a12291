package org.meander.ui;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
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
import org.meander.sam.Box;
import org.meander.sam.Point;
import org.meander.sam.Prediction;
import org.meander.sam.Prompt;

/**
 * The Annotate tab's state and actions: the selected tile, its label, the SAM prompt and preview. SAM runs on one
 * background thread; every prompt change supersedes the previous request, and a stale answer is dropped, so the
 * preview never lags behind the clicks. All properties change on the JavaFX thread.
 */
public final class AnnotateViewModel implements AutoCloseable {

    private final Project project;
    private final InteractivePredictor predictor;
    private final EncodingQueue queue;
    private final ExecutorService decoder = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "meander-decoder");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong generation = new AtomicLong();
    private final ClickHistory clicks = new ClickHistory();
    /** The prompt the preview on show answers (refined by it); on the JavaFX thread. */
    private PromptState answered;

    private final ObjectProperty<Tile> selectedTile = new SimpleObjectProperty<>();
    private final LabelEditor editor;
    private final TileBrowser browser;
    private final TileViews views;
    private final OverlapLabels overlaps;
    private final TileRemoval removal;
    private final OutsideChanges outsideChanges;
    private final ReadOnlyObjectWrapper<SamPreview> preview = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty hoverPreview = new SimpleBooleanProperty(true);
    private final ReadOnlyObjectWrapper<PromptState> prompt = new ReadOnlyObjectWrapper<>(PromptState.empty());
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<EncodingProgress> encoding = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper labelsWritten = new ReadOnlyIntegerWrapper();

    /** predictor and queue may be null: without a model the tab still shows tiles and labels. */
    public AnnotateViewModel(Project project, InteractivePredictor predictor, EncodingQueue queue) {
        this.project = project;
        this.predictor = predictor;
        this.queue = queue;
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
            if (tool != Tool.SAM && prompt.get().isEmpty()) {
                clearPrompt();
            }
        });
        if (queue != null) {
            queue.addListener(p -> Platform.runLater(() -> encoding.set(p)));
            queue.submit(project.tiles().stream().map(Tile::image).toList());
        } else {
            status.set("No SAM model: choose one to get masks from clicks");
        }
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

    /** SAM's candidates for the current prompt (or for the cursor, before the first click), or null. */
    public ReadOnlyObjectProperty<SamPreview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** Whether a preview follows the cursor before the first click. */
    public BooleanProperty hoverPreviewProperty() {
        return hoverPreview;
    }

    public ReadOnlyObjectProperty<PromptState> promptProperty() {
        return prompt.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<EncodingProgress> encodingProperty() {
        return encoding.getReadOnlyProperty();
    }

    /** A click on the tile at image pixel (x, y): positive adds to the mask, negative removes. */
    public void addPoint(double x, double y, boolean positive) {
        if (selectedTile.get() == null) {
            return;
        }
        rememberBeforeClick();
        prompt.set(prompt.get().with(new Point(x, y, positive ? Point.POSITIVE : Point.NEGATIVE)));
        requestPreview();
    }

    /** A box dragged from (x0, y0) to (x1, y1), in image pixels, in any direction. */
    public void setBox(double x0, double y0, double x1, double y1) {
        if (selectedTile.get() == null) {
            return;
        }
        rememberBeforeClick();
        prompt.set(prompt.get().with(new Box(Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1),
                Math.max(y0, y1))));
        requestPreview();
    }

    /**
     * Backspace: the prompt and SAM's answer as they were before the last click, at once. Once SAM's decoder has
     * changed since, the prompt loses its last point (its box once no point is left) and SAM is asked afresh.
     */
    public void removeLastFromPrompt() {
        Optional<ClickHistory.Step> before = clicks.takeBack();
        if (before.isEmpty()) {
            PromptState state = prompt.get();
            prompt.set(state.points().isEmpty()
                    ? PromptState.empty()
                    : new PromptState(state.points().subList(0, state.points().size() - 1), state.box(), null));
            askAfresh();
            return;
        }
        PromptState earlier = before.get().prompt();
        SamPreview earlierAnswer = before.get().preview();
        if (earlier.isEmpty()) {
            clearPrompt();
            return;
        }
        generation.incrementAndGet(); // an answer still on its way to the click taken back is dropped
        prompt.set(earlier);
        if (earlierAnswer == null) {
            requestPreview(); // it had not come when the click was made
            return;
        }
        answered = earlier;
        preview.set(earlierAnswer);
        status.set(earlierAnswer.describe());
    }

    private void rememberBeforeClick() {
        clicks.beforeClick(prompt.get(), prompt.get() == answered ? preview.get() : null);
    }

    /** The cursor at image pixel (x, y): before the first click, SAM previews a positive point there. */
    public void hover(double x, double y) {
        if (selectedTile.get() == null || !hoverPreview.get() || !prompt.get().isEmpty()) {
            return;
        }
        request(PromptState.empty().with(new Point(x, y, Point.POSITIVE)), false);
    }

    /** Tab: show SAM's next candidate mask. */
    public void nextCandidate() {
        SamPreview shown = preview.get();
        if (shown != null) {
            SamPreview next = shown.next();
            preview.set(next);
            if (!prompt.get().isEmpty()) {
                prompt.set(prompt.get().refinedBy(next.shownLowRes())); // the next click refines what is shown
                answered = prompt.get();
            }
            status.set(next.describe());
        }
    }

    /** Escape: forget the prompt and the preview. */
    public void clearPrompt() {
        generation.incrementAndGet();
        clicks.clear();
        answered = null;
        prompt.set(PromptState.empty());
        if (preview.get() != null && status.get().equals(preview.get().describe())) {
            status.set(""); // it spoke of the preview going away
        }
        preview.set(null);
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
        if (!editor.save(LabelStatus.ACCEPTED)) {
            status.set("The label of " + open.name() + " is still being read");
            return null;
        }
        return browser.nextToReview(true);
    }

    /** Whether this tab was closed (another project or model opened): SAM's thread takes no more work. */
    public boolean isClosed() {
        return decoder.isShutdown();
    }

    /** Whether SAM is here: a model was loaded with the project. */
    public boolean hasModel() {
        return predictor != null;
    }

    /**
     * SAM's answer for any tile, for work beside the annotator's clicks (auto-label): computed on SAM's thread between
     * the clicks' answers, where no decoder change can overlap it, the tile's embedding from the encoding queue.
     * Blocks the calling thread, which must not be the JavaFX one.
     */
    public Prediction predictAside(Tile tile, Prompt request, boolean multimask)
            throws IOException, InterruptedException {
        if (predictor == null) {
            throw new IllegalStateException("no SAM model is loaded");
        }
        for (int attempt = 0; attempt < 2; attempt++) {
            InteractivePredictor.Answer answer = await(decoder.submit(
                    () -> predictor.predict(tile.image(), List.of(request), null, multimask)));
            if (answer instanceof InteractivePredictor.Ready ready) {
                return ready.prediction();
            }
            await(queue.request(tile.image()));
        }
        throw new IOException(tile.image() + ": its embedding was computed but cannot be read from the cache");
    }

    private static <T> T await(Future<T> work) throws IOException, InterruptedException {
        try {
            return work.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(ErrorText.of(e.getCause()), e.getCause());
        }
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
        if (tile == null || preview.get() == null || prompt.get().isEmpty()) {
            return;
        }
        editor.accept(preview.get().mask(), mode);
        clearPrompt();
    }

    /**
     * Runs {@code change} on SAM's thread between two previews (to replace the model's decoder there, where no
     * prediction can overlap it), then asks the changed model about the prompt on the tile afresh: its points and
     * box, without the mask the model showed before, so that two decoders are compared on the same clicks.
     */
    public CompletableFuture<Void> changeModel(Runnable change) {
        return CompletableFuture.runAsync(change, decoder)
                .thenRun(() -> Platform.runLater(this::askAfresh));
    }

    private void askAfresh() {
        PromptState state = prompt.get();
        if (state.isEmpty()) {
            clearPrompt();
            return;
        }
        clicks.clear(); // its answers were the other decoder's
        prompt.set(new PromptState(state.points(), state.box(), null));
        requestPreview();
    }

    private void onTileSelected(Tile tile) {
        clearPrompt();
        editor.open(tile);
        browser.open(tile);
        if (tile == null) {
            return;
        }
        if (queue != null) {
            queue.focus(tile.image());
        }
        if (predictor != null) {
            // prepare the tile for SAM now (embedding from the cache, decoder inputs), not at the first click
            decoder.submit(() -> {
                try {
                    predictor.open(tile.image());
                } catch (IOException | RuntimeException e) {
                    Platform.runLater(() -> status.set("Could not open " + tile.name() + " for SAM: "
                            + ErrorText.of(e)));
                }
            });
        }
    }

    private void requestPreview() {
        request(prompt.get(), true);
    }

    /** Asks SAM for {@code state}; kept: whether the answer refines the prompt (a click) or not (hovering). */
    private void request(PromptState state, boolean kept) {
        if (predictor == null) {
            return;
        }
        long ticket = generation.incrementAndGet();
        Tile tile = selectedTile.get();
        decoder.submit(() -> decode(ticket, tile, state, kept));
    }

    private void decode(long ticket, Tile tile, PromptState state, boolean kept) {
        if (ticket != generation.get()) {
            return; // superseded before it started
        }
        try {
            InteractivePredictor.Answer answer = predictor.predict(tile.image(), List.of(state.toPrompt()),
                    state.previousLowRes(), true);
            if (answer instanceof InteractivePredictor.Ready ready) {
                SamPreview answerPreview = SamPreview.of(ready.prediction());
                Platform.runLater(() -> {
                    if (ticket == generation.get()) {
                        preview.set(answerPreview);
                        if (kept) {
                            prompt.set(prompt.get().refinedBy(answerPreview.shownLowRes()));
                            answered = prompt.get();
                        }
                        status.set(answerPreview.describe());
                    }
                });
            } else {
                Platform.runLater(() -> status.set("Computing the embedding of " + tile.name() + "…"));
                queue.request(tile.image()).whenComplete((embedding, error) -> {
                    if (ticket != generation.get()) {
                        return;
                    }
                    if (error == null) {
                        decoder.submit(() -> decode(ticket, tile, state, kept));
                    } else {
                        Throwable cause = error instanceof CompletionException ? error.getCause() : error;
                        Platform.runLater(() -> status.set("Could not compute the embedding of " + tile.name()
                                + ": " + ErrorText.of(cause)));
                    }
                });
            }
        } catch (IOException | RuntimeException e) {
            Platform.runLater(() -> status.set("SAM failed on " + tile.name() + ": " + ErrorText.of(e)));
        }
    }

    /** Waits for SAM work in flight (a decode, a tile being opened): the model may be closed or passed on next. */
    @Override
    public void close() {
        decoder.shutdownNow();
        views.close();
        overlaps.close();
        try {
            if (!decoder.awaitTermination(1, TimeUnit.MINUTES)) {
                throw new IllegalStateException("Annotate's SAM thread did not end within a minute");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            editor.close(); // the label being edited is saved whatever happened to SAM
        }
    }
}
