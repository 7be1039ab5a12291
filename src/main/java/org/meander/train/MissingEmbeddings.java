package org.meander.train;

import java.io.IOException;
import java.util.List;
import org.meander.embed.EmbeddingCache;
import org.meander.embed.EncodingQueue;
import org.meander.embed.SamTileEncoder;
import org.meander.project.Tile;
import org.meander.sam.SamModel;

/** Computes the embeddings a run or an evaluation needs that the cache lacks, reporting progress. */
final class MissingEmbeddings {

    private MissingEmbeddings() {
    }

    static void compute(SamModel model, EmbeddingCache cache, List<Tile> missing, TrainingListener listener)
            throws IOException, InterruptedException {
        if (missing.isEmpty()) {
            return;
        }
        try (EncodingQueue queue = new EncodingQueue(new SamTileEncoder(model), cache)) {
            queue.addListener(p -> listener.embedding(p.encoded() + p.fromCache() + p.failed(), missing.size()));
            queue.submit(missing.stream().map(Tile::image).toList());
            queue.awaitIdle();
            if (queue.progress().failed() > 0) {
                throw new IOException("could not compute the embeddings of " + queue.progress().failed() + " tiles: "
                        + queue.progress().lastError());
            }
        }
    }
}
