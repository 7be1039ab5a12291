package org.meander.train;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.meander.embed.EmbeddingCache;
import org.meander.embed.EncodingQueue;
import org.meander.embed.SamTileEncoder;
import org.meander.project.Tile;
import org.meander.sam.SamModel;

/** Computes the embeddings a run or an evaluation needs that the cache lacks, reporting progress. */
final class MissingEmbeddings {

    private MissingEmbeddings() {
    }

    /**
     * Returns false when {@code stop} asked to end early (checked as each tile finishes, so within one encode);
     * what was computed stays in the cache.
     */
    static boolean compute(SamModel model, EmbeddingCache cache, List<Tile> missing, TrainingListener listener,
            BooleanSupplier stop) throws IOException, InterruptedException {
        if (missing.isEmpty()) {
            return true;
        }
        AtomicBoolean cancelled = new AtomicBoolean();
        try (EncodingQueue queue = new EncodingQueue(new SamTileEncoder(model), cache)) {
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
            if (queue.progress().failed() > 0) {
                throw new IOException("could not compute the embeddings of " + queue.progress().failed() + " tiles: "
                        + queue.progress().lastError());
            }
            return true;
        }
    }
}
