package org.meander.sam.modeling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.meander.sam.PromptEncoderConfig;

/** {@code SamMaskEmbedding}: downscales a (B, 1, 256, 256) mask input to dense embeddings, returned as tokens. */
public final class MaskEmbedding extends SamBlock {

    private final Conv2dLayer conv1;
    private final LayerNormLayer layerNorm1;
    private final Conv2dLayer conv2;
    private final LayerNormLayer layerNorm2;
    private final Conv2dLayer conv3;

    public MaskEmbedding(PromptEncoderConfig config) {
        int quarter = config.maskInputChannels() / 4;
        conv1 = child("conv1", new Conv2dLayer(1, quarter, 2, 2, 0, true));
        layerNorm1 = child("layer_norm1", new LayerNormLayer(quarter, config.layerNormEps()));
        conv2 = child("conv2", new Conv2dLayer(quarter, config.maskInputChannels(), 2, 2, 0, true));
        layerNorm2 = child("layer_norm2", new LayerNormLayer(config.maskInputChannels(), config.layerNormEps()));
        conv3 = child("conv3", new Conv2dLayer(config.maskInputChannels(), config.hiddenSize(), 1, 1, 0, true));
    }

    /** masks: (B, 1, 256, 256) logits; returns (B, 64 * 64, C), the layout of the image tokens. */
    public NDArray forward(NDArray masks) {
        return tokens(conv3.forward(downscaled(masks)));
    }

    /**
     * What {@code conv3}, a 1 x 1 convolution, turns into the embedding: (B, 64 * 64, k) features, k = mask input
     * channels (16 for SAM), each token's embedding being {@link #projection} times its features plus
     * {@link #projectionBias}. Few channels: what a projection of the embedding costs, done on them.
     */
    public NDArray features(NDArray masks) {
        return tokens(downscaled(masks));
    }

    /** {@code conv3}'s weight as a (C, k) matrix. */
    public NDArray projection() {
        NDArray weight = conv3.weight();
        return weight.reshape(weight.getShape().get(0), weight.getShape().get(1));
    }

    /** {@code conv3}'s bias, (C). */
    public NDArray projectionBias() {
        return conv3.bias();
    }

    private NDArray downscaled(NDArray masks) {
        NDArray h = Activation.gelu(layerNorm1.forwardChannelsFirst(conv1.forward(masks)));
        return Activation.gelu(layerNorm2.forwardChannelsFirst(conv2.forward(h)));
    }

    /** (B, c, H, W) to (B, H * W, c). */
    private static NDArray tokens(NDArray h) {
        long b = h.getShape().get(0);
        long c = h.getShape().get(1);
        return h.transpose(0, 2, 3, 1).reshape(b, -1, c);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
        return new NDList(forward(in.singletonOrThrow()));
    }
}
