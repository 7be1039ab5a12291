package org.meander.sam.modeling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.meander.sam.VisionConfig;

/** {@code SamVisionLayer}: pre-norm attention (windowed, or global when the window is 0) and MLP, with residuals. */
public final class VisionLayer extends SamBlock {

    private final LayerNormLayer layerNorm1;
    private final VisionAttention attn;
    private final LayerNormLayer layerNorm2;
    private final MlpBlock mlp;

    public VisionLayer(VisionConfig config, int windowSize) {
        layerNorm1 = child("layer_norm1", new LayerNormLayer(config.hiddenSize(), config.layerNormEps()));
        attn = child("attn", new VisionAttention(config, windowSize));
        layerNorm2 = child("layer_norm2", new LayerNormLayer(config.hiddenSize(), config.layerNormEps()));
        mlp = child("mlp", MlpBlock.gelu(config.hiddenSize(), config.mlpDim()));
    }

    /** x: (B, H, W, C) channels-last; returns a new array, x is left as it was. */
    public NDArray forward(NDArray x) {
        // both sums go in place into the layer's own fresh outputs, so no residual array is allocated
        NDArray residual = attn.forward(layerNorm1.forward(x)).addi(x);
        return residual.addi(mlp.forwardGrid(layerNorm2.forward(residual)));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
        return new NDList(forward(in.singletonOrThrow()));
    }
}
