package org.meander.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import org.meander.project.Tile;
import org.meander.sam.ImageSize;
import org.meander.sam.SamModel;

/**
 * Scores the model on a split without changing it: the loss, and per tile IoU, F1, precision, recall and accuracy of
 * the logits thresholded at 0 against the label, in SAM's low-resolution frame (the padding excluded). Each tile's
 * prompts depend only on the run's seed and the tile's name, so every epoch and every model sees the same ones.
 */
public final class Validation {

    private final SamModel model;
    private final TrainingData data;
    private final TrainingConfig config;

    public Validation(SamModel model, TrainingData data, TrainingConfig config) {
        this.model = model;
        this.data = data;
        this.config = config;
    }

    public ValidationResult run(List<Tile> tiles, IntConsumer progress) throws IOException {
        return run(tiles, progress, () -> false);
    }

    /** As {@link #run(List, IntConsumer)}; null when {@code stop} asked to end early (checked between batches). */
    public ValidationResult run(List<Tile> tiles, IntConsumer progress, BooleanSupplier stop) throws IOException {
        DecoderForward forward = new DecoderForward(model);
        PromptDrawer drawer = new PromptDrawer(config);
        LossSettings loss = config.lossSettings();
        int side = model.config().promptEncoder().maskInputSize();
        double lossSum = 0;
        List<TileMetrics> metrics = new ArrayList<>();
        for (int start = 0; start < tiles.size(); start += config.batchSize()) {
            if (stop.getAsBoolean()) {
                return null;
            }
            int end = Math.min(tiles.size(), start + config.batchSize());
            List<TrainingExample> batch = new ArrayList<>();
            for (Tile tile : tiles.subList(start, end)) {
                // a tile removed or renamed since the run listed it is left out
                data.exampleIfStillThere(tile, drawer, promptRandom(config, tile)).ifPresent(batch::add);
            }
            if (!batch.isEmpty()) {
                try (NoGradient off = NoGradient.enter(); NDManager scope = model.manager().newSubManager()) {
                    DecoderOutput output = forward.run(scope, batch, config.outputHandling().multimask());
                    lossSum += loss.compute(output).getFloat() * batch.size();
                    NDArray logits = config.outputHandling().select(output.masks(), output.iou());
                    float[] values = logits.toFloatArray();
                    int prompts = batch.get(0).prompts().size();
                    for (int i = 0; i < batch.size(); i++) {
                        metrics.add(meanOverPrompts(batch.get(i), values, i * prompts, prompts, side));
                    }
                }
            }
            progress.accept(end);
        }
        return new ValidationResult(metrics.isEmpty() ? Double.NaN : lossSum / metrics.size(), metrics);
    }

    /** The same generator for a tile every time: seeded by the run's seed and the tile's name. */
    static SplittableRandom promptRandom(TrainingConfig config, Tile tile) {
        return new SplittableRandom(config.seed() * 0x9E3779B97F4A7C15L ^ tile.name().hashCode());
    }

    private static TileMetrics meanOverPrompts(TrainingExample example, float[] logits, int first, int prompts,
            int side) {
        ImageSize valid = LowResTarget.validRegion(example.embedding().resized());
        int pixels = valid.height() * valid.width();
        boolean[] label = new boolean[pixels];
        for (int y = 0; y < valid.height(); y++) {
            for (int x = 0; x < valid.width(); x++) {
                label[y * valid.width() + x] = example.target()[y * side + x] > 0.5f;
            }
        }
        List<TileMetrics> each = new ArrayList<>();
        for (int p = 0; p < prompts; p++) {
            int offset = (first + p) * side * side;
            boolean[] predicted = new boolean[pixels];
            for (int y = 0; y < valid.height(); y++) {
                for (int x = 0; x < valid.width(); x++) {
                    predicted[y * valid.width() + x] = logits[offset + y * side + x] > 0;
                }
            }
            each.add(TileMetrics.of(example.tile(), predicted, label));
        }
        return TileMetrics.mean(example.tile(), each);
    }
}
