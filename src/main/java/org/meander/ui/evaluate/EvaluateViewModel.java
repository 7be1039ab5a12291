package org.meander.ui.evaluate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.meander.weights.ErrorText;
import org.meander.project.Project;
import org.meander.project.Split;
import org.meander.project.Tile;
import org.meander.train.Baseline;
import org.meander.train.CheckpointKind;
import org.meander.train.Evaluation;
import org.meander.train.EvaluationReport;
import org.meander.train.EvaluationRow;
import org.meander.train.RunCheckpoint;
import org.meander.train.RunDecoder;
import org.meander.train.RunFolder;
import org.meander.train.TileComparer;
import org.meander.train.TileComparison;
import org.meander.train.TrainingListener;
import org.meander.train.TrainingRun;
import org.meander.train.TunedModelExport;

/**
 * The Evaluate tab: a run's tuned decoder against the model's own (or against the decoder the run started from) on a
 * split, the tiles by disagreement, the selected tile's label and both predictions side by side; and putting the tuned decoder to work, in Annotate or exported.
 * Evaluating, comparing and exporting run one at a time on a background thread; properties change on the JavaFX
 * thread.
 */
public final class EvaluateViewModel implements AutoCloseable {

    private static final String NO_RUNS = "No run has a checkpoint yet: train one in the Train tab.";

    private final Project project;
    private final AnnotationModel annotation;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "meander-evaluate");
        t.setDaemon(true);
        return t;
    });
    /** Numbers the comparisons asked for: an answer for a tile no longer selected is dropped. */
    private final AtomicLong comparisonTicket = new AtomicLong();

    private final ObservableList<String> runs = FXCollections.observableArrayList();
    private final ObservableList<String> runsView = FXCollections.unmodifiableObservableList(runs);
    private final ObjectProperty<String> run = new SimpleObjectProperty<>();
    private final ObjectProperty<Split> split = new SimpleObjectProperty<>(Split.VALIDATION);
    private final ObjectProperty<CheckpointKind> checkpoint = new SimpleObjectProperty<>(CheckpointKind.BEST);
    private final BooleanProperty acceptedOnly = new SimpleBooleanProperty();
    private final ObjectProperty<Baseline> against = new SimpleObjectProperty<>(Baseline.MODEL);
    /** The chosen run's starting decoder when it began from an earlier run's checkpoint, in words; empty if not. */
    private final ReadOnlyStringWrapper startedFrom = new ReadOnlyStringWrapper("");
    private final AtomicLong startReads = new AtomicLong();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<EvaluationReport> report = new ReadOnlyObjectWrapper<>();
    private final StringBinding baselineWord = Bindings.createStringBinding(
            () -> (report.get() == null ? against.get() : report.get().against()).word(), report, against);
    private final ObservableList<MetricRow> metrics = FXCollections.observableArrayList();
    private final ObservableList<MetricRow> metricsView = FXCollections.unmodifiableObservableList(metrics);
    private final ObservableList<EvaluationRow> tiles = FXCollections.observableArrayList();
    private final ObservableList<EvaluationRow> tilesView = FXCollections.unmodifiableObservableList(tiles);
    private final ObjectProperty<EvaluationRow> selectedTile = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<TileComparison> comparison = new ReadOnlyObjectWrapper<>();
    private final IntegerProperty prompt = new SimpleIntegerProperty();
    private final ReadOnlyStringWrapper annotationDecoder = new ReadOnlyStringWrapper(AnnotationModel.OWN_DECODER);
    private final BooleanBinding canEvaluate;

    /** Decodes the evaluated run's tiles; replaced on the worker thread, closed from the JavaFX thread too. */
    private volatile TileComparer comparer;
    private Consumer<Tile> openTile = tile -> { };

    /** annotation: the model Annotate predicts with, or null when it has none. */
    public EvaluateViewModel(Project project, AnnotationModel annotation) {
        this.project = project;
        this.annotation = annotation;
        canEvaluate = Bindings.createBooleanBinding(() -> !busy.get() && run.get() != null, busy, run);
        selectedTile.addListener((o, old, row) -> compare(row));
        run.addListener((o, old, chosen) -> readStartedFrom(chosen));
        if (annotation != null) {
            annotationDecoder.bind(annotation.decoderInUseProperty()); // D in Annotate switches it too
        }
    }

    /** What a double-click on a tile does: the window opens it in Annotate. */
    public void setOpenTile(Consumer<Tile> action) {
        openTile = action;
    }

    public ObservableList<String> runs() {
        return runsView;
    }

    public ObjectProperty<String> runProperty() {
        return run;
    }

    public ObjectProperty<Split> splitProperty() {
        return split;
    }

    public ObjectProperty<CheckpointKind> checkpointProperty() {
        return checkpoint;
    }

    /** Only the labels marked accepted: those a person checked, the seed tutorial's hand-corrected tiles. */
    public BooleanProperty acceptedOnlyProperty() {
        return acceptedOnly;
    }

    /** What the tuned decoder is set against: the model's own decoder, or the one the run started from. */
    public ObjectProperty<Baseline> againstProperty() {
        return against;
    }

    /**
     * The decoder the chosen run started from, in words ("run-1 (best checkpoint)"), when it began from an earlier
     * run's checkpoint; empty when it began from the model's own, and the baseline is then the model's own.
     */
    public ReadOnlyStringProperty startedFromProperty() {
        return startedFrom.getReadOnlyProperty();
    }

    /**
     * The word the baseline's columns and picture are headed with: "base", or "start" against the decoder the run
     * started from; the shown report's, else the chosen baseline's.
     */
    public StringBinding baselineWordBinding() {
        return baselineWord;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public BooleanBinding canEvaluateBinding() {
        return canEvaluate;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<EvaluationReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ObservableList<MetricRow> metrics() {
        return metricsView;
    }

    /** The evaluated tiles, the tuned model's largest disagreement with the label first. */
    public ObservableList<EvaluationRow> tiles() {
        return tilesView;
    }

    public ObjectProperty<EvaluationRow> selectedTileProperty() {
        return selectedTile;
    }

    /** The selected tile's label and both models' masks, once computed; null before. */
    public ReadOnlyObjectProperty<TileComparison> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    /** Which of the tile's prompts the side-by-side view shows, from 0. */
    public IntegerProperty promptProperty() {
        return prompt;
    }

    /** Shows the tile's next prompt and its masks, if it has several. */
    public void nextPrompt() {
        TileComparison shown = comparison.get();
        if (shown != null) {
            prompt.set(Math.min(shown.prompts().size() - 1, prompt.get() + 1));
        }
    }

    public void previousPrompt() {
        prompt.set(Math.max(0, prompt.get() - 1));
    }

    /** Which decoder Annotate predicts with, in words. */
    public ReadOnlyStringProperty annotationDecoderProperty() {
        return annotationDecoder.getReadOnlyProperty();
    }

    public boolean hasAnnotationModel() {
        return annotation != null;
    }

    /** Lists the project's runs that have a best checkpoint; keeps the chosen one, else chooses the newest. */
    public void refreshRuns() {
        worker.submit(() -> {
            try {
                List<RunFolder> folders = new ArrayList<>(RunFolder.all(project.directory()));
                folders.removeIf(f -> !Files.isRegularFile(f.checkpoint(CheckpointKind.BEST)));
                folders.sort((a, b) -> Long.compare(modified(a), modified(b)));
                List<String> names = folders.stream().map(RunFolder::name).toList();
                Platform.runLater(() -> {
                    String chosen = run.get();
                    // the Run box clears its value when its items are replaced, even by the same names; and
                    // each change of run resets the baseline: replace only what changed, then choose again
                    if (!runs.equals(names)) {
                        runs.setAll(names);
                    }
                    if (!names.isEmpty()) {
                        run.set(names.contains(chosen) ? chosen : names.get(names.size() - 1));
                    }
                    if (names.isEmpty()) {
                        message.set(NO_RUNS);
                    } else if (message.get().equals(NO_RUNS)) {
                        message.set("");
                    }
                });
            } catch (IOException e) {
                Platform.runLater(() -> message.set("Could not list the project's runs: " + ErrorText.of(e)));
            }
        });
    }

    /** Evaluates the chosen run's checkpoint against the base model on the chosen split. */
    public void evaluate() {
        if (!canEvaluate.get()) {
            return;
        }
        String name = run.get();
        Split on = split.get();
        CheckpointKind kind = checkpoint.get();
        boolean accepted = acceptedOnly.get();
        Baseline baseline = against.get();
        busy.set(true);
        progress.set(0);
        report.set(null);
        metrics.clear();
        tiles.clear();
        comparison.set(null);
        message.set("Evaluating " + describe(name, kind) + " on the " + on.key() + " split…");
        worker.submit(() -> {
            try {
                TrainingRun training = TrainingRun.open(project, name);
                EvaluationReport result = new Evaluation(project, training).evaluate(on, kind, accepted, baseline,
                        progressListener());
                result.writeTo(training.folder());
                String unfinished = training.unfinished().map(note -> note + ". ").orElse("");
                closeComparer();
                comparer = TileComparer.open(project, training, kind, baseline);
                Platform.runLater(() -> {
                    busy.set(false);
                    progress.set(1);
                    report.set(result);
                    metrics.setAll(MetricRow.of(result));
                    tiles.setAll(result.rows());
                    message.set(unfinished + String.format(Locale.ROOT, "%s on %d %s tiles%s: mean IoU %.3f,"
                            + " %s %.3f (%s). Every tile's metrics: %s", describe(name, kind), result.rows().size(),
                            on.key(), accepted ? " with accepted labels" : "", result.tuned().iou().mean(),
                            baseline.word(), result.base().iou().mean(), result.baseline(),
                            result.table(training.folder())));
                });
            } catch (IOException | RuntimeException | InterruptedException e) {
                Platform.runLater(() -> {
                    busy.set(false);
                    message.set("Could not evaluate " + name + ": " + ErrorText.of(e));
                });
            }
        });
    }

    /** Double-click: the tile opens in Annotate, to fix its label. */
    public void openInAnnotate(EvaluationRow row) {
        findTile(row.tile()).ifPresentOrElse(openTile,
                () -> message.set("Tile " + row.tile() + " is no longer in the project"));
    }

    /** The chosen run's checkpoint becomes Annotate's decoder, if the run fine-tuned Annotate's model. */
    public void useForAnnotation() {
        String name = run.get();
        CheckpointKind kind = checkpoint.get();
        if (name == null) {
            return;
        }
        if (annotation == null) {
            message.set("Annotate has no SAM model: open the project with the model run " + name + " fine-tuned.");
            return;
        }
        worker.submit(() -> {
            try {
                TrainingRun training = TrainingRun.open(project, name);
                if (!training.tunedTheModelIn(annotation.directory())) {
                    Platform.runLater(() -> message.set("Run " + name + " fine-tuned " + training.baseModel()
                            + ", but Annotate uses " + annotation.directory() + ": open that model to annotate with"
                            + " this run, or Export the run and open the export."));
                    return;
                }
                Map<String, float[]> decoder = RunCheckpoint.read(training.checkpoint(kind)).decoder();
                annotation.useDecoder(decoder, describe(name, kind)).join();
                Platform.runLater(() -> message.set("Annotate now predicts with " + describe(name, kind)
                        + " (D there switches between it and the model's own)."));
            } catch (IOException | RuntimeException e) {
                Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                Platform.runLater(() -> message.set("Could not use " + name + " for annotation: "
                        + ErrorText.of(cause)));
            }
        });
    }

    /** Annotate goes back to the model's own decoder. */
    public void useBaseForAnnotation() {
        if (annotation == null) {
            return;
        }
        annotation.useBaseDecoder().thenRun(() -> Platform.runLater(
                () -> message.set("Annotate predicts with the model's own decoder again.")));
    }

    /** Why the chosen run cannot be exported to the folder, said before anything starts; empty when it can. */
    public Optional<String> exportProblem(Path folder) {
        String name = run.get();
        if (name == null) {
            return Optional.empty();
        }
        try {
            return TunedModelExport.refusal(TrainingRun.open(project, name).baseModel(), folder);
        } catch (IOException e) {
            return Optional.of(ErrorText.of(e));
        }
    }

    /** Whether exporting to the folder would replace a model: ask first. */
    public boolean holdsModel(Path folder) {
        return TunedModelExport.holdsModel(folder);
    }

    /** Exports the run's checkpoint to the folder, replacing a model there only if {@code replace}. */
    public void export(Path folder, boolean replace) {
        String name = run.get();
        CheckpointKind kind = checkpoint.get();
        if (name == null) {
            return;
        }
        busy.set(true);
        message.set("Exporting " + describe(name, kind) + " to " + folder + "…");
        worker.submit(() -> {
            try {
                TrainingRun training = TrainingRun.open(project, name);
                TunedModelExport.write(training.baseModel(),
                        RunCheckpoint.read(training.checkpoint(kind)).decoder(), folder, replace);
                Platform.runLater(() -> message.set("Exported " + describe(name, kind) + " to " + folder
                        + ": open it as a model (./meander app --model " + folder + "), or in Python with"
                        + " SamModel.from_pretrained."));
            } catch (IOException | RuntimeException e) {
                Platform.runLater(() -> message.set("Could not export " + name + ": " + ErrorText.of(e)));
            } finally {
                Platform.runLater(() -> busy.set(false));
            }
        });
    }

    /** Reads whether the chosen run started from an earlier run's checkpoint; if not, the baseline is the model's. */
    private void readStartedFrom(String name) {
        long ticket = startReads.incrementAndGet();
        startedFrom.set("");
        if (name == null) {
            against.set(Baseline.MODEL);
            return;
        }
        worker.submit(() -> {
            String from;
            try {
                RunDecoder decoder = TrainingRun.open(project, name).startedFrom();
                from = decoder == null ? "" : decoder.describe();
            } catch (IOException | RuntimeException e) {
                from = ""; // evaluating says what is wrong with the run
            }
            String found = from;
            Platform.runLater(() -> {
                if (ticket == startReads.get()) {
                    startedFrom.set(found);
                    if (found.isEmpty()) {
                        against.set(Baseline.MODEL);
                    }
                }
            });
        });
    }

    private void compare(EvaluationRow row) {
        long ticket = comparisonTicket.incrementAndGet();
        comparison.set(null);
        prompt.set(0);
        if (row == null) {
            return;
        }
        worker.submit(() -> {
            if (ticket != comparisonTicket.get() || comparer == null) {
                return;
            }
            try {
                Tile tile = findTile(row.tile()).orElseThrow(() -> new IOException("tile " + row.tile()
                        + " is no longer in the project"));
                TileComparison result = comparer.compare(tile);
                Platform.runLater(() -> {
                    if (ticket == comparisonTicket.get()) {
                        comparison.set(result);
                    }
                });
            } catch (IOException | RuntimeException e) {
                Platform.runLater(() -> message.set("Could not decode " + row.tile() + ": " + ErrorText.of(e)));
            }
        });
    }

    private TrainingListener progressListener() {
        return new TrainingListener() {
            @Override
            public void embedding(int done, int total) {
                Platform.runLater(() -> {
                    progress.set(total == 0 ? 1 : (double) done / total);
                    message.set("Computing embeddings " + done + "/" + total + "…");
                });
            }

            @Override
            public void validating(int done, int total) {
                Platform.runLater(() -> {
                    progress.set(total == 0 ? 1 : (double) done / total);
                    message.set("Decoding " + done + "/" + total + " (each tile with both models)…");
                });
            }
        };
    }

    /** The image file of a tile, for the side-by-side view. */
    public Optional<Path> tileImage(String name) {
        return findTile(name).map(Tile::image);
    }

    private Optional<Tile> findTile(String name) {
        return project.tiles().stream().filter(t -> t.name().equals(name)).findFirst();
    }

    private static String describe(String run, CheckpointKind kind) {
        return new RunDecoder(run, kind).describe();
    }

    private static long modified(RunFolder folder) {
        try {
            return Files.getLastModifiedTime(folder.config()).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private void closeComparer() {
        TileComparer closing = comparer;
        comparer = null;
        if (closing != null) {
            closing.close();
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
        closeComparer(); // waits for a comparison in progress: the comparer decodes one tile at a time
    }
}
