package org.meander.sam.modeling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * {@code ConvTranspose2d(in, out, kernel_size=2, stride=2)}, which DJL's PyTorch engine lacks. With kernel equal to
 * stride the output patches do not overlap: out[o, 2i + di, 2j + dj] = sum_c x[c, i, j] W[c, o, di, dj] + b[o],
 * one matrix product of the channels-last input with W rearranged to (di, dj, o) rows, then a reshape.
 */
public final class TransposedConv2x2 extends SamBlock {

    private final Parameter weight;
    private final Parameter bias;
    private final int out;

    public TransposedConv2x2(int in, int out) {
        weight = parameter("weight", in, out, 2, 2);
        bias = parameter("bias", out);
        this.out = out;
    }

    /** The weight as a (4 * out, in) matrix for {@link #apply}. */
    public NDArray matrix(NDManager manager) {
        long in = weight.getShape().get(0);
        return ownedBy(manager, value(weight).transpose(2, 3, 1, 0).reshape(4L * out, in));
    }

    /** The bias repeated for each of the four kernel positions. */
    public NDArray tiledBias(NDManager manager) {
        return ownedBy(manager, value(bias).tile(4));
    }

    /** x: (B, H, W, in) channels-last; returns (B, 2H, 2W, out) channels-last. */
    public static NDArray apply(NDArray x, NDArray matrix, NDArray tiledBias) {
        long b = x.getShape().get(0);
        long h = x.getShape().get(1);
        long w = x.getShape().get(2);
        long out = matrix.getShape().get(0) / 4;
        NDArray patches = Linear.linear(x, matrix, tiledBias).singletonOrThrow();
        return patches.reshape(b, h, w, 2, 2, out).transpose(0, 1, 3, 2, 4, 5).reshape(b, 2 * h, 2 * w, out);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
        NDArray nchw = in.singletonOrThrow();
        NDManager manager = nchw.getManager();
        NDArray y = apply(nchw.transpose(0, 2, 3, 1), matrix(manager), tiledBias(manager));
        return new NDList(y.transpose(0, 3, 1, 2));
    }
}
