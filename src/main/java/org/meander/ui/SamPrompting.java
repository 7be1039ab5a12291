package org.meander.ui;

import java.io.IOException;
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
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.StringProperty;
import org.meander.embed.EncodingQueue;
import org.meander.embed.InteractivePredictor;
import org.meander.project.Tile;
import org.meander.sam.Box;
import org.meander.sam.Point;
import org.meander.sam.Prediction;
import org.meander.sam.Prompt;
import org.meander.weights.ErrorText;

/**
 * The SAM prompt on the open tile and SAM's answer to it: clicks and boxes, the preview under the cursor before the
 * first click, the candidates, a click taken back. SAM runs on one background thread; every prompt change supersedes
 * the previous request, and a stale answer is dropped, so the preview never lags behind the clicks. Its properties
 * change on the JavaFX thread.
 */
final class SamPrompting {

    private final InteractivePredictor predictor;
    private final EncodingQueue queue;
    private final Supplier<Tile> openTile;
    private final StringProperty status;
    private final ExecutorService decoder = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "meander-decoder");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong generation = new AtomicLong();
    private final ClickHistory clicks = new ClickHistory();
    /** The prompt the preview on show answers (refined by it); on the JavaFX thread. */
    private PromptState answered;
    /** What {@link #announce} said, kept before the answer to request {@code announcedFor}; on the JavaFX thread. */
    private String announcement;
    private long announcedFor = -1;
    private final ReadOnlyObjectWrapper<SamPreview> preview = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty hoverPreview = new SimpleBooleanProperty(true);
    private final ReadOnlyObjectWrapper<PromptState> prompt = new ReadOnlyObjectWrapper<>(PromptState.empty());
    /** Names the decoder loaded now, read on SAM's thread just after each answer; null while there is only one. */
    private volatile Supplier<String> decoderName = () -> null;

    /** predictor and queue may be null: without a model there is no SAM to ask. */
    SamPrompting(InteractivePredictor predictor, EncodingQueue queue, Supplier<Tile> openTile, StringProperty status) {
        this.predictor = predictor;
        this.queue = queue;
        this.openTile = openTile;
        this.status = status;
    }

    /**
     * How answers name the decoder that gave them, in their status line: called on SAM's thread, where decoders are
     * changed ({@link #changeModel}), right after each answer, so it names the one that answered.
     */
    void nameDecodersBy(Supplier<String> name) {
        decoderName = name;
    }

    /** SAM's candidates for the current prompt (or for the cursor, before the first click), or null. */
    ReadOnlyObjectProperty<SamPreview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** Whether a preview follows the cursor before the first click. */
    BooleanProperty hoverPreviewProperty() {
        return hoverPreview;
    }

    ReadOnlyObjectProperty<PromptState> promptProperty() {
        return prompt.getReadOnlyProperty();
    }

    /** A click on the tile at image pixel (x, y): positive adds to the mask, negative removes. */
    void addPoint(double x, double y, boolean positive) {
        if (openTile.get() == null) {
            return;
        }
        rememberBeforeClick();
        prompt.set(prompt.get().with(new Point(x, y, positive ? Point.POSITIVE : Point.NEGATIVE)));
        requestPreview();
    }

    /** A box dragged from (x0, y0) to (x1, y1), in image pixels, in any direction. */
    void setBox(double x0, double y0, double x1, double y1) {
        if (openTile.get() == null) {
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
    void removeLastFromPrompt() {
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
    void hover(double x, double y) {
        if (openTile.get() == null || !hoverPreview.get() || !prompt.get().isEmpty()) {
            return;
        }
        request(PromptState.empty().with(new Point(x, y, Point.POSITIVE)), false);
    }

    /** Tab: show SAM's next candidate mask. */
    void nextCandidate() {
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
    void clearPrompt() {
        generation.incrementAndGet();
        clicks.clear();
        answered = null;
        prompt.set(PromptState.empty());
        if (preview.get() != null && status.get().equals(preview.get().describe())) {
            status.set(""); // it spoke of the preview going away
        }
        preview.set(null);
    }

    /** A tile was opened: it is prepared for SAM now (its embedding from the cache, decoder inputs), not at a click. */
    void open(Tile tile) {
        clearPrompt();
        if (predictor == null || tile == null) {
            return;
        }
        decoder.submit(() -> {
            try {
                predictor.open(tile.image());
            } catch (IOException | RuntimeException e) {
                Platform.runLater(() -> status.set("Could not open " + tile.name() + " for SAM: "
                        + ErrorText.of(e)));
            }
        });
    }

    /** Whether Annotate was closed (another project or model opened): SAM's thread takes no more work. */
    boolean isClosed() {
        return decoder.isShutdown();
    }

    /** Whether SAM is here: a model was loaded with the project. */
    boolean hasModel() {
        return predictor != null;
    }

    /**
     * SAM's answer for any tile, for work beside the annotator's clicks (auto-label): computed on SAM's thread between
     * the clicks' answers, where no decoder change can overlap it, the tile's embedding from the encoding queue.
     * Blocks the calling thread, which must not be the JavaFX one.
     */
    Prediction predictAside(Tile tile, Prompt request, boolean multimask)
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

    /**
     * Runs {@code change} on SAM's thread between two previews (to replace the model's decoder there, where no
     * prediction can overlap it), then asks the changed model about the prompt on the tile afresh: its points and
     * box, without the mask the model showed before, so that two decoders are compared on the same clicks.
     */
    CompletableFuture<Void> changeModel(Runnable change) {
        return CompletableFuture.runAsync(change, decoder)
                .thenRun(() -> Platform.runLater(this::askAfresh));
    }

    /**
     * Says {@code note} in the status bar at once, and again before the candidate line of the answer to the request
     * pending now (as after {@link #changeModel}), which would otherwise replace it within milliseconds.
     */
    void announce(String note) {
        status.set(note);
        announcement = note;
        announcedFor = generation.get();
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

    private void requestPreview() {
        request(prompt.get(), true);
    }

    /** Asks SAM for {@code state}; kept: whether the answer refines the prompt (a click) or not (hovering). */
    private void request(PromptState state, boolean kept) {
        if (predictor == null) {
            return;
        }
        long ticket = generation.incrementAndGet();
        Tile tile = openTile.get();
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
                SamPreview answerPreview = SamPreview.of(ready.prediction(), decoderName.get());
                Platform.runLater(() -> {
                    if (ticket == generation.get()) {
                        preview.set(answerPreview);
                        if (kept) {
                            prompt.set(prompt.get().refinedBy(answerPreview.shownLowRes()));
                            answered = prompt.get();
                        }
                        // the announcement names the decoder already
                        status.set(ticket == announcedFor
                                ? announcement + " " + answerPreview.describeCandidate()
                                : answerPreview.describe());
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

    /** Ends SAM's thread, waiting for work in flight (a decode, a tile being opened). */
    void close() {
        decoder.shutdownNow();
        try {
            if (!decoder.awaitTermination(1, TimeUnit.MINUTES)) {
                throw new IllegalStateException("Annotate's SAM thread did not end within a minute");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
