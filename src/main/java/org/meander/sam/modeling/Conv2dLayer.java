package org.meander.sam.modeling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** {@code torch.nn.Conv2d} on NCHW input, square kernel. */
public final class Conv2dLayer extends SamBlock {

    private final Parameter weight;
    private final Parameter bias;
    private final Shape stride;
    private final Shape padding;

    public Conv2dLayer(int in, int out, int kernel, int stride, int padding, boolean withBias) {
        weight = parameter("weight", out, in, kernel, kernel);
        bias = withBias ? parameter("bias", out) : null;
        this.stride = new Shape(stride, stride);
        this.padding = new Shape(padding, padding);
    }

    public NDArray forward(NDArray x) {
        NDArray b = bias == null ? null : value(bias);
        return Conv2d.conv2d(x, value(weight), b, stride, padding).singletonOrThrow();
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
