package org.meander.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.meander.embed.EmbeddingCache;
import org.meander.embed.EncodingQueue;
import org.meander.embed.SamTileEncoder;
import org.meander.project.Tile;
import org.meander.sam.SamModel;
import org.meander.weights.SamLoader;

/** Computes the embeddings a run or an evaluation needs that the cache lacks, reporting progress. */
final class MissingEmbeddings {

    private MissingEmbeddings() {
    }

    /**
     * Loads the whole model in {@code modelDir} when some of the tiles' embeddings are missing from {@code data}'s
     * cache (runs and evaluations hold theirs without the vision encoder) and computes them. Returns false when
     * {@code stop} asked to end early (checked as each tile finishes, so within one encode); what was computed stays
     * in the cache. A tile that left the project meanwhile (removed, renamed) is not a failure: a run leaves it out.
     */
    static boolean compute(Path modelDir, TrainingData data, List<Tile> tiles, TrainingListener listener,
            BooleanSupplier stop) throws IOException, InterruptedException {
        List<Tile> missing = data.missingEmbeddings(tiles);
        EmbeddingCache cache = data.cache();
        if (missing.isEmpty()) {
            return true;
        }
        AtomicBoolean cancelled = new AtomicBoolean();
        try (SamModel model = SamLoader.load(modelDir);
             EncodingQueue queue = new EncodingQueue(new SamTileEncoder(model), cache)) {
            if (!model.encoderFingerprint().equals(cache.modelFingerprint())) {
                throw new IOException(modelDir + ": its vision encoder changed while in use (another fingerprint"
                        + " than when the work started); start again");
            }
            queue.addListener(p -> {
                listener.embedding(p.encoded() + p.fromCache() + p.failed(), missing.size());
                // cancelling fires an event of its own: once is enough
                if (stop.getAsBoolean() && cancelled.compareAndSet(false, true)) {
                    queue.cancel();
                }
            });
            queue.submit(missing.stream().map(Tile::image).toList());
            queue.awaitIdle();
            if (cancelled.get()) {
                return false;
            }
            int failed = queue.progress().failed() == 0 ? 0 : data.missingEmbeddings(missing).size();
            if (failed > 0) {
                throw new IOException("could not compute the embeddings of " + failed + " tiles: "
                        + queue.progress().lastError());
            }
            // training streams embeddings from the disk cache: one held in memory only would be missing there
            if (queue.progress().notStored() > 0) {
                throw new IOException("could not save the embeddings of " + queue.progress().notStored() + " tiles: "
                        + queue.progress().lastError());
            }
            return true;
        }
    }
}
