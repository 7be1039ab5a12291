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

    /**
     * The convolution, kernel = stride and no padding, on a channels-last grid (B, H, W, in): each output pixel is
     * one patch's values times the weight, so the grid's patches become rows of one matrix product. Returns
     * (B, H / k, W / k, out), row-major.
     */
    public NDArray forwardPatches(NDArray grid) {
        Shape w = weight.getShape();
        long out = w.get(0);
        long in = w.get(1);
        long k = w.get(2);
        Shape g = grid.getShape();
        long rows = g.get(1) / k;
        long cols = g.get(2) / k;
        NDArray patches = grid.reshape(g.get(0), rows, k, cols, k, in).transpose(0, 1, 3, 2, 4, 5)
                .reshape(g.get(0), rows, cols, k * k * in);
        // the weight's (out, in, di, dj) in the patches' (di, dj, in) order
        NDArray matrix = value(weight).transpose(0, 2, 3, 1).reshape(out, k * k * in);
        return PixelLinear.apply(patches, matrix, bias == null ? null : value(bias));
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
