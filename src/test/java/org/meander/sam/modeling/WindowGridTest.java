package org.meander.sam.modeling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** WindowGrid partitions like SAM's window_partition (padding included) and puts the grid back exactly. */
class WindowGridTest {

    private static final int BATCH = 2;
    private static final Shape FEATURES = new Shape(2, 3);

    @ParameterizedTest(name = "{0} x {1} grid, windows of {2}")
    @CsvSource({"9, 7, 4", "8, 8, 4", "3, 5, 4", "64, 64, 14"})
    void matchesPaddingThenPartitioning(long height, long width, int size) {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray grid = manager.randomNormal(new Shape(BATCH, height, width).addAll(FEATURES));
            NDArray padValue = manager.randomNormal(FEATURES);
            WindowGrid windows = new WindowGrid(BATCH, height, width, size);
            long rows = windows.windowRows();
            long columns = windows.windowColumns();
            NDArray expected = padded(grid, padValue, rows * size, columns * size)
                    .reshape(new Shape(BATCH, rows, size, columns, size).addAll(FEATURES));

            // windows stored features first, as the attention stores heads first: written through a permuted view
            NDArray stored = manager.create(FEATURES.addAll(new Shape(BATCH, rows, columns, size, size)));
            NDArray windowed = stored.transpose(2, 3, 5, 4, 6, 0, 1);
            windows.gridToWindows(grid, windowed);
            windows.fillPadding(windowed, padValue);
            assertArrayEquals(expected.toFloatArray(), windowed.toFloatArray());

            NDArray back = manager.create(grid.getShape());
            windows.windowsToGrid(windowed, back);
            assertArrayEquals(grid.toFloatArray(), back.toFloatArray());
        }
    }

    /** The reference: the grid padded at the bottom and right to (paddedHeight, paddedWidth) with padValue. */
    private static NDArray padded(NDArray grid, NDArray padValue, long paddedHeight, long paddedWidth) {
        Shape shape = new Shape(BATCH, paddedHeight, paddedWidth).addAll(FEATURES);
        NDArray padded = grid.getManager().zeros(shape).add(padValue);
        padded.set(new NDIndex(":, :{}, :{}", grid.getShape().get(1), grid.getShape().get(2)), grid);
        return padded;
    }
}
