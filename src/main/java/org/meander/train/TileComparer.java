package org.meander.train;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.meander.embed.EmbeddingCache;
import org.meander.project.LabelMask;
import org.meander.project.Project;
import org.meander.project.Tile;
import org.meander.sam.SamModel;
import org.meander.weights.SamLoader;

/**
 * Decodes single tiles with a baseline decoder (the model's own, or the one the run started from) and a run's tuned
 * decoder, with the prompts {@link Evaluation} gives them, for a side-by-side view of what an evaluation scored. Holds
 * the base model and both decoders' weights, and swaps the decoder for each in turn; one tile at a time. The tiles'
 * embeddings must be cached (an evaluation computes them).
 */
public final class TileComparer implements AutoCloseable {

    private final SamModel model;
    private final TrainingConfig config;
    private final TrainingData data;
    private final DecoderParameters decoder;
    private final Map<String, float[]> baseValues;
    private final Map<String, float[]> tunedValues;

    private TileComparer(SamModel model, Project project, TrainingConfig config, Map<String, float[]> baseValues,
                         Map<String, float[]> tunedValues) {
        this.model = model;
        this.config = config;
        EmbeddingCache cache = new EmbeddingCache(project.directory(), model.encoderFingerprint(),
                TrainingRun.EMBEDDING_MEMORY);
        this.data = new TrainingData(project, cache, model.config().promptEncoder().maskInputSize());
        this.decoder = DecoderParameters.of(model);
        this.baseValues = baseValues;
        this.tunedValues = tunedValues;
    }

    /**
     * Loads the run's base model, the baseline's decoder and the run's checkpoint: seconds for a large model, so off
     * the UI thread.
     */
    public static TileComparer open(Project project, TrainingRun run, CheckpointKind checkpoint, Baseline against)
            throws IOException {
        Map<String, float[]> tuned = RunCheckpoint.read(run.checkpoint(checkpoint)).decoder();
        SamModel model = SamLoader.loadWithoutVisionEncoder(run.baseModel());
        try {
            Map<String, float[]> base = against.decoder(run, DecoderParameters.of(model).values());
            return new TileComparer(model, project, run.config(), base, tuned);
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

    public synchronized TileComparison compare(Tile tile) throws IOException {
        LabelMask label = data.label(tile);
        TrainingExample example = Evaluation.example(data, config, tile, label);
        decoder.load(baseValues);
        List<LabelMask> base = Evaluation.masks(model, config, example);
        decoder.load(tunedValues);
        List<LabelMask> tuned = Evaluation.masks(model, config, example);
        return new TileComparison(tile.name(), example.prompts(), label, base, tuned);
    }

    @Override
    public synchronized void close() {
        model.close();
    }
}
