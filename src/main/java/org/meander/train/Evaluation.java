package org.meander.train;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.meander.embed.EmbeddingCache;
import org.meander.project.LabelMask;
import org.meander.project.LabelStatus;
import org.meander.project.Project;
import org.meander.project.Split;
import org.meander.project.Tile;
import org.meander.sam.ImageEmbedding;
import org.meander.sam.MaskPostprocessor;
import org.meander.sam.SamModel;
import org.meander.weights.SamLoader;

/**
 * Compares a run's tuned decoder with a baseline on a split (the model's own decoder, or the one the run started
 * from): each tile gets the prompts the run's validation draws for it (seeded by the run's seed and the tile's name),
 * both decoders decode them, and each mask, upscaled to the tile's size and thresholded at 0, is scored against the
 * label. Scored against every label of the split, or
 * only the accepted ones: the labels a person checked, as the seed tutorial measured on hand-corrected tiles (an
 * imported label that is off scores a right answer as wrong).
 */
public final class Evaluation {

    private final Project project;
    private final TrainingRun run;

    public Evaluation(Project project, TrainingRun run) {
        this.project = project;
        this.run = run;
    }

    public EvaluationReport evaluate(Split split, CheckpointKind checkpoint, boolean acceptedOnly, Baseline against,
                                     TrainingListener listener) throws IOException, InterruptedException {
        against.requireFor(run);
        List<Tile> tiles = TrainingData.labelledTiles(project, split);
        if (acceptedOnly) {
            tiles = tiles.stream().filter(tile -> project.status(tile) == LabelStatus.ACCEPTED).toList();
            if (tiles.isEmpty()) {
                throw new IOException(project.directory() + ": no accepted label in the " + split.key() + " split;"
                        + " mark the labels you checked accepted in Annotate (key A), or evaluate on every label");
            }
        }
        if (tiles.isEmpty()) {
            throw new IOException(project.directory() + ": no labelled tile in the " + split.key() + " split");
        }
        RunCheckpoint tuned = RunCheckpoint.read(run.checkpoint(checkpoint));
        try (SamModel model = SamLoader.loadWithoutVisionEncoder(run.baseModel())) {
            EmbeddingCache cache = new EmbeddingCache(project.directory(), model.encoderFingerprint(),
                    TrainingRun.EMBEDDING_MEMORY);
            TrainingData data = new TrainingData(project, cache, model.config().promptEncoder().maskInputSize());
            MissingEmbeddings.compute(run.baseModel(), data, tiles, listener, () -> false);

            DecoderParameters decoder = DecoderParameters.of(model);
            decoder.load(against.decoder(run, decoder.values()));
            model.decoderChanged();
            Map<String, TileMetrics> base = score(model, data, tiles, listener, 0);
            decoder.load(tuned.decoder());
            model.decoderChanged();
            Map<String, TileMetrics> tunedMetrics = score(model, data, tiles, listener, tiles.size());

            // a tile that left the project during either pass is left out of both
            List<EvaluationRow> rows = new ArrayList<>();
            for (Map.Entry<String, TileMetrics> scored : tunedMetrics.entrySet()) {
                if (base.containsKey(scored.getKey())) {
                    rows.add(new EvaluationRow(scored.getKey(), base.get(scored.getKey()), scored.getValue()));
                }
            }
            rows.sort(Comparator.comparingDouble((EvaluationRow r) -> r.tuned().disagreement()).reversed());
            return new EvaluationReport(run.folder().name(), split.key(),
                    checkpoint, acceptedOnly, against, against.describe(run),
                    MetricSummary.of(rows.stream().map(EvaluationRow::base).toList()),
                    MetricSummary.of(rows.stream().map(EvaluationRow::tuned).toList()), rows);
        }
    }

    /** Each tile's metrics by name, in the tiles' order; a tile that left the project meanwhile has none. */
    private Map<String, TileMetrics> score(SamModel model, TrainingData data, List<Tile> tiles,
            TrainingListener listener, int doneBefore) throws IOException {
        TrainingConfig config = run.config();
        Map<String, TileMetrics> metrics = new LinkedHashMap<>();
        int done = 0;
        for (Tile tile : tiles) {
            try {
                LabelMask label = data.label(tile);
                List<LabelMask> masks = masks(model, config, example(data, config, tile, label));
                metrics.put(tile.name(), fullResolution(tile.name(), masks, label));
            } catch (IOException e) {
                if (!data.leftProject(tile)) {
                    throw e;
                }
            }
            listener.validating(doneBefore + ++done, 2 * tiles.size());
        }
        return metrics;
    }

    /** The example a tile is evaluated on: its prompts drawn as validation draws them, the same every time. */
    static TrainingExample example(TrainingData data, TrainingConfig config, Tile tile, LabelMask label)
            throws IOException {
        return data.example(tile, label, new PromptDrawer(config), Validation.promptRandom(config, tile));
    }

    /** The model's masks for the example at the tile's full resolution, one per prompt, logits thresholded at 0. */
    static List<LabelMask> masks(SamModel model, TrainingConfig config, TrainingExample example) {
        int side = model.config().promptEncoder().maskInputSize();
        float[] logits;
        try (NoGradient off = NoGradient.enter(); NDManager scope = model.manager().newSubManager()) {
            DecoderOutput output = new DecoderForward(model).run(scope, List.of(example),
                    config.outputHandling().multimask());
            logits = config.outputHandling().select(output.masks(), output.iou()).toFloatArray();
        }
        ImageEmbedding embedding = example.embedding();
        List<LabelMask> masks = new ArrayList<>();
        for (int p = 0; p < example.prompts().size(); p++) {
            float[] lowRes = Arrays.copyOfRange(logits, p * side * side, (p + 1) * side * side);
            masks.add(new LabelMask(embedding.original().width(), embedding.original().height(),
                    MaskPostprocessor.toBinaryMask(lowRes, side, embedding.resized(), embedding.original())));
        }
        return masks;
    }

    private static TileMetrics fullResolution(String tile, List<LabelMask> masks, LabelMask label) {
        boolean[] truth = new boolean[label.pixels().length];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = label.pixels()[i] != 0;
        }
        List<TileMetrics> each = new ArrayList<>();
        for (LabelMask mask : masks) {
            boolean[] predicted = new boolean[mask.pixels().length];
            for (int i = 0; i < predicted.length; i++) {
                predicted[i] = mask.pixels()[i] != 0;
            }
            each.add(TileMetrics.of(tile, predicted, truth));
        }
        return TileMetrics.mean(tile, each);
    }
}
