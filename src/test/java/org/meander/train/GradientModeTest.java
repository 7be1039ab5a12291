package org.meander.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.meander.sam.SamModel;
import org.meander.testing.Fixtures;
import org.meander.weights.SafetensorsFile;
import org.meander.weights.SamLoader;

/** PyTorch records gradients per thread, on by default: a step must work on a thread where recording is on. */
class GradientModeTest {

    @Test
    void stepsOnAThreadThatRecordsGradients() throws IOException {
        boolean was = JniUtils.isGradMode();
        JniUtils.setGradMode(true);
        try (SafetensorsFile reference = SafetensorsFile.open(Fixtures.fixture("tiny").resolve("training.safetensors"));
             SamModel model = SamLoader.load(Fixtures.model("tiny"));
             TrainingStep step = new TrainingStep(model,
                     new LossSettings(LossFunction.DICE_CE, OutputHandling.SINGLE, false),
                     new AdamWSettings(0.9, 0.999, 1e-8, 0.01))) {
            StepResult result = step.run(TrainingParityTest.fixtureBatch(reference), 1e-3);
            assertTrue(Float.isFinite(result.loss()));
            step.parameters().load(step.parameters().values());
            assertTrue(JniUtils.isGradMode(), "the thread's recording mode is restored");
        } finally {
            JniUtils.setGradMode(was);
        }
    }
}
