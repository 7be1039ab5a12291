package org.meander.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.function.BinaryOperator;
import org.meander.sam.modeling.PixelLinear;

/**
 * This machine's float32 matrix-multiply rate on the engine the model runs on, in GFLOP/s, through both of the
 * libraries PyTorch multiplies with on a CPU: its BLAS (matmul) and oneDNN (a 1 x 1 convolution, the path the image
 * encoder takes, {@link PixelLinear}; on a GPU both are the matrix product). The product is 4096 x 2048 by 2048 x
 * 2048, the encoder's 4096 rows; each rate is the best of six.
 */
record MatrixRate(double blas, double oneDnn) {

    private static final int ROWS = 4096;
    private static final int SIZE = 2048;
    private static final int RUNS = 6;

    /** The faster library's rate: the yardstick the encoder and decoder are measured against. */
    double best() {
        return Math.max(blas, oneDnn);
    }

    static MatrixRate measure() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray rows = manager.randomNormal(new Shape(ROWS, SIZE));
            NDArray weight = manager.randomNormal(new Shape(SIZE, SIZE));
            double blas = best(manager, rows, weight, NDArray::matMul);
            NDArray grid = rows.reshape(1, 64, ROWS / 64, SIZE);
            double oneDnn = best(manager, grid, weight, (x, w) -> PixelLinear.apply(x, w, null));
            return new MatrixRate(blas, oneDnn);
        }
    }

    private static double best(NDManager manager, NDArray input, NDArray weight, BinaryOperator<NDArray> product) {
        double best = 0;
        for (int i = 0; i < RUNS; i++) {
            try (NDManager scope = manager.newSubManager()) {
                input.tempAttach(scope);
                long t = System.nanoTime();
                NDArray c = product.apply(input, weight);
                // one element waits for the product where it runs asynchronously (a GPU) without timing a 32 MB
                // copy to Java, which would make the rate look lower than it is (both results are row-major, so
                // flattening them is a view)
                c.reshape(-1).getFloat(0);
                best = Math.max(best, 2.0 * ROWS * SIZE * SIZE / ((System.nanoTime() - t) / 1e9) / 1e9);
            }
        }
        return best;
    }
}
