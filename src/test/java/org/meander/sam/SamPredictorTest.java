package org.meander.sam;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.meander.testing.Fixtures;
import org.meander.weights.SamLoader;

/** The predictor's per-image work stays consistent with the model it answers for. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SamPredictorTest {

    private SamModel model;
    private ImageEmbedding embedding;

    @BeforeAll
    void encode() throws IOException {
        model = SamLoader.load(Fixtures.model("tiny"));
        embedding = model.encode(ImageIO.read(Fixtures.fixture("tiny").resolve("images/river_a.png").toFile()));
    }

    @AfterAll
    void close() {
        model.close();
    }

    @Test
    void anOpenPredictorFollowsADecoderChange() {
        Prompt click = Prompt.of(new Point(40, 52, Point.POSITIVE), new Point(10, 12, Point.NEGATIVE));
        try (SamPredictor open = model.predictor(embedding)) {
            float[] before = open.predict(click, true).lowResLogits();
            // the first block's image-side projections: what the predictor prepares once per image
            for (String name : List.of("transformer.layers.0.cross_attn_token_to_image.k_proj.weight",
                    "transformer.layers.0.cross_attn_token_to_image.v_proj.weight",
                    "transformer.layers.0.cross_attn_image_to_token.q_proj.bias")) {
                NDArray weight = model.block().maskDecoder().parametersByName().get(name).parameter().getArray();
                weight.muli(1.5f);
            }
            model.decoderChanged();
            float[] after = open.predict(click, true).lowResLogits();
            try (SamPredictor fresh = model.predictor(embedding)) {
                assertArrayEquals(fresh.predict(click, true).lowResLogits(), after, 1e-6f);
            }
            assertTrue(maxAbsDiff(before, after) > 1e-2, "the change moved the logits by " + maxAbsDiff(before, after));
        }
    }

    @Test
    void aPromptBatchAnswersEachPromptAsItWouldAlone() {
        try (SamPredictor predictor = model.predictor(embedding)) {
            assertBatchAnswersAsAlone(predictor, null);
        }
    }

    @Test
    void aPromptBatchWithAMaskInputAnswersEachPromptAsItWouldAlone() {
        try (SamPredictor predictor = model.predictor(embedding)) {
            Prediction shown = predictor.predict(Prompt.of(new Point(40, 52, Point.POSITIVE)), true);
            float[] mask = shown.lowRes(0, shown.best(0));
            Prediction withMask = predictor.predict(List.of(Prompt.of(new Point(20, 30, Point.POSITIVE))), mask, true);
            Prediction without = predictor.predict(Prompt.of(new Point(20, 30, Point.POSITIVE)), true);
            assertTrue(maxAbsDiff(withMask.lowResLogits(), without.lowResLogits()) > 1e-2,
                    "the mask input changed nothing");
            assertBatchAnswersAsAlone(predictor, mask);
        }
    }

    /** The second of two one-point prompts decoded together, against it decoded alone, with the same mask input. */
    private static void assertBatchAnswersAsAlone(SamPredictor predictor, float[] maskInput) {
        Prompt first = Prompt.of(new Point(40, 52, Point.POSITIVE));
        Prompt second = Prompt.of(new Point(20, 30, Point.POSITIVE));
        Prediction batch = predictor.predict(List.of(first, second), maskInput, true);
        Prediction alone = predictor.predict(List.of(second), maskInput, true);
        float[] secondOfBatch = java.util.Arrays.copyOfRange(batch.lowResLogits(),
                batch.lowResLogits().length / 2, batch.lowResLogits().length);
        assertTrue(maxAbsDiff(alone.lowResLogits(), secondOfBatch) < 1e-4,
                "batch against alone: " + maxAbsDiff(alone.lowResLogits(), secondOfBatch));
    }

    private static double maxAbsDiff(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }
}
