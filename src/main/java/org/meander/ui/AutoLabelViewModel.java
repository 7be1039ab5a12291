package org.meander.ui;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.meander.project.Project;
import org.meander.project.Split;
import org.meander.project.Tile;
import org.meander.prompts.PromptRecipe;
import org.meander.prompts.RoughMaskSettings;
import org.meander.prompts.RoughMaskSource;
import org.meander.prompts.WaterIndex;
import org.meander.prompts.autolabel.AutoLabelSettings;
import org.meander.prompts.autolabel.AutoLabeler;
import org.meander.prompts.autolabel.LabellingDecoder;
import org.meander.prompts.autolabel.TileOutcome;
import org.meander.prompts.autolabel.TileSegmenter;
import org.meander.sam.Prediction;
import org.meander.sam.Prompt;
import org.meander.ui.evaluate.AnnotationModel;
import org.meander.ui.train.NumberKind;

/**
 * "Auto-label…": every unlabelled tile (of a split, or all) labelled by SAM from prompts drawn from a rough water
 * mask, as {@code ./meander autolabel} does, each label marked PREDICTED for review. SAM answers on Annotate's
 * thread, between the clicks' answers; the tile open in the editor is left alone. Stop ends it between two tiles.
 */
final class AutoLabelViewModel {

    private final Project project;
    private final AnnotateViewModel annotate;
    private final TileSegmenter segmenter;
    private final ObjectProperty<RoughMaskSource> source = new SimpleObjectProperty<>(RoughMaskSource.HSV);
    private final StringProperty ndwiThreshold = new SimpleStringProperty("0");
    private final StringProperty positives = new SimpleStringProperty(
            Integer.toString(PromptRecipe.DEFAULT.positives()));
    private final StringProperty negatives = new SimpleStringProperty(
            Integer.toString(PromptRecipe.DEFAULT.negatives()));
    private final BooleanProperty box = new SimpleBooleanProperty(PromptRecipe.DEFAULT.box());
    private final BooleanProperty overwrite = new SimpleBooleanProperty();
    /** One split's tiles, or null for every tile. */
    private final ObjectProperty<Split> split = new SimpleObjectProperty<>();
    private final StringBinding problem;
    private final StringBinding decoder;
    private final TaskState task = new TaskState();
    private final AutoLabelPreviews previews = new AutoLabelPreviews();
    /** Whether the window is shown: only then are previews computed, SAM's thread being the annotator's too. */
    private boolean previewing;
    private volatile AtomicBoolean stop = new AtomicBoolean();
    /** The tile in the editor, for the labelling thread: it is left alone, whichever it is when its turn comes. */
    private volatile Tile openTile;

    /** decoders: Annotate's decoder, the one SAM labels with, named in the window. */
    AutoLabelViewModel(Project project, AnnotateViewModel annotate, AnnotationDecoder decoders) {
        this(project, annotate, decoders, null);
    }

    /** With SAM's answers from {@code segmenter} rather than from Annotate's thread (tests hold them back). */
    AutoLabelViewModel(Project project, AnnotateViewModel annotate, TileSegmenter segmenter) {
        this(project, annotate, null, segmenter);
    }

    private AutoLabelViewModel(Project project, AnnotateViewModel annotate, AnnotationDecoder decoders,
                               TileSegmenter segmenter) {
        this.project = project;
        this.annotate = annotate;
        this.segmenter = segmenter != null ? segmenter : annotateSegmenter(annotate, decoders);
        decoder = decoders == null ? Bindings.createStringBinding(() -> "") : Bindings.createStringBinding(
                () -> describeDecoder(decoders.decoderInUseProperty().get()), decoders.decoderInUseProperty());
        openTile = annotate.selectedTileProperty().get();
        annotate.selectedTileProperty().addListener((o, old, tile) -> openTile = tile);
        problem = Bindings.createStringBinding(this::findProblem, source, ndwiThreshold, positives, negatives, box);
        InvalidationListener preview = o -> preview();
        for (Observable changed : List.of(source, ndwiThreshold, positives, negatives, box, split,
                annotate.selectedTileProperty())) {
            changed.addListener(preview);
        }
        // near-infrared frames were imported to be used: their water index finds water that colours miss
        if (!project.tiles().isEmpty()
                && project.tiles().stream().allMatch(tile -> Files.isRegularFile(project.nearInfraredFile(tile)))) {
            source.set(RoughMaskSource.NDWI);
        }
    }

    ObjectProperty<RoughMaskSource> sourceProperty() {
        return source;
    }

    StringProperty ndwiThresholdProperty() {
        return ndwiThreshold;
    }

    StringProperty positivesProperty() {
        return positives;
    }

    StringProperty negativesProperty() {
        return negatives;
    }

    BooleanProperty boxProperty() {
        return box;
    }

    BooleanProperty overwriteProperty() {
        return overwrite;
    }

    ObjectProperty<Split> splitProperty() {
        return split;
    }

    /** Which decoder SAM labels with, in words; empty when not known. */
    StringBinding decoderProperty() {
        return decoder;
    }

    /** What stops Start, in words; empty when nothing does. */
    StringBinding problemProperty() {
        return problem;
    }

    /** What labelling would make of the tile open in Annotate (or the first to label), with these settings. */
    AutoLabelPreviews previews() {
        return previews;
    }

    /** The window was shown or hidden: previews are computed while it is shown. */
    void previewing(boolean shown) {
        previewing = shown;
        preview();
    }

    /** Whether it runs, how far it has got, what it says. */
    TaskState task() {
        return task;
    }

    Project project() {
        return project;
    }

    AnnotateViewModel annotate() {
        return annotate;
    }

    /** Labels the tiles on a thread of its own, one at a time. */
    void start() {
        if (task.isRunning() || !problem.get().isEmpty()) {
            return;
        }
        AutoLabelSettings settings = settings();
        List<Tile> tiles = tilesToLabel();
        AtomicBoolean stopped = new AtomicBoolean();
        stop = stopped;
        task.start("Auto-labelling " + tiles.size() + " tiles…");
        AutoLabeler labeler = new AutoLabeler(project, segmenter, settings);
        Thread labelling = new Thread(() -> {
            Map<TileOutcome.Kind, Integer> counts = new EnumMap<>(TileOutcome.Kind.class);
            List<String> problems = new ArrayList<>();
            List<String> leftAlone = new ArrayList<>();
            int done = 0;
            for (Tile tile : tiles) {
                if (stopped.get() || annotate.sam().isClosed()) {
                    break; // asked to, or another project or model was opened
                }
                boolean inEditor = tile.equals(openTile);
                TileOutcome outcome = inEditor
                        ? new TileOutcome(tile, TileOutcome.Kind.SKIPPED, "open in the editor")
                        : labeler.label(tile);
                if (inEditor) {
                    leftAlone.add(tile.name());
                }
                counts.merge(outcome.kind(), 1, Integer::sum);
                if (outcome.kind() == TileOutcome.Kind.EMPTY || outcome.kind() == TileOutcome.Kind.FAILED) {
                    problems.add(tile.name() + ": " + outcome.detail());
                }
                done++;
                int tried = done;
                String counted = describe(counts);
                boolean labelled = outcome.kind() == TileOutcome.Kind.LABELLED;
                Platform.runLater(() -> {
                    task.advance((double) tried / tiles.size(),
                            "Auto-labelling: " + tried + " of " + tiles.size() + " tiles; " + counted);
                    if (labelled) {
                        // opened while SAM worked on it, the tile's editor holds the label from before
                        annotate.labelsReplaced(List.of(tile.name()));
                    }
                });
            }
            String ended = (done < tiles.size() ? "Stopped after " : "Done: ") + done + " of " + tiles.size()
                    + " tiles; "
                    + describe(counts) + (leftAlone.isEmpty() ? "" : " (open in the editor, so left alone: "
                    + String.join(", ", leftAlone) + ")") + "."
                    + (problems.isEmpty() ? "" : "\n" + String.join("\n", problems));
            Platform.runLater(() -> task.finish(ended));
        }, "meander-autolabel");
        labelling.setDaemon(true);
        labelling.start();
    }

    /** The tiles of the chosen split, or every tile. */
    private List<Tile> tilesToLabel() {
        Split chosen = split.get();
        return project.tiles().stream().filter(tile -> chosen == null || project.split(tile) == chosen).toList();
    }

    private void preview() {
        Tile tile = annotate.selectedTileProperty().get();
        if (tile == null) {
            tile = tilesToLabel().stream().findFirst().orElse(null);
        }
        if (!previewing) {
            previews.clear("");
        } else if (tile == null) {
            previews.clear("No tile to preview.");
        } else if (!problem.get().isEmpty()) {
            previews.clear(""); // the problem line says what to change
        } else {
            previews.show(tile, new AutoLabeler(project, segmenter, settings()));
        }
    }

    /** Ends the run after the tile in hand. */
    void stop() {
        stop.set(true);
    }

    /** SAM's answers from Annotate's thread, with its decoder at the time: the model's own, or a run's. */
    private static TileSegmenter annotateSegmenter(AnnotateViewModel annotate, AnnotationDecoder decoders) {
        return new TileSegmenter() {
            @Override
            public Prediction predict(Tile tile, Prompt prompt, boolean multimask) throws IOException {
                try {
                    return annotate.sam().predictAside(tile, prompt, multimask);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("stopped while SAM was busy with " + tile.name());
                }
            }

            @Override
            public LabellingDecoder decoder() {
                return decoders.labellingDecoder();
            }
        };
    }

    private AutoLabelSettings settings() {
        RoughMaskSettings rough = RoughMaskSettings.DEFAULT.withSource(source.get());
        if (source.get() == RoughMaskSource.NDWI) {
            rough = rough.withWaterIndex(waterIndex());
        }
        return new AutoLabelSettings(rough, recipe(), overwrite.get(), AutoLabelSettings.DEFAULT.seed());
    }

    /** The points and box asked for; the recipe refuses a prompt with neither. */
    private PromptRecipe recipe() {
        return new PromptRecipe(Integer.parseInt(positives.get().strip()), Integer.parseInt(negatives.get().strip()),
                box.get());
    }

    private WaterIndex waterIndex() {
        return new WaterIndex(Double.parseDouble(ndwiThreshold.get().strip()));
    }

    private static String describeDecoder(String inUse) {
        return AnnotationModel.OWN_DECODER.equals(inUse)
                ? "SAM labels with the model's own decoder."
                : "SAM labels with the fine-tuned decoder of " + inUse + ", as Annotate predicts now (D there switches"
                        + " to the model's own).";
    }

    private static String describe(Map<TileOutcome.Kind, Integer> counts) {
        return counts.getOrDefault(TileOutcome.Kind.LABELLED, 0) + " labelled, "
                + counts.getOrDefault(TileOutcome.Kind.SKIPPED, 0) + " skipped, "
                + counts.getOrDefault(TileOutcome.Kind.EMPTY, 0) + " without water, "
                + counts.getOrDefault(TileOutcome.Kind.FAILED, 0) + " failed";
    }

    private String findProblem() {
        if (!annotate.hasModel()) {
            return "Auto-label needs a SAM model: choose one in the status bar's model menu.";
        }
        if (!positives.get().strip().matches("\\d{1,2}") || !negatives.get().strip().matches("\\d{1,2}")) {
            return "Positive and negative points: whole numbers, 0 to 99.";
        }
        try {
            recipe();
        } catch (IllegalArgumentException e) {
            return "Points: " + e.getMessage() + ".";
        }
        if (source.get() == RoughMaskSource.NDWI) {
            String hint = " (0 for calibrated reflectances; the Elwha frames' colour-mapped near-infrared needs about"
                    + " 0.8).";
            String unread = NumberKind.NUMBER.problem("Water index threshold", ndwiThreshold.get());
            if (unread != null) {
                return unread + hint;
            }
            try {
                waterIndex();
            } catch (IllegalArgumentException e) {
                return "Water index threshold: " + e.getMessage() + hint;
            }
        }
        return "";
    }
}
