package org.meander.sam.modeling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Layer normalisation over the last axis ({@code torch.nn.LayerNorm}). SAM's channels-first {@code SamLayerNorm}
 * computes the same function; callers keep their tensors channels-last so one kernel serves both.
 */
public final class LayerNormLayer extends SamBlock {

    private final Parameter weight;
    private final Parameter bias;
    private final Shape normalizedShape;
    private final float eps;

    public LayerNormLayer(int size, double eps) {
        weight = parameter("weight", size);
        bias = parameter("bias", size);
        normalizedShape = new Shape(size);
        this.eps = (float) eps;
    }

    public NDArray forward(NDArray x) {
        return LayerNorm.layerNorm(x, normalizedShape, value(weight), value(bias), eps).singletonOrThrow();
    }

    /** {@code SamLayerNorm(data_format="channels_first")}: normalises over C of (B, C, H, W). */
    public NDArray forwardChannelsFirst(NDArray nchw) {
        return forward(nchw.transpose(0, 2, 3, 1)).transpose(0, 3, 1, 2);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
        return new NDList(forward(in.singletonOrThrow()));
    }
}
