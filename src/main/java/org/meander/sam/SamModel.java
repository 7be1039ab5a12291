package org.meander.sam;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.meander.sam.modeling.PreparedDecoder;
import org.meander.sam.modeling.SamBlock.ParameterSlot;
import org.meander.sam.modeling.SamModelBlock;

/**
 * A SAM model ready to use: its blocks with every parameter set and the decoder's prompt-independent work done.
 * Encode an image once, then open a {@link SamPredictor} on the embedding for any number of prompts. Encoding on one
 * thread while a predictor answers on another is safe (each works in its own sub-manager); {@link #decoderChanged}
 * must not overlap either. A model for cached embeddings only holds no vision encoder ({@link #hasVisionEncoder}).
 */
public final class SamModel implements AutoCloseable {

    private final SamModelBlock block;
    private final NDManager manager;
    private final String encoderFingerprint;
    private final boolean visionEncoder;
    private NDManager preparedScope;
    private PreparedDecoder prepared;

    /**
     * Takes ownership of {@code manager}, which holds the block's parameter arrays; encoderFingerprint: the
     * {@link EncoderFingerprint} of the block's vision encoder.
     */
    public SamModel(SamModelBlock block, NDManager manager, String encoderFingerprint) {
        this(block, manager, encoderFingerprint, true);
    }

    /**
     * As {@link #SamModel(SamModelBlock, NDManager, String)}; without {@code visionEncoder}, the vision encoder's
     * parameters are left without values and {@link #encode} refuses: a model for cached embeddings.
     */
    public SamModel(SamModelBlock block, NDManager manager, String encoderFingerprint, boolean visionEncoder) {
        for (Map.Entry<String, ParameterSlot> e : block.parametersByName().entrySet()) {
            boolean needed = visionEncoder || !EncoderFingerprint.covers(e.getKey());
            if (needed && e.getValue().parameter().getArray() == null) {
                throw new IllegalStateException("parameter " + e.getKey() + " has no value");
            }
        }
        this.block = block;
        this.manager = manager;
        this.encoderFingerprint = encoderFingerprint;
        this.visionEncoder = visionEncoder;
        decoderChanged();
    }

    /**
     * A model of the given sizes with seeded random weights (normal, std 0.02; layer norms at identity), for
     * benchmarks and tests: it computes SAM's function at SAM's cost, not meaningful masks.
     */
    public static SamModel random(SamConfig config, long seed) {
        return random(config, seed, true);
    }

    /**
     * As {@link #random(SamConfig, long)}, with the same values and fingerprint; without {@code visionEncoder} its
     * arrays are left out, as {@code SamLoader.loadWithoutVisionEncoder} leaves them.
     */
    public static SamModel random(SamConfig config, long seed, boolean visionEncoder) {
        NDManager manager = NDManager.newBaseManager();
        SamModelBlock block = new SamModelBlock(config);
        Random random = new Random(seed);
        EncoderFingerprint fingerprint = new EncoderFingerprint(config.vision());
        for (Map.Entry<String, ParameterSlot> e : new TreeMap<>(block.parametersByName()).entrySet()) {
            Shape shape = e.getValue().shape();
            float[] values = new float[(int) shape.size()];
            boolean norm = e.getKey().contains("layer_norm") || e.getKey().contains("norm.");
            for (int i = 0; i < values.length; i++) {
                if (norm) {
                    values[i] = e.getKey().endsWith("weight") ? 1f : 0f;
                } else {
                    values[i] = (float) (random.nextGaussian() * 0.02);
                }
            }
            boolean encoder = EncoderFingerprint.covers(e.getKey());
            if (visionEncoder || !encoder) {
                e.getValue().parameter().setArray(manager.create(values, shape));
            }
            if (encoder) {
                fingerprint.add(e.getKey(), values);
            }
        }
        return new SamModel(block, manager, fingerprint.finish(), visionEncoder);
    }

    public SamConfig config() {
        return block.config();
    }

    /** Identifies the vision encoder: embeddings computed by models with equal fingerprints are the same. */
    public String encoderFingerprint() {
        return encoderFingerprint;
    }

    public SamModelBlock block() {
        return block;
    }

    /** False for a model loaded for cached embeddings only, which cannot {@link #encode}. */
    public boolean hasVisionEncoder() {
        return visionEncoder;
    }

    /** The manager holding the parameters; arrays set into the block must belong to it. */
    public NDManager manager() {
        return manager;
    }

    /** Runs the image encoder: seconds on a CPU. */
    public ImageEmbedding encode(BufferedImage image) {
        return encode(SamImageProcessor.preprocess(image));
    }

    public ImageEmbedding encode(PreprocessedImage image) {
        if (!visionEncoder) {
            throw new IllegalStateException("this model was loaded without its vision encoder, for cached"
                    + " embeddings only; load it whole (SamLoader.load) to encode images");
        }
        int size = image.size();
        try (NDManager scope = manager.newSubManager()) {
            NDArray pixels = scope.create(image.pixels()).reshape(1, 3, size, size);
            NDArray embedding = block.visionEncoder().forward(pixels);
            long channels = embedding.getShape().get(1);
            long side = embedding.getShape().get(2);
            return new ImageEmbedding(embedding.toFloatArray(), (int) channels, (int) side,
                    image.original(), image.resized());
        }
    }

    /** A predictor for one image: prepares the embedding for the decoder once, then answers prompts. */
    public SamPredictor predictor(ImageEmbedding embedding) {
        return new SamPredictor(this, embedding);
    }

    PreparedDecoder prepared() {
        return prepared;
    }

    /** Recomputes the decoder's prompt-independent work; call after replacing decoder weights. */
    public void decoderChanged() {
        NDManager scope = manager.newSubManager();
        int grid = block.config().vision().gridSize();
        NDArray positional = block.sharedImageEmbedding().gridTokens(scope, grid);
        PreparedDecoder next = block.maskDecoder().prepare(scope, positional);
        if (preparedScope != null) {
            preparedScope.close();
        }
        preparedScope = scope;
        prepared = next;
    }

    @Override
    public void close() {
        manager.close();
    }
}
