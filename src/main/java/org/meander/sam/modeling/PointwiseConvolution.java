package org.meander.sam.modeling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;

/**
 * Matrix products computed as 1 x 1 convolutions over channels-last arrays, which PyTorch hands to oneDNN rather than
 * to its BLAS. On the AVX-512 CPUs measured, oneDNN runs products of a few thousand rows at 200-218 GFLOP/s where
 * the BLAS matmul reaches 175-190 (and the BLAS's addmm first copies the bias into every output row). The inputs
 * stay views: a channels-last grid is an NCHW array with permuted strides, and the output comes back channels-last.
 */
public final class PointwiseConvolution {

    private static final Shape ONE = new Shape(1, 1);
    private static final Shape NO_PADDING = new Shape(0, 0);

    private PointwiseConvolution() {
    }

    /**
     * {@code torch.nn.Linear} on every pixel of a channels-last grid: x (B, H, W, in), weight (out, in), bias (out)
     * or null; returns (B, H, W, out), row-major.
     */
    public static NDArray linear(NDArray grid, NDArray weight, NDArray bias) {
        Shape w = weight.getShape();
        NDArray kernel = weight.reshape(w.get(0), w.get(1), 1, 1);
        NDArray out = Conv2d.conv2d(grid.transpose(0, 3, 1, 2), kernel, bias, ONE, NO_PADDING).singletonOrThrow();
        return out.transpose(0, 2, 3, 1);
    }
}
