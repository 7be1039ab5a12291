package org.meander.ui.train;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.meander.embed.EmbeddingCache;
import org.meander.project.Project;
import org.meander.project.Split;
import org.meander.project.Tile;
import org.meander.train.TrainingData;

/**
 * What a new run would train on, checked before it starts: the model, the labelled tiles of the training and
 * validation splits, how many of their embeddings are not cached yet, and the device the run would use.
 *
 * @param device as DJL names it ({@code cpu()}, {@code gpu(0)}), or null without a model
 */
public record Preflight(boolean hasModel, int trainingTiles, int validationTiles, int missingEmbeddings,
        String device) {

    /**
     * Looks up the embedding of every labelled tile of the two splits, hashing the tiles the cache does not know
     * yet: off the JavaFX thread. cache: the base model's embeddings, null without a model.
     */
    public static Preflight check(Project project, EmbeddingCache cache) throws IOException {
        List<Tile> training = TrainingData.labelledTiles(project, Split.TRAIN);
        List<Tile> validation = TrainingData.labelledTiles(project, Split.VALIDATION);
        if (cache == null) {
            return new Preflight(false, training.size(), validation.size(), 0, null);
        }
        int missing = 0;
        List<Tile> all = new ArrayList<>(training);
        all.addAll(validation);
        for (Tile tile : all) {
            if (!cache.contains(cache.keyOf(tile.image()))) {
                missing++;
            }
        }
        return new Preflight(true, training.size(), validation.size(), missing,
                Engine.getInstance().defaultDevice().toString());
    }

    /** What prevents a run from starting, each with what to do about it. */
    public List<String> blockers() {
        List<String> blockers = new ArrayList<>();
        if (!hasModel) {
            blockers.add("No SAM model is open: open the project with the model to fine-tune"
                    + " (./meander app --model DIR).");
        }
        if (trainingTiles == 0) {
            blockers.add("No labelled tile in the training split: label tiles in Annotate, or move labelled tiles"
                    + " to the training split (right-click a tile in the list). Auto-labels count once accepted.");
        }
        return blockers;
    }

    /** What the run will do differently or first, and what is fine. */
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        if (trainingTiles > 0) {
            notes.add(trainingTiles + " labelled tile" + (trainingTiles == 1 ? "" : "s") + " to train on, "
                    + validationTiles + " to validate on (the tile list's context menu moves a tile to another"
                    + " split).");
        }
        if (trainingTiles > 0 && validationTiles == 0) {
            notes.add("No labelled tile in the validation split: the best epoch follows the training loss, and"
                    + " there is no IoU to chart.");
        }
        if (missingEmbeddings > 0) {
            notes.add(missingEmbeddings + " of these tiles have no cached embedding yet. Annotate computes every"
                    + " tile's in the background (the status bar shows how far it is); Start computes any still"
                    + " missing first (seconds each on a CPU), with its progress below.");
        }
        return notes;
    }

    /** The device in words: CPU, or GPU and its number. */
    public static String describeDevice(String device) {
        if (device == null) {
            return "none";
        }
        if (device.startsWith("gpu(")) {
            return "GPU " + device.substring(4, device.length() - 1);
        }
        return device.startsWith("cpu") ? "CPU" : device;
    }
}
