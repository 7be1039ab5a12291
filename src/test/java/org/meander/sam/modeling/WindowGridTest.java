package org.meander.sam.modeling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** WindowGrid's blocks partition like SAM's window_partition (padding included) and cover the grid exactly once. */
class WindowGridTest {

    private static final int BATCH = 2;
    private static final Shape FEATURES = new Shape(2, 3);

    @ParameterizedTest(name = "{0} x {1} grid, windows of {2}")
    @CsvSource({"9, 7, 4", "8, 8, 4", "3, 5, 4", "64, 64, 14"})
    void eachBlockHoldsSamsPaddedWindows(long height, long width, int size) {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray grid = manager.randomNormal(new Shape(BATCH, height, width).addAll(FEATURES));
            NDArray padValue = manager.randomNormal(FEATURES);
            long rows = (height + size - 1) / size;
            long columns = (width + size - 1) / size;
            NDArray expected = padded(grid, padValue, rows * size, columns * size)
                    .reshape(new Shape(BATCH, rows, size, columns, size).addAll(FEATURES));
            long windows = 0;
            for (WindowGrid.Block block : new WindowGrid(BATCH, height, width, size).blocks()) {
                // stored features first, as the attention stores heads first: written through a permuted view
                NDArray stored = manager.create(FEATURES.addAll(new Shape(BATCH, block.windowRows(),
                        block.windowColumns(), size, size)));
                NDArray windowed = stored.transpose(2, 3, 5, 4, 6, 0, 1);
                block.toWindows(block.tokensOf(grid), windowed, padValue);
                NDArray expectedBlock = expected.get(new NDIndex(":, {}:{}, :, {}:{}",
                        block.firstWindowRow(), block.firstWindowRow() + block.windowRows(),
                        block.firstWindowColumn(), block.firstWindowColumn() + block.windowColumns()));
                assertArrayEquals(expectedBlock.toFloatArray(), windowed.toFloatArray());
                windows += block.windows();
            }
            assertEquals(BATCH * rows * columns, windows, "every window is in one block");
        }
    }

    @ParameterizedTest(name = "{0} x {1} grid, windows of {2}")
    @CsvSource({"9, 7, 4", "8, 8, 4", "3, 5, 4", "64, 64, 14"})
    void blocksCoverEveryTokenOnceAndWriteBack(long height, long width, int size) {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray grid = manager.randomNormal(new Shape(BATCH, height, width).addAll(FEATURES));
            NDArray back = manager.zeros(grid.getShape());
            NDArray covered = manager.zeros(grid.getShape());
            for (WindowGrid.Block block : new WindowGrid(BATCH, height, width, size).blocks()) {
                block.tokensOf(back).set(new NDIndex("..."), block.tokensOf(grid));
                block.tokensOf(covered).addi(1f);
            }
            assertArrayEquals(grid.toFloatArray(), back.toFloatArray());
            assertArrayEquals(manager.ones(grid.getShape()).toFloatArray(), covered.toFloatArray());
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
