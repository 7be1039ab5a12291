package org.meander.prompts.autolabel;

import java.io.IOException;
import java.util.Locale;
import java.util.SplittableRandom;
import org.meander.embed.EmbeddingCache;
import org.meander.project.LabelMask;
import org.meander.project.LabelStatus;
import org.meander.project.Project;
import org.meander.project.Tile;
import org.meander.prompts.RoughMask;
import org.meander.prompts.RoughMaskPrompts;
import org.meander.prompts.RoughMasks;
import org.meander.sam.Prediction;
import org.meander.sam.Prompt;
import org.meander.sam.SamModel;

/**
 * Labels a project's tiles without a click: per tile, a rough water mask from the imagery, a prompt drawn from it,
 * SAM's answer on the tile's embedding (from the project's cache, computed and stored when missing), written as the
 * tile's label with the status PREDICTED, for review. One tile at a time, on the caller's thread; a tile's failure is
 * its outcome, never an exception, so a caller can go on with the next tile.
 */
public final class AutoLabeler {

    private final Project project;
    private final TileSegmenter segmenter;
    private final AutoLabelSettings settings;

    public AutoLabeler(Project project, TileSegmenter segmenter, AutoLabelSettings settings) {
        this.project = project;
        this.segmenter = segmenter;
        this.settings = settings;
    }

    /**
     * With a model of its own, on the caller's thread; {@code cache} must be keyed by its encoder fingerprint, and
     * {@code decoder} says which decoder the model holds, for the labels to record.
     */
    public static AutoLabeler withModel(Project project, SamModel model, EmbeddingCache cache,
                                        AutoLabelSettings settings, LabellingDecoder decoder) {
        return new AutoLabeler(project, new ModelSegmenter(model, cache, decoder), settings);
    }

    public TileOutcome label(Tile tile) {
        return outcome(tile, true);
    }

    /** What {@link #label} would do with the tile, nothing written: to try settings over a split first. */
    public TileOutcome tryLabel(Tile tile) {
        return outcome(tile, false);
    }

    private TileOutcome outcome(Tile tile, boolean write) {
        try {
            LabelStatus status = project.status(tile);
            if (status != LabelStatus.NONE && !settings.overwrite()) {
                return new TileOutcome(tile, TileOutcome.Kind.SKIPPED, "already has a label (" + status
                        + "); overwriting labels it again");
            }
            AutoLabelAnswer answer = answer(tile);
            if (!answer.labelled()) {
                return new TileOutcome(tile, TileOutcome.Kind.EMPTY, answer.detail());
            }
            if (write) {
                project.writePrediction(tile, answer.mask(), segmenter.decoder().describe());
            }
            return new TileOutcome(tile, TileOutcome.Kind.LABELLED, answer.detail());
        } catch (IOException | RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            return new TileOutcome(tile, TileOutcome.Kind.FAILED,
                    message.contains(tile.image().toString()) ? message : tile.image() + ": " + message);
        }
    }

    /**
     * What labelling the tile would write, written nowhere, whatever label it has: to try the settings on a tile
     * before labelling hundreds, and to show a reviewer what SAM was asked.
     */
    public AutoLabelAnswer answer(Tile tile) throws IOException {
        RoughMask rough = RoughMasks.of(project, tile, settings.roughMask());
        String source = settings.roughMask().source().name();
        if (rough.isEmpty()) {
            return new AutoLabelAnswer(rough, null, null, "the " + source + " rough mask finds no water"
                    + " (none left after removing small patches and eroding)");
        }
        Prompt prompt = draw(rough, tile);
        if (prompt == null) {
            return new AutoLabelAnswer(rough, null, null, "the " + source + " rough mask has no room for"
                    + " the points asked (is the whole tile water?)");
        }
        LabelMask mask = predict(tile, prompt);
        return new AutoLabelAnswer(rough, prompt, mask, String.format(Locale.ROOT,
                "rough mask %.1f%% water, SAM's mask %.1f%%", 100 * rough.waterFraction(), 100 * fraction(mask)));
    }

    private Prompt draw(RoughMask rough, Tile tile) {
        return RoughMaskPrompts.draw(rough, settings.prompt(), randomFor(tile));
    }

    /** Seeded by the tile's name, not its place in the run, so a tile gets the same prompt in any run or order. */
    private SplittableRandom randomFor(Tile tile) {
        return new SplittableRandom(settings.seed() * 31 + tile.name().hashCode());
    }

    /**
     * SAM's advice: one point is ambiguous, so ask for three candidates and keep the one it rates best; several points
     * or a box pin the object down, and a single mask is better then.
     */
    private LabelMask predict(Tile tile, Prompt prompt) throws IOException {
        boolean ambiguous = prompt.box() == null && prompt.points().size() == 1;
        Prediction prediction = segmenter.predict(tile, prompt, ambiguous);
        return new LabelMask(prediction.original().width(), prediction.original().height(),
                prediction.mask(0, prediction.best(0)));
    }

    private static double fraction(LabelMask mask) {
        return (double) mask.foreground() / mask.pixels().length;
    }
}
