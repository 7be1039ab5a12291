package org.meander.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.meander.testing.Messages.assertContains;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.meander.sam.ImageEmbedding;
import org.meander.sam.ImageSize;
import org.meander.sam.Point;
import org.meander.sam.Prediction;
import org.meander.sam.Prompt;
import org.meander.sam.SamConfig;
import org.meander.sam.SamModel;
import org.meander.sam.SamPredictor;
import org.meander.sam.modeling.SamBlock.ParameterSlot;
import org.meander.testing.Fixtures;

/**
 * {@link SamLoader#load} on the fixtures and on model folders broken on purpose (built from the tiny fixture in a
 * temporary folder): a good folder loads every parameter with the checkpoint's values, and a bad one fails with an
 * IOException that names the file or folder and the tensor or config field, never with a RuntimeException.
 */
class SamLoaderTest {

    private static final String IOU_TOKEN = "mask_decoder.iou_token.weight";

    @TempDir
    Path dir;

    @Test
    void tinyFixtureLoadsWithEveryParameterFromTheCheckpoint() throws IOException {
        try (SamModel model = SamLoader.load(Fixtures.model("tiny"))) {
            SamConfig config = model.config();
            assertEquals(64, config.vision().hiddenSize());
            assertEquals(2, config.vision().numHiddenLayers());
            assertEquals(32, config.vision().outputChannels());
            assertEquals(64, config.vision().gridSize());
            assertEquals(32, config.maskDecoder().hiddenSize());
            assertEquals(2, config.maskDecoder().numAttentionHeads());
            assertEquals(64, config.maskDecoder().mlpDim());
            assertEquals(32, config.maskDecoder().iouHeadHiddenDim());
            assertEquals(16, config.promptEncoder().maskInputChannels());
            assertParametersEqualCheckpoint(model, Fixtures.model("tiny"));
        }
    }

    /** base stores float16: each parameter must be its checkpoint value widened to float32, exactly. */
    @Test
    void baseFixtureInFloat16LoadsWithEveryParameterFromTheCheckpoint() throws IOException {
        try (SamModel model = SamLoader.load(Fixtures.model("base"))) {
            assertEquals(256, model.config().maskDecoder().hiddenSize());
            assertEquals(8, model.config().maskDecoder().numAttentionHeads());
            assertEquals(2048, model.config().maskDecoder().mlpDim());
            assertEquals(256, model.config().vision().outputChannels());
            assertParametersEqualCheckpoint(model, Fixtures.model("base"));
        }
    }

    /**
     * Training and evaluation read cached embeddings: their model leaves out the vision encoder, most of a big
     * model's memory (2.5 GB of ViT-H's 2.56), and decodes exactly as the whole one, under the same fingerprint.
     */
    @Test
    void withoutItsVisionEncoderAModelDecodesAlikeAndRefusesToEncode() throws IOException {
        ImageEmbedding embedding = storedTinyEmbedding();
        Prompt click = Prompt.of(new Point(512, 300, Point.POSITIVE));
        try (SamModel whole = SamLoader.load(Fixtures.model("tiny"));
             SamModel decoding = SamLoader.loadWithoutVisionEncoder(Fixtures.model("tiny"))) {
            assertTrue(whole.hasVisionEncoder());
            assertFalse(decoding.hasVisionEncoder());
            assertEquals(whole.encoderFingerprint(), decoding.encoderFingerprint());
            decoding.block().parametersByName().forEach((name, slot) -> assertEquals(!name.startsWith(
                    "vision_encoder."), slot.parameter().isInitialized(), name + " holds a value"));
            try (SamPredictor a = whole.predictor(embedding); SamPredictor b = decoding.predictor(embedding)) {
                Prediction expected = a.predict(click, true);
                Prediction actual = b.predict(click, true);
                assertArrayEquals(expected.iouScores(), actual.iouScores());
                assertArrayEquals(expected.lowResLogits(), actual.lowResLogits());
            }
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> decoding.encode(new java.awt.image.BufferedImage(64, 64,
                            java.awt.image.BufferedImage.TYPE_INT_RGB)));
            assertContains(refused.getMessage(), "without its vision encoder");
        }
    }

    @Test
    void shardedCheckpointLoadsAndPredictsAsTheSingleFile() throws IOException {
        Map<String, FloatTensor> tensors = tinyTensors();
        Map<String, FloatTensor> first = new TreeMap<>();
        Map<String, FloatTensor> second = new TreeMap<>();
        // vision encoder in one shard, everything else in the other, as a sharded hub upload splits by size
        tensors.forEach((name, t) -> (name.startsWith("vision_encoder.") ? first : second).put(name, t));
        SafetensorsWriter.write(dir.resolve("model-00001-of-00002.safetensors"), first, Map.of(), TensorDtype.F32);
        SafetensorsWriter.write(dir.resolve("model-00002-of-00002.safetensors"), second, Map.of(), TensorDtype.F32);
        ObjectNode index = WeightsJson.MAPPER.createObjectNode();
        ObjectNode weightMap = index.putObject("weight_map");
        first.keySet().forEach(name -> weightMap.put(name, "model-00001-of-00002.safetensors"));
        second.keySet().forEach(name -> weightMap.put(name, "model-00002-of-00002.safetensors"));
        Files.writeString(dir.resolve("model.safetensors.index.json"), index.toString());
        copyTinyConfig();
        assertFalse(Files.exists(dir.resolve("model.safetensors")));

        ImageEmbedding embedding = storedTinyEmbedding();
        Prompt click = Prompt.of(new Point(512, 300, Point.POSITIVE));
        try (SamModel sharded = SamLoader.load(dir); SamModel single = SamLoader.load(Fixtures.model("tiny"))) {
            assertParametersEqualCheckpoint(sharded, Fixtures.model("tiny"));
            try (SamPredictor a = sharded.predictor(embedding); SamPredictor b = single.predictor(embedding)) {
                Prediction fromShards = a.predict(click, true);
                Prediction fromSingle = b.predict(click, true);
                assertArrayEquals(fromSingle.iouScores(), fromShards.iouScores());
                assertArrayEquals(fromSingle.lowResLogits(), fromShards.lowResLogits());
            }
        }
    }

    @Test
    void missingTensorIsNamed() throws IOException {
        writeTiny(tensors -> tensors.remove(IOU_TOKEN));
        WeightsException e = assertThrows(WeightsException.class, () -> SamLoader.load(dir));
        assertContains(e.getMessage(), dir.toString(), IOU_TOKEN, "missing");
    }

    @Test
    void extraTensorIsNamed() throws IOException {
        writeTiny(tensors -> tensors.put("mask_decoder.extra.weight", new FloatTensor(new long[] {2}, new float[2])));
        WeightsException e = assertThrows(WeightsException.class, () -> SamLoader.load(dir));
        assertContains(e.getMessage(), dir.resolve("model.safetensors").toString(), "mask_decoder.extra.weight",
                "not part of SAM");
    }

    @Test
    void wrongShapeIsNamedWithBothShapes() throws IOException {
        // (1, 32) stored as (32, 1): the same values, so only the shape check can catch it
        writeTiny(tensors -> tensors.put(IOU_TOKEN,
                new FloatTensor(new long[] {32, 1}, tensors.get(IOU_TOKEN).data())));
        WeightsException e = assertThrows(WeightsException.class, () -> SamLoader.load(dir));
        assertContains(e.getMessage(), dir.resolve("model.safetensors").toString(), IOU_TOKEN, "[32, 1]", "[1, 32]",
                "config.json");
    }

    /**
     * transformers ties the prompt encoder's copy to shared_image_embedding: save_pretrained leaves it out (the
     * fixtures have none), while the original facebook/sam-vit-* uploads store it. Both must load.
     */
    @Test
    void tiedPositionalCopyMayBeAbsentOrPresent() throws IOException {
        try (Checkpoint tiny = Checkpoint.open(Fixtures.model("tiny"))) {
            assertFalse(tiny.contains(SamLoader.TIED_POSITIONAL), "the fixture is expected to leave the tied copy out");
        }
        try (SamModel withoutCopy = SamLoader.load(Fixtures.model("tiny"))) {
            assertParametersEqualCheckpoint(withoutCopy, Fixtures.model("tiny"));
        }
        writeTiny(tensors -> tensors.put(SamLoader.TIED_POSITIONAL, tensors.get(SamLoader.SHARED_POSITIONAL)));
        try (SamModel withCopy = SamLoader.load(dir)) {
            assertParametersEqualCheckpoint(withCopy, Fixtures.model("tiny"));
        }
    }

    @Test
    void configWiderThanTheWeightsIsNamed() throws IOException {
        writeTinyWithConfig(config -> config.with("vision_config").put("hidden_size", 128));
        WeightsException e = assertThrows(WeightsException.class, () -> SamLoader.load(dir));
        assertContains(e.getMessage(), dir.resolve("model.safetensors").toString(), "vision_encoder.",
                "64", "128", "config.json");
    }

    /** The decoder's 32 channels cannot be split over 3 heads: no weights could fit this config. */
    @Test
    void decoderHeadsThatDoNotDivideAreNamed() throws IOException {
        writeTinyWithConfig(config -> config.with("mask_decoder_config").put("num_attention_heads", 3));
        IOException e = assertThrows(IOException.class, () -> SamLoader.load(dir));
        assertContains(e.getMessage(), dir.resolve("config.json").toString(), "mask_decoder_config",
                "num_attention_heads");
    }

    /** Zero divides (patch size, heads) and a negative size fails inside DJL: both must be caught by field. */
    @ParameterizedTest
    @CsvSource({"vision_config,patch_size,0", "vision_config,hidden_size,-1", "prompt_encoder_config,image_size,0",
            "mask_decoder_config,num_attention_heads,0"})
    void sizeThatIsNotPositiveIsNamed(String section, String field, int value) throws IOException {
        writeTinyWithConfig(config -> config.with(section).put(field, value));
        IOException e = assertThrows(IOException.class, () -> SamLoader.load(dir));
        assertContains(e.getMessage(), dir.resolve("config.json").toString(), section + "." + field, "positive");
    }

    @Test
    void modelTypeOtherThanSamIsNamed() throws IOException {
        writeTinyWithConfig(config -> config.put("model_type", "vit"));
        IOException e = assertThrows(IOException.class, () -> SamLoader.load(dir));
        assertContains(e.getMessage(), dir.resolve("config.json").toString(), "model_type", "\"vit\"", "\"sam\"");
    }

    @Test
    void folderWithoutConfigIsNamed() throws IOException {
        writeTiny(tensors -> { });
        Files.delete(dir.resolve("config.json"));
        WeightsException e = assertThrows(WeightsException.class, () -> SamLoader.load(dir));
        assertContains(e.getMessage(), dir.toString(), "config.json");
    }

    @Test
    void aMissingFolderOrTheConfigFileItselfIsSaidSo() throws IOException {
        Path absent = dir.resolve("sam-vit-bse");
        WeightsException missing = assertThrows(WeightsException.class, () -> SamLoader.load(absent));
        assertContains(missing.getMessage(), absent.toString(), "no such folder");

        copyTinyConfig();
        Path config = dir.resolve("config.json");
        WeightsException file = assertThrows(WeightsException.class, () -> SamLoader.load(config));
        assertContains(file.getMessage(), config.toString(), "is a file", "the folder that holds it");
    }

    @Test
    void configThatIsNotJsonIsNamed() throws IOException {
        writeTiny(tensors -> { });
        Files.writeString(dir.resolve("config.json"), "<html>404 Not Found</html>");
        IOException e = assertThrows(IOException.class, () -> SamLoader.load(dir));
        assertContains(e.getMessage(), dir.resolve("config.json").toString(), "not valid JSON", "line 1");
        // the message ends up on one line of a terminal, so Jackson's multi-line source excerpt must not be in it
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    /** An interrupted download: the header is whole but the data it points into is not. */
    @Test
    void truncatedWeightsAreNamed() throws IOException {
        writeTiny(tensors -> { });
        Path weights = dir.resolve("model.safetensors");
        long size = Files.size(weights);
        try (var channel = Files.newByteChannel(weights, StandardOpenOption.WRITE)) {
            channel.truncate(size / 2);
        }
        WeightsException e = assertThrows(WeightsException.class, () -> SamLoader.load(dir));
        assertContains(e.getMessage(), weights.toString());
        assertTrue(e.getMessage().contains("truncated") || e.getMessage().contains("download"), e.getMessage());
    }

    /** Every parameter holds the checkpoint's tensor of the same name (the tied copy aside), value for value. */
    private static void assertParametersEqualCheckpoint(SamModel model, Path checkpointDir) throws IOException {
        Map<String, ParameterSlot> parameters = model.block().parametersByName();
        try (Checkpoint checkpoint = Checkpoint.open(checkpointDir)) {
            TreeSet<String> stored = new TreeSet<>(checkpoint.names());
            stored.remove(SamLoader.TIED_POSITIONAL);
            assertEquals(stored, new TreeSet<>(parameters.keySet()),
                    "a parameter for each tensor, the tied copy aside");
            for (Map.Entry<String, ParameterSlot> e : parameters.entrySet()) {
                assertNotNull(e.getValue().parameter().getArray(), e.getKey());
                assertArrayEquals(checkpoint.info(e.getKey()).shape(),
                        e.getValue().parameter().getArray().getShape().getShape(), e.getKey());
                assertArrayEquals(checkpoint.readFloats(e.getKey()),
                        e.getValue().parameter().getArray().toFloatArray(), e.getKey());
            }
        }
    }

    private static Map<String, FloatTensor> tinyTensors() throws IOException {
        Map<String, FloatTensor> tensors = new TreeMap<>();
        try (Checkpoint tiny = Checkpoint.open(Fixtures.model("tiny"))) {
            for (String name : tiny.names()) {
                tensors.put(name, new FloatTensor(tiny.info(name).shape(), tiny.readFloats(name)));
            }
        }
        return tensors;
    }

    /** The tiny model in {@code dir}, its tensors edited first. */
    private void writeTiny(Consumer<Map<String, FloatTensor>> edit) throws IOException {
        Map<String, FloatTensor> tensors = tinyTensors();
        edit.accept(tensors);
        SafetensorsWriter.write(dir.resolve("model.safetensors"), tensors, Map.of("format", "pt"), TensorDtype.F32);
        copyTinyConfig();
    }

    /** The tiny model in {@code dir}, its config.json edited. */
    private void writeTinyWithConfig(Consumer<ObjectNode> edit) throws IOException {
        writeTiny(tensors -> { });
        ObjectNode config = (ObjectNode) WeightsJson.MAPPER.readTree(dir.resolve("config.json").toFile());
        edit.accept(config);
        Files.writeString(dir.resolve("config.json"), config.toPrettyString());
    }

    private void copyTinyConfig() throws IOException {
        Files.copy(Fixtures.model("tiny").resolve("config.json"), dir.resolve("config.json"));
    }

    /** river_a's embedding as transformers computed it: the decoder can be checked without running the encoder. */
    private static ImageEmbedding storedTinyEmbedding() throws IOException {
        Path reference = Fixtures.fixture("tiny").resolve("reference_river_a.safetensors");
        try (SafetensorsFile file = SafetensorsFile.open(reference)) {
            float[] values = file.readFloats("tiny/river_a/image_embeddings");
            ImageSize size = new ImageSize(640, 1024);
            return new ImageEmbedding(values, 32, 64, size, size);
        }
    }
}
