package org.meander.sam.modeling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
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

    /**
     * x: (..., in). Inputs of more than two axes are applied as rows (a view when x is row-major): torch fuses the bias
     * into the matrix product (addmm) only for 2-D input, and otherwise adds it in a separate pass over the output.
     */
    public NDArray forward(NDArray x) {
        Shape shape = x.getShape();
        int axes = shape.dimension();
        if (axes <= 2) {
            return applyToRows(x);
        }
        NDArray rows = applyToRows(x.reshape(-1, shape.get(axes - 1)));
        return rows.reshape(shape.slice(0, axes - 1).add(rows.getShape().get(1)));
    }

    private NDArray applyToRows(NDArray x) {
        return bias == null
                ? Linear.linear(x, value(weight)).singletonOrThrow()
                : Linear.linear(x, value(weight), value(bias)).singletonOrThrow();
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
