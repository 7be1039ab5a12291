package org.meander.prompts.autolabel;

import java.io.IOException;
import java.util.Optional;
import org.meander.embed.EmbeddingCache;
import org.meander.embed.SamTileEncoder;
import org.meander.embed.TileEncoder;
import org.meander.embed.TileKey;
import org.meander.project.Tile;
import org.meander.sam.ImageEmbedding;
import org.meander.sam.Prediction;
import org.meander.sam.Prompt;
import org.meander.sam.SamModel;
import org.meander.sam.SamPredictor;

/** A model used on the caller's thread: the tile's embedding from the cache, or encoded and stored there. */
final class ModelSegmenter implements TileSegmenter {

    private final SamModel model;
    private final TileEncoder encoder;
    private final EmbeddingCache cache;
    private final LabellingDecoder decoder;

    /** {@code cache} must be keyed by {@code model}'s encoder fingerprint; decoder: what the model's decoder is. */
    ModelSegmenter(SamModel model, EmbeddingCache cache, LabellingDecoder decoder) {
        this.model = model;
        this.decoder = decoder;
        this.encoder = new SamTileEncoder(model);
        this.cache = cache;
    }

    @Override
    public Prediction predict(Tile tile, Prompt prompt, boolean multimask) throws IOException {
        try (SamPredictor predictor = model.predictor(embedding(tile))) {
            return predictor.predict(prompt, multimask);
        }
    }

    @Override
    public LabellingDecoder decoder() {
        return decoder;
    }

    private ImageEmbedding embedding(Tile tile) throws IOException {
        TileKey key = cache.keyOf(tile.image());
        Optional<ImageEmbedding> cached = cache.load(key);
        if (cached.isPresent()) {
            return cached.get();
        }
        ImageEmbedding embedding = encoder.encode(tile.image());
        cache.store(key, embedding);
        return embedding;
    }
}
