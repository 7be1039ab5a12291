package org.meander.sam.modeling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

/**
 * DJL does not show strides; an array is row-major exactly when its one-axis reshape is a view of it, which an
 * in-place change through that reshape reveals.
 */
class ContiguousTest {

    @Test
    void aPermutedViewBecomesRowMajorWithTheSameValues() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray permuted = manager.arange(24f).reshape(1, 4, 2, 3).transpose(0, 2, 3, 1);
            NDArray contiguous = Contiguous.of(permuted);
            assertEquals(permuted.getShape(), contiguous.getShape());
            assertArrayEquals(permuted.toFloatArray(), contiguous.toFloatArray());
            assertEquals(0f, changedThroughFlatReshape(permuted), "the check tells a permuted view from row-major");
            assertEquals(1f, changedThroughFlatReshape(contiguous));
        }
    }

    @Test
    void aRowMajorArrayIsNotCopied() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray rowMajor = manager.arange(24f).reshape(2, 3, 4);
            Contiguous.of(rowMajor).addi(1);
            assertEquals(1f, rowMajor.getFloat(0, 0, 0));
        }
    }

    /** Adds 1 to the first element through a one-axis reshape of x; returns how much x's first element changed. */
    private static float changedThroughFlatReshape(NDArray x) {
        float before = x.toFloatArray()[0];
        x.reshape(-1).get(0).addi(1);
        return x.toFloatArray()[0] - before;
    }
}
