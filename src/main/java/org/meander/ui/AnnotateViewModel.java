package org.meander.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.meander.embed.EncodingProgress;
import org.meander.embed.EncodingQueue;
import org.meander.embed.InteractivePredictor;
import org.meander.project.LabelMask;
import org.meander.project.LabelStatus;
import org.meander.project.Project;
import org.meander.project.Tile;
import org.meander.sam.Point;
import org.meander.sam.Prediction;

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

    private final ObservableList<Tile> tiles = FXCollections.observableArrayList();
    private final ObjectProperty<Tile> selectedTile = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<LabelMask> label = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<LabelMask> preview = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<PromptState> prompt = new ReadOnlyObjectWrapper<>(PromptState.empty());
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<EncodingProgress> encoding = new ReadOnlyObjectWrapper<>();

    /** predictor and queue may be null: without a model the tab still shows tiles and labels. */
    public AnnotateViewModel(Project project, InteractivePredictor predictor, EncodingQueue queue) {
        this.project = project;
        this.predictor = predictor;
        this.queue = queue;
        tiles.setAll(project.tiles());
        selectedTile.addListener((obs, old, tile) -> onTileSelected(tile));
        if (queue != null) {
            queue.addListener(p -> Platform.runLater(() -> encoding.set(p)));
            queue.submit(project.tiles().stream().map(Tile::image).toList());
        } else {
            status.set("No SAM model: choose one to get masks from clicks");
        }
    }

    public ObservableList<Tile> tiles() {
        return tiles;
    }

    public ObjectProperty<Tile> selectedTileProperty() {
        return selectedTile;
    }

    public ReadOnlyObjectProperty<LabelMask> labelProperty() {
        return label.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LabelMask> previewProperty() {
        return preview.getReadOnlyProperty();
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
        prompt.set(prompt.get().with(new Point(x, y, positive ? Point.POSITIVE : Point.NEGATIVE)));
        requestPreview();
    }

    /** Escape: forget the prompt and the preview. */
    public void clearPrompt() {
        generation.incrementAndGet();
        prompt.set(PromptState.empty());
        preview.set(null);
    }

    /** Enter: the preview replaces the label, which is saved at once (atomically, the old one kept in history). */
    public void acceptPreview() {
        Tile tile = selectedTile.get();
        LabelMask mask = preview.get();
        if (tile == null || mask == null) {
            return;
        }
        try {
            project.writeLabel(tile, mask, LabelStatus.ACCEPTED);
            label.set(mask);
            clearPrompt();
            status.set("Saved the label of " + tile.name());
        } catch (IOException e) {
            status.set("Could not save the label: " + e.getMessage());
        }
    }

    private void onTileSelected(Tile tile) {
        clearPrompt();
        label.set(null);
        if (tile == null) {
            return;
        }
        try {
            label.set(project.readLabel(tile).orElse(null));
        } catch (IOException e) {
            status.set(e.getMessage());
        }
        if (queue != null) {
            queue.focus(tile.image());
        }
    }

    private void requestPreview() {
        if (predictor == null) {
            return;
        }
        long ticket = generation.incrementAndGet();
        Tile tile = selectedTile.get();
        PromptState state = prompt.get();
        decoder.submit(() -> decode(ticket, tile, state));
    }

    private void decode(long ticket, Tile tile, PromptState state) {
        if (ticket != generation.get()) {
            return; // superseded before it started
        }
        try {
            InteractivePredictor.Answer answer = predictor.predict(tile.image(), List.of(state.toPrompt()),
                    state.previousLowRes(), true);
            if (answer instanceof InteractivePredictor.Ready ready) {
                Prediction p = ready.prediction();
                int best = p.best(0);
                LabelMask mask = new LabelMask(p.original().width(), p.original().height(), p.mask(0, best));
                float[] lowRes = p.lowRes(0, best);
                String text = String.format("IoU %.2f", p.iou(0, best));
                Platform.runLater(() -> {
                    if (ticket == generation.get()) {
                        preview.set(mask);
                        prompt.set(prompt.get().refinedBy(lowRes));
                        status.set(text);
                    }
                });
            } else {
                Platform.runLater(() -> status.set("Computing the embedding of " + tile.name() + "…"));
                queue.request(tile.image()).thenRun(() -> {
                    if (ticket == generation.get()) {
                        decoder.submit(() -> decode(ticket, tile, state));
                    }
                });
            }
        } catch (IOException | RuntimeException e) {
            Platform.runLater(() -> status.set("SAM failed on " + tile.name() + ": " + e.getMessage()));
        }
    }

    @Override
    public void close() {
        decoder.shutdownNow();
    }

    Path projectDirectory() {
        return project.directory();
    }
}
