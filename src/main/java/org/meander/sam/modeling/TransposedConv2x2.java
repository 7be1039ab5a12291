package org.meander.sam.modeling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * {@code ConvTranspose2d(in, out, kernel_size=2, stride=2)}, which DJL's PyTorch engine lacks. With kernel equal to
 * stride the output patches do not overlap: out[o, 2i + di, 2j + dj] = sum_c x[c, i, j] W[c, o, di, dj] + b[o],
 * one matrix product of the channels-last input with W rearranged to (di, dj, o) rows.
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

    /**
     * x: (B, N, in) pixels in any order; returns (B, 4N, out) with the four output pixels of input pixel n at rows
     * 4n + 2di + dj. Per-pixel work that follows (layer norm, activation, the hypernetwork product) does not care
     * about pixel order, so callers interleave only the final, small result.
     */
    public static NDArray applyBlocked(NDArray x, NDArray matrix, NDArray tiledBias) {
        long b = x.getShape().get(0);
        long n = x.getShape().get(1);
        long out = matrix.getShape().get(0) / 4;
        // the pixels as one row of a grid: on a CPU the product then runs on oneDNN, about 1 ms faster a click
        NDArray row = x.reshape(b, 1, n, x.getShape().get(2));
        return PixelLinear.apply(row, matrix, tiledBias).reshape(b, 4 * n, out);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
        NDArray nchw = in.singletonOrThrow();
        NDManager manager = nchw.getManager();
        long b = nchw.getShape().get(0);
        long c = nchw.getShape().get(1);
        long h = nchw.getShape().get(2);
        long w = nchw.getShape().get(3);
        NDArray tokens = nchw.reshape(b, c, h * w).transpose(0, 2, 1);
        NDArray y = applyBlocked(tokens, matrix(manager), tiledBias(manager));
        long out = y.getShape().get(2);
        // rows (i, j, di, dj) to (out, 2i + di, 2j + dj)
        return new NDList(y.reshape(b, h, w, 2, 2, out).transpose(0, 5, 1, 3, 2, 4).reshape(b, out, 2 * h, 2 * w));
    }
}
