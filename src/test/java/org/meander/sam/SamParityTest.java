package org.meander.sam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.meander.sam.modeling.SamModelBlock;
import org.meander.testing.Fixtures;
import org.meander.weights.SafetensorsFile;
import org.meander.weights.SamLoader;

/** SAM in Java computes what transformers computes: every case of ../shared/fixtures at its README's tolerances. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SamParityTest {

    private SamModel tiny;
    private SamModel base;

    @BeforeAll
    void load() throws IOException {
        tiny = SamLoader.load(Fixtures.model("tiny"));
        base = SamLoader.load(Fixtures.model("base"));
    }

    @AfterAll
    void close() {
        tiny.close();
        base.close();
    }

    private SamModel model(String fixture) {
        return fixture.equals("tiny") ? tiny : base;
    }

    Stream<Arguments> images() throws IOException {
        List<Arguments> all = new ArrayList<>();
        for (String fixture : List.of("tiny", "base")) {
            for (JsonNode image : Fixtures.reference(fixture).path("images")) {
                all.add(Arguments.of(fixture, image.path("image").asText()));
            }
        }
        return all.stream();
    }

    Stream<Arguments> cases() throws IOException {
        List<Arguments> all = new ArrayList<>();
        for (String fixture : List.of("tiny", "base")) {
            for (JsonNode image : Fixtures.reference(fixture).path("images")) {
                for (JsonNode c : image.path("cases")) {
                    all.add(Arguments.of(fixture, image.path("image").asText(), c.path("name").asText()));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("images")
    void imageEmbeddingMatchesTransformers(String fixture, String image) throws IOException {
        Reference ref = Reference.of(fixture, image);
        ImageEmbedding computed = model(fixture).encode(ImageIO.read(ref.imagePath().toFile()));
        float[] expected = ref.floats("image_embeddings");
        assertEquals(expected.length, computed.values().length);
        if (fixture.equals("tiny")) {
            assertTrue(maxAbsDiff(expected, computed.values()) < 1e-4,
                    "max |diff| " + maxAbsDiff(expected, computed.values()));
        } else {
            // the base fixture stores its embedding rounded to float16
            double rel = relativeL2(expected, computed.values());
            assertTrue(rel < 2e-3, "relative L2 " + rel);
        }
        assertEquals(ref.original(), computed.original());
    }

    @ParameterizedTest(name = "{0}/{1}/{2}")
    @MethodSource("cases")
    void decoderMatchesTransformers(String fixture, String image, String caseName) throws IOException {
        Reference ref = Reference.of(fixture, image);
        JsonNode c = ref.caseNode(caseName);
        try (SamPredictor predictor = model(fixture).predictor(ref.storedEmbedding())) {
            float[] maskInput = c.has("mask_input_from") ? ref.bestLowRes(c.path("mask_input_from").asText()) : null;
            Prediction p = predictor.predict(ref.prompts(c), maskInput, c.path("multimask").asBoolean());

            float[] expectedLogits = ref.floats(caseName + "/pred_masks");
            float[] expectedIou = ref.floats(caseName + "/iou_scores");
            assertEquals(expectedLogits.length, p.lowResLogits().length, "logits size");
            double tolerance = decoderTolerance(fixture);
            assertTrue(maxAbsDiff(expectedLogits, p.lowResLogits()) < tolerance,
                    "low-res logits max |diff| " + maxAbsDiff(expectedLogits, p.lowResLogits()));
            assertTrue(maxAbsDiff(expectedIou, p.iouScores()) < tolerance,
                    "IoU max |diff| " + maxAbsDiff(expectedIou, p.iouScores()));

            byte[] expectedMasks = ref.unpackedMasks(caseName);
            int pixels = ref.original().pixels();
            for (int prompt = 0; prompt < p.prompts(); prompt++) {
                for (int k = 0; k < p.candidates(); k++) {
                    byte[] mask = p.mask(prompt, k);
                    float[] referenceLogits = MaskPostprocessor.upscaleLogits(
                            java.util.Arrays.copyOfRange(expectedLogits, (prompt * p.candidates() + k) * 65536,
                                    (prompt * p.candidates() + k + 1) * 65536), 256, ref.resized(), ref.original());
                    int offset = (prompt * p.candidates() + k) * pixels;
                    for (int i = 0; i < pixels; i++) {
                        if (mask[i] != expectedMasks[offset + i] && Math.abs(referenceLogits[i]) >= 1e-3) {
                            throw new AssertionError("mask " + prompt + "," + k + " differs at pixel " + i
                                    + " where the reference logit is " + referenceLogits[i]);
                        }
                    }
                }
            }
        }
    }

    @Test
    void aPromptFromAnotherModelIsRefused() throws IOException {
        Reference ref = Reference.of("base", "river_a.png");
        var error = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> tiny.predictor(ref.storedEmbedding()));
        assertTrue(error.getMessage().contains("another model"), error.getMessage());
    }

    /**
     * The fixtures README asks 1e-4 of both. The base decoder (SAM's real sizes, random weights) cannot be held to
     * that: one float32 rounding of its input moves its logits by about 4e-4 ({@link #baseDecoderIsIllConditioned}),
     * so any two correct float32 implementations that round differently (another BLAS, another summation order)
     * differ by that much; the reference itself is 5e-4 from the exact answer, computed in float64
     * ({@link #float32ErrorsAgainstTheFloat64Answer}). Here it differs by up to 5e-4.
     */
    private static double decoderTolerance(String fixture) {
        return fixture.equals("tiny") ? 1e-4 : 1e-3;
    }

    /**
     * The same base decoder computed in float64 (its float16 weights and the stored float16 embedding are exact in
     * either type) stands for the exact answer: the float32 reference is further from it than 1e-4, and Meander's
     * float32 is closer to it than the reference. For tiny, all three agree within 1e-5.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"tiny", "base"})
    void float32ErrorsAgainstTheFloat64Answer(String fixture) throws IOException {
        Reference ref = Reference.of(fixture, "river_a.png");
        Prompt click = ref.prompts(ref.caseNode("point1_multi")).get(0);
        float[] reference = ref.floats("point1_multi/pred_masks");
        try (SamModel exact = inFloat64(model(fixture));
             SamPredictor exactPredictor = exact.predictor(ref.storedEmbedding());
             SamPredictor predictor = model(fixture).predictor(ref.storedEmbedding())) {
            float[] answer = exactPredictor.predict(click, true).lowResLogits();
            float[] ours = predictor.predict(click, true).lowResLogits();
            double referenceError = maxAbsDiff(answer, reference);
            double ourError = maxAbsDiff(answer, ours);
            if (fixture.equals("tiny")) {
                assertTrue(referenceError < 1e-5 && ourError < 1e-5, referenceError + ", " + ourError);
            } else {
                assertTrue(referenceError > 2e-4, "the reference is only " + referenceError + " from float64");
                assertTrue(ourError < referenceError, "Meander " + ourError + ", the reference " + referenceError);
            }
        }
    }

    /** A copy of model whose parameters are float64. */
    private static SamModel inFloat64(SamModel model) {
        ai.djl.ndarray.NDManager manager = ai.djl.ndarray.NDManager.newBaseManager();
        SamModelBlock block = new SamModelBlock(model.config());
        var values = model.block().parametersByName();
        block.parametersByName().forEach((name, slot) -> {
            ai.djl.ndarray.NDArray exact = values.get(name).parameter().getArray()
                    .toType(ai.djl.ndarray.types.DataType.FLOAT64, true);
            exact.attach(manager);
            slot.parameter().setArray(exact);
        });
        return new SamModel(block, manager, model.encoderFingerprint());
    }

    @Test
    void baseDecoderIsIllConditioned() throws IOException {
        Reference ref = Reference.of("base", "river_a.png");
        ImageEmbedding stored = ref.storedEmbedding();
        float[] nudged = stored.values().clone();
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < nudged.length; i++) {
            nudged[i] *= (float) (1 + 1e-7 * random.nextGaussian());
        }
        ImageEmbedding perturbed = new ImageEmbedding(nudged, stored.channels(), stored.side(), stored.original(),
                stored.resized());
        Prompt click = Prompt.of(new Point(512, 300, Point.POSITIVE));
        try (SamPredictor a = base.predictor(stored); SamPredictor b = base.predictor(perturbed)) {
            double change = maxAbsDiff(a.predict(click, true).lowResLogits(), b.predict(click, true).lowResLogits());
            assertTrue(change > 1e-4, "a float32-sized perturbation moved the logits by only " + change);
        }
    }

    static double maxAbsDiff(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    static double relativeL2(float[] expected, float[] actual) {
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < expected.length; i++) {
            diff += (expected[i] - actual[i]) * (double) (expected[i] - actual[i]);
            norm += expected[i] * (double) expected[i];
        }
        return Math.sqrt(diff / norm);
    }

    /** One image's reference outputs: reference.json and reference_<image>.safetensors. */
    record Reference(String fixture, String image, JsonNode json, Path tensors) {

        static Reference of(String fixture, String image) throws IOException {
            for (JsonNode node : Fixtures.reference(fixture).path("images")) {
                if (node.path("image").asText().equals(image)) {
                    String stem = image.replace(".png", "");
                    return new Reference(fixture, image, node,
                            Fixtures.fixture(fixture).resolve("reference_" + stem + ".safetensors"));
                }
            }
            throw new IllegalArgumentException(image);
        }

        String stem() {
            return image.replace(".png", "");
        }

        Path imagePath() {
            return Fixtures.fixture(fixture).resolve("images").resolve(image);
        }

        ImageSize original() {
            return new ImageSize(json.path("original_size").get(0).asInt(), json.path("original_size").get(1).asInt());
        }

        ImageSize resized() {
            return new ImageSize(json.path("resized").get(0).asInt(), json.path("resized").get(1).asInt());
        }

        JsonNode caseNode(String name) {
            for (JsonNode c : json.path("cases")) {
                if (c.path("name").asText().equals(name)) {
                    return c;
                }
            }
            throw new IllegalArgumentException(name);
        }

        float[] floats(String tensor) throws IOException {
            try (SafetensorsFile file = SafetensorsFile.open(tensors)) {
                return file.readFloats(fixture + "/" + stem() + "/" + tensor);
            }
        }

        ImageEmbedding storedEmbedding() throws IOException {
            float[] values = floats("image_embeddings");
            int channels = values.length / (64 * 64);
            return new ImageEmbedding(values, channels, 64, original(), resized());
        }

        /** The low-res logits of the highest-IoU candidate of a case, as transformers' refine case fed back. */
        float[] bestLowRes(String caseName) throws IOException {
            float[] logits = floats(caseName + "/pred_masks");
            float[] iou = floats(caseName + "/iou_scores");
            int best = 0;
            for (int k = 1; k < iou.length; k++) {
                if (iou[k] > iou[best]) {
                    best = k;
                }
            }
            return java.util.Arrays.copyOfRange(logits, best * 65536, (best + 1) * 65536);
        }

        byte[] unpackedMasks(String caseName) throws IOException {
            float[] packed = floats(caseName + "/masks_packed");
            int count = 1;
            for (JsonNode d : caseNode(caseName).path("masks_shape")) {
                count *= d.asInt();
            }
            byte[] bits = new byte[count];
            for (int i = 0; i < count; i++) {
                int b = (int) packed[i >> 3];
                bits[i] = (byte) ((b >> (7 - (i & 7))) & 1);
            }
            return bits;
        }

        List<Prompt> prompts(JsonNode c) {
            JsonNode points = c.path("points");
            JsonNode labels = c.path("labels");
            JsonNode boxes = c.path("boxes");
            int count = points.isArray() ? points.size() : boxes.size();
            List<Prompt> prompts = new ArrayList<>();
            for (int p = 0; p < count; p++) {
                List<Point> pts = new ArrayList<>();
                if (points.isArray()) {
                    for (int i = 0; i < points.get(p).size(); i++) {
                        JsonNode xy = points.get(p).get(i);
                        pts.add(new Point(xy.get(0).asDouble(), xy.get(1).asDouble(), labels.get(p).get(i).asInt()));
                    }
                }
                Box box = null;
                if (boxes.isArray()) {
                    JsonNode b = boxes.get(p);
                    box = new Box(b.get(0).asDouble(), b.get(1).asDouble(), b.get(2).asDouble(), b.get(3).asDouble());
                }
                prompts.add(new Prompt(pts, box));
            }
            return prompts;
        }
    }
}
