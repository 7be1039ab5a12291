package org.meander.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.meander.sam.SamModel;
import org.meander.testing.Fixtures;
import org.meander.weights.SafetensorsFile;
import org.meander.weights.SamLoader;

/** A batch decoded one image at a time gets the loss and gradients of the whole batch at once. */
class MicroBatchTest {

    private record Backward(float loss, Map<String, float[]> gradients) {
    }

    private static Backward backward(int microBatch) throws IOException {
        try (SafetensorsFile reference = SafetensorsFile.open(Fixtures.fixture("tiny").resolve("training.safetensors"));
             SamModel model = SamLoader.load(Fixtures.model("tiny"));
             TrainingStep step = new TrainingStep(model,
                     new LossSettings(LossFunction.DICE_CE, OutputHandling.MEAN, true),
                     new AdamWSettings(0.9, 0.999, 1e-8, 0.01), microBatch);
             NDManager scope = model.manager().newSubManager()) {
            float loss = step.backward(TrainingParityTest.fixtureBatch(reference));
            Map<String, float[]> gradients = new LinkedHashMap<>();
            for (Map.Entry<String, NDArray> e : step.parameters().gradients(scope, true).entrySet()) {
                gradients.put(e.getKey(), e.getValue().toFloatArray());
            }
            return new Backward(loss, gradients);
        }
    }

    @Test
    void slicesAddUpToTheWholeBatch() throws IOException {
        Backward whole = backward(2);
        Backward sliced = backward(1);
        assertEquals(whole.loss(), sliced.loss(), 1e-6);
        whole.gradients().forEach((name, expected) -> {
            if (!name.endsWith("k_proj.bias")) { // rounding noise around a true gradient of 0 (TrainingParityTest)
                TrainingParityTest.assertRelativeL2(expected, sliced.gradients().get(name), 1e-4, name);
            }
        });
    }
}
