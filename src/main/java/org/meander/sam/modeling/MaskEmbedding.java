package org.meander.sam.modeling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
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
        return conv3.forwardPatches(downscaled(masks)).reshape(masks.getShape().get(0), -1, conv3Out());
    }

    /**
     * A (1, 1, 256, 256) mask input as the move of image tokens that had {@code noMask} (1, C) added: {@code conv3}
     * is a 1 x 1 convolution, so each token's embedding is its weight times the token's few downscaled features
     * plus its bias.
     */
    public MaskShift shift(NDArray masks, NDArray noMask) {
        NDArray h = downscaled(masks);
        long k = h.getShape().get(3);
        NDArray rows = h.reshape(1, -1, k);
        NDArray ones = masks.getManager().ones(new Shape(1, rows.getShape().get(1), 1), rows.getDataType());
        NDArray weight = conv3.weight();
        NDArray bias = conv3.bias().sub(noMask.reshape(-1)).reshape(-1, 1);
        return new MaskShift(NDArrays.concat(new NDList(rows, ones), 2).transpose(0, 2, 1),
                NDArrays.concat(new NDList(weight.reshape(conv3Out(), k), bias), 1));
    }

    /** (B, 1, H, W) masks to (B, H / 4, W / 4, k) features, channels-last: both convolutions patch-wise products. */
    private NDArray downscaled(NDArray masks) {
        Shape s = masks.getShape();
        NDArray grid = masks.reshape(s.get(0), s.get(2), s.get(3), 1);
        NDArray h = Activation.gelu(layerNorm1.forward(conv1.forwardPatches(grid)));
        return Activation.gelu(layerNorm2.forward(conv2.forwardPatches(h)));
    }

    private long conv3Out() {
        return conv3.weight().getShape().get(0);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
        return new NDList(forward(in.singletonOrThrow()));
    }
}
