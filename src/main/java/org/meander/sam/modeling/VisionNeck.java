package org.meander.sam.modeling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.meander.sam.VisionConfig;

/** {@code SamVisionNeck}: 1x1 then 3x3 convolution to the output channels, each followed by a channel layer norm. */
public final class VisionNeck extends SamBlock {

    private final Conv2dLayer conv1;
    private final LayerNormLayer layerNorm1;
    private final Conv2dLayer conv2;
    private final LayerNormLayer layerNorm2;

    public VisionNeck(VisionConfig config) {
        int out = config.outputChannels();
        conv1 = child("conv1", new Conv2dLayer(config.hiddenSize(), out, 1, 1, 0, false));
        layerNorm1 = child("layer_norm1", new LayerNormLayer(out, 1e-6));
        conv2 = child("conv2", new Conv2dLayer(out, out, 3, 1, 1, false));
        layerNorm2 = child("layer_norm2", new LayerNormLayer(out, 1e-6));
    }

    /** x: (B, H, W, hidden) channels-last; returns the image embedding (B, out, H, W). */
    public NDArray forward(NDArray x) {
        NDArray h = conv1.forward(x.transpose(0, 3, 1, 2));
        h = layerNorm1.forwardChannelsFirst(h);
        h = conv2.forward(h);
        return layerNorm2.forwardChannelsFirst(h);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
        return new NDList(forward(in.singletonOrThrow()));
    }
}
