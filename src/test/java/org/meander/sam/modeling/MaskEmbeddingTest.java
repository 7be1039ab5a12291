package org.meander.sam.modeling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import java.io.IOException;
import org.meander.sam.SamModel;
import org.meander.testing.Fixtures;
import org.meander.weights.SamLoader;

/**
 * A mask input's embedding and its low-rank move of the image tokens say the same thing: the tokens' dense embedding
 * is the no-mask one moved by the shift.
 */
class MaskEmbeddingTest {

    @Test
    void theShiftMovesTheNoMaskEmbeddingToTheMasksEmbedding() throws IOException {
        try (SamModel model = SamLoader.load(Fixtures.model("tiny"));
             NDManager manager = model.manager().newSubManager()) {
            PromptEncoder encoder = model.block().promptEncoder();
            NDArray masks = manager.randomNormal(new Shape(1, 1, 256, 256)).mul(8);
            NDArray embedded = encoder.embedMask(masks);
            MaskShift shift = encoder.maskShift(masks);
            assertEquals(new Shape(1, 17, 4096), shift.features().getShape());
            assertEquals(new Shape(32, 17), shift.projection().getShape());
            NDArray moved = shift.rows().matMul(shift.projection().transpose()).add(encoder.noMaskEmbedding());
            assertEquals(new Shape(1, 4096, 32), embedded.getShape());
            assertArrayEquals(embedded.reshape(-1).toFloatArray(), moved.reshape(-1).toFloatArray(), 1e-4f);
        }
    }
}
