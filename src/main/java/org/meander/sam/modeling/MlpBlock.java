package org.meander.sam.modeling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.function.UnaryOperator;

/** {@code SamMLPBlock}: lin1, activation, lin2. */
public final class MlpBlock extends SamBlock {

    private final LinearLayer lin1;
    private final LinearLayer lin2;
    private final UnaryOperator<NDArray> activation;

    private MlpBlock(int size, int mlpDim, UnaryOperator<NDArray> activation) {
        lin1 = child("lin1", new LinearLayer(size, mlpDim));
        lin2 = child("lin2", new LinearLayer(mlpDim, size));
        this.activation = activation;
    }

    public static MlpBlock gelu(int size, int mlpDim) {
        return new MlpBlock(size, mlpDim, Activation::gelu);
    }

    public static MlpBlock relu(int size, int mlpDim) {
        return new MlpBlock(size, mlpDim, Activation::relu);
    }

    public NDArray forward(NDArray x) {
        return lin2.forward(activation.apply(lin1.forward(x)));
    }

    /** The block on every pixel of a channels-last grid (B, H, W, size), through {@link LinearLayer#forwardGrid}. */
    public NDArray forwardGrid(NDArray grid) {
        return lin2.forwardGrid(activation.apply(lin1.forwardGrid(grid)));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
        return new NDList(forward(in.singletonOrThrow()));
    }
}
