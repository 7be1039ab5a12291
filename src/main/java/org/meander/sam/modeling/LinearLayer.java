package org.meander.sam.modeling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** {@code torch.nn.Linear}: y = x W^T + b, over the last axis. */
public final class LinearLayer extends SamBlock {

    private final Parameter weight;
    private final Parameter bias;

    public LinearLayer(int in, int out, boolean withBias) {
        weight = parameter("weight", out, in);
        bias = withBias ? parameter("bias", out) : null;
    }

    public LinearLayer(int in, int out) {
        this(in, out, true);
    }

    public NDArray forward(NDArray x) {
        return bias == null
                ? Linear.linear(x, value(weight)).singletonOrThrow()
                : Linear.linear(x, value(weight), value(bias)).singletonOrThrow();
    }

    /**
     * The layer on every pixel of a channels-last grid (B, H, W, in), through oneDNN on a CPU (see
     * {@link PixelLinear}); returns (B, H, W, out), row-major.
     */
    public NDArray forwardGrid(NDArray grid) {
        return PixelLinear.apply(grid, value(weight), bias == null ? null : value(bias));
    }

    public NDArray weight() {
        return value(weight);
    }

    /** The bias, or null for a layer without one. */
    public NDArray bias() {
        return bias == null ? null : value(bias);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
        return new NDList(forward(in.singletonOrThrow()));
    }
}
