package org.meander.embed;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.meander.sam.ImageEmbedding;
import org.meander.sam.Prediction;
import org.meander.sam.Prompt;
import org.meander.sam.SamModel;
import org.meander.sam.SamPredictor;

/**
 * Answers prompts on project tiles without ever encoding on the caller's thread: a tile whose embedding is cached
 * (memory or disk) is opened at once and kept ready for the next clicks; otherwise the tile goes to the front of
 * the encoding queue and the answer says it is not ready yet. One caller at a time.
 */
public final class InteractivePredictor implements AutoCloseable {

    /** The outcome of a prompt. */
    public sealed interface Answer permits Ready, NotReady {
    }

    public record Ready(Prediction prediction) implements Answer {
    }

    /** The tile's embedding is being computed; progress says how far the queue is. */
    public record NotReady(Path tile, EncodingProgress progress) implements Answer {
    }

    private final SamModel model;
    private final EmbeddingCache cache;
    private final EncodingQueue queue;
    private Path openTile;
    private TileKey openKey;
    private SamPredictor open;

    public InteractivePredictor(SamModel model, EmbeddingCache cache, EncodingQueue queue) {
        this.model = model;
        this.cache = cache;
        this.queue = queue;
    }

    /** Prepares a tile for prompts if its embedding is cached, else asks the queue for it first. */
    public synchronized boolean open(Path tile) throws IOException {
        return predictorFor(tile) != null;
    }

    public synchronized Answer predict(Path tile, List<Prompt> prompts, float[] maskInput, boolean multimask)
            throws IOException {
        SamPredictor predictor = predictorFor(tile);
        if (predictor == null) {
            return new NotReady(tile, queue.progress());
        }
        return new Ready(predictor.predict(prompts, maskInput, multimask));
    }

    /**
     * The open predictor while the tile's content is the one it was opened on; an edited tile is opened again. On a
     * miss the queue computes the tile again even if it thinks it has (the pixels changed, or the entry was lost),
     * first.
     */
    private SamPredictor predictorFor(Path tile) throws IOException {
        TileKey key = cache.keyOf(tile);
        if (tile.equals(openTile) && key.equals(openKey)) {
            return open;
        }
        Optional<ImageEmbedding> embedding = cache.load(key);
        if (embedding.isEmpty()) {
            queue.refresh(tile);
            queue.focus(tile);
            return null;
        }
        close();
        open = model.predictor(embedding.get());
        openTile = tile;
        openKey = key;
        return open;
    }

    @Override
    public synchronized void close() {
        if (open != null) {
            open.close();
            open = null;
            openTile = null;
            openKey = null;
        }
    }
}
