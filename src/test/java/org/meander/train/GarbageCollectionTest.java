package org.meander.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.meander.sam.SamModel;
import org.meander.testing.Fixtures;
import org.meander.weights.SafetensorsFile;
import org.meander.weights.SamLoader;

/**
 * A garbage collection between the forward and the backward pass must not change the gradients: scalars that
 * autograd keeps for the backward pass once lived in Java buffers that the collector could free (NaN gradients
 * when a prefetching thread made garbage).
 */
class GarbageCollectionTest {

    private static Map<String, float[]> gradients(boolean collectGarbage, LossFunction function) throws IOException {
        try (SafetensorsFile reference = SafetensorsFile.open(Fixtures.fixture("tiny").resolve("training.safetensors"));
             SamModel model = SamLoader.load(Fixtures.model("tiny"));
             NDManager scope = model.manager().newSubManager()) {
            DecoderParameters parameters = DecoderParameters.of(model);
            parameters.requireGradients();
            List<TrainingExample> batch = TrainingParityTest.fixtureBatch(reference);
            LossSettings loss = new LossSettings(function, OutputHandling.MEAN, true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray total = loss.compute(new DecoderForward(model).run(scope, batch, true));
                if (collectGarbage) {
                    for (int i = 0; i < 3; i++) {
                        System.gc();
                        // garbage of the size a batch reader makes, so freed buffers get reused
                        byte[][] churn = new byte[64][];
                        for (int j = 0; j < churn.length; j++) {
                            churn[j] = new byte[1 << 16];
                        }
                    }
                }
                collector.backward(total);
            }
            Map<String, float[]> values = new LinkedHashMap<>();
            parameters.gradients(scope, true).forEach((name, g) -> values.put(name, g.toFloatArray()));
            return values;
        }
    }

    @Test
    void gradientsSurviveACollectionBetweenForwardAndBackward() throws IOException {
        for (LossFunction function : LossFunction.values()) {
            Map<String, float[]> calm = gradients(false, function);
            Map<String, float[]> collected = gradients(true, function);
            assertEquals(calm.keySet(), collected.keySet());
            calm.forEach((name, expected) -> assertArrayEquals(expected, collected.get(name), function + " " + name));
        }
    }
}
