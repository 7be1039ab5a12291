package org.meander.sam.modeling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;

/**
 * {@code torch.nn.Linear} on every pixel of a channels-last grid, computed on a CPU as a 1 x 1 convolution, which
 * PyTorch hands to oneDNN rather than to its BLAS. On the AVX-512 CPUs measured, oneDNN runs products of a few
 * thousand rows at 200-218 GFLOP/s where the BLAS matmul reaches 175-190 (and the BLAS's addmm first copies the bias
 * into every output row). Input and output stay views: a channels-last grid is an NCHW array with permuted strides,
 * and the convolution's output comes back channels-last. On a GPU it stays a matrix product: cuDNN would run the
 * convolution in TF32 by default, which float32 SAM does not.
 */
public final class PixelLinear {

    private static final Shape ONE = new Shape(1, 1);
    private static final Shape NO_PADDING = new Shape(0, 0);

    private PixelLinear() {
    }

    /** grid (B, H, W, in), weight (out, in), bias (out) or null; returns (B, H, W, out), row-major. */
    public static NDArray apply(NDArray grid, NDArray weight, NDArray bias) {
        if (grid.getDevice().isGpu()) {
            return bias == null
                    ? Linear.linear(grid, weight).singletonOrThrow()
                    : Linear.linear(grid, weight, bias).singletonOrThrow();
        }
        Shape w = weight.getShape();
        NDArray kernel = weight.reshape(w.get(0), w.get(1), 1, 1);
        NDArray out = Conv2d.conv2d(grid.transpose(0, 3, 1, 2), kernel, bias, ONE, NO_PADDING).singletonOrThrow();
        return out.transpose(0, 2, 3, 1);
    }
}
