package org.meander.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.meander.sam.SamModel;
import org.meander.testing.Fixtures;
import org.meander.weights.SafetensorsFile;
import org.meander.weights.SamLoader;

/** The IoU head learns only when the loss has the IoU term; otherwise AdamW leaves it as it was. */
class IouLossTest {

    private static final String IOU_HEAD = "mask_decoder.iou_prediction_head.proj_out.weight";

    private static float[][] headBeforeAndAfter(boolean iouLoss) throws IOException {
        try (SafetensorsFile reference = SafetensorsFile.open(Fixtures.fixture("tiny").resolve("training.safetensors"));
             SamModel model = SamLoader.load(Fixtures.model("tiny"));
             TrainingStep step = new TrainingStep(model,
                     new LossSettings(LossFunction.DICE_CE, OutputHandling.BEST, iouLoss),
                     new AdamWSettings(0.9, 0.999, 1e-8, 0.01))) {
            Map<String, float[]> before = step.parameters().values();
            step.run(TrainingParityTest.fixtureBatch(reference), 1e-3);
            return new float[][] {before.get(IOU_HEAD), step.parameters().values().get(IOU_HEAD)};
        }
    }

    @Test
    void withoutTheTermTheHeadIsUntouched() throws IOException {
        float[][] head = headBeforeAndAfter(false);
        assertArrayEquals(head[0], head[1], "not even weight decay");
    }

    @Test
    void withTheTermTheHeadLearns() throws IOException {
        float[][] head = headBeforeAndAfter(true);
        assertFalse(Arrays.equals(head[0], head[1]));
    }
}
