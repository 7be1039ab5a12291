package org.meander.sam.modeling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.meander.sam.SamModel;
import org.meander.testing.Fixtures;
import org.meander.weights.SamLoader;

/**
 * The encoder's windows and heads keep images apart: a batch of two encodes each image as it encodes alone (the
 * application encodes one image at a time, so the parity fixtures only ever check a batch of one).
 */
class VisionEncoderBatchTest {

    @Test
    void eachImageOfABatchEncodesAsAlone() throws IOException {
        try (SamModel model = SamLoader.load(Fixtures.model("tiny"));
             NDManager scope = model.manager().newSubManager()) {
            VisionEncoder encoder = model.block().visionEncoder();
            NDArray pixels = scope.randomNormal(new Shape(2, 3, 1024, 1024));
            NDArray together = encoder.forward(pixels);
            for (int i = 0; i < 2; i++) {
                NDArray alone = encoder.forward(pixels.get(i).expandDims(0));
                assertEquals(alone.getShape().slice(1), together.getShape().slice(1));
                assertArrayEquals(alone.toFloatArray(), together.get(i).toFloatArray(), 1e-4f, "image " + i);
            }
        }
    }
}
