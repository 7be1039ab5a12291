package org.meander.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meander.testing.Messages;

class CheckpointTest {

    @TempDir
    Path dir;

    @Test
    void readsAShardedCheckpointThroughItsIndex() throws IOException {
        shard("model-00001-of-00002.safetensors", "encoder.weight", "encoder.bias");
        shard("model-00002-of-00002.safetensors", "decoder.weight");
        index("{\"metadata\": {\"total_size\": 36}, \"weight_map\": {"
                + "\"encoder.weight\": \"model-00001-of-00002.safetensors\", "
                + "\"encoder.bias\": \"model-00001-of-00002.safetensors\", "
                + "\"decoder.weight\": \"model-00002-of-00002.safetensors\"}}");

        try (Checkpoint checkpoint = Checkpoint.open(dir)) {
            assertEquals(dir, checkpoint.directory());
            assertEquals(List.of("decoder.weight", "encoder.bias", "encoder.weight"), checkpoint.names());
            assertTrue(checkpoint.contains("decoder.weight"));
            assertFalse(checkpoint.contains("model.safetensors"));
            assertEquals(dir.resolve("model-00002-of-00002.safetensors"), checkpoint.fileOf("decoder.weight"));
            assertEquals(dir.resolve("model-00001-of-00002.safetensors"), checkpoint.fileOf("encoder.bias"));
            assertArrayEquals(valuesOf("decoder.weight"), checkpoint.readFloats("decoder.weight"));
            assertArrayEquals(valuesOf("encoder.bias"), checkpoint.readFloats("encoder.bias"));
            assertArrayEquals(new long[] {3}, checkpoint.info("encoder.weight").shape());

            WeightsException e = assertThrows(WeightsException.class, () -> checkpoint.readFloats("neck.weight"));
            Messages.assertContains(e.getMessage(), dir.toString(), "'neck.weight'");
        }
    }

    @Test
    void indexNamingAMissingShard() throws IOException {
        shard("model-00001-of-00002.safetensors", "encoder.weight");
        Path index = index("{\"weight_map\": {\"encoder.weight\": \"model-00001-of-00002.safetensors\", "
                + "\"decoder.weight\": \"model-00002-of-00002.safetensors\"}}");
        WeightsException e = assertThrows(WeightsException.class, () -> Checkpoint.open(dir));
        Messages.assertContains(e.getMessage(), index.toString(),
                "model-00002-of-00002.safetensors", "decoder.weight", "download");
    }

    @Test
    void tensorStoredInTwoShards() throws IOException {
        shard("a.safetensors", "encoder.weight", "shared.bias");
        shard("b.safetensors", "shared.bias");
        index("{\"weight_map\": {\"encoder.weight\": \"a.safetensors\", \"shared.bias\": \"b.safetensors\"}}");
        WeightsException e = assertThrows(WeightsException.class, () -> Checkpoint.open(dir));
        Messages.assertContains(e.getMessage(), dir.toString(), "'shared.bias'", "a.safetensors",
                "b.safetensors");
    }

    @Test
    void tensorListedTwiceInTheIndex() throws IOException {
        shard("a.safetensors", "w");
        shard("b.safetensors", "v");
        Path index = index("{\"weight_map\": {\"w\": \"a.safetensors\", \"v\": \"b.safetensors\", "
                + "\"w\": \"b.safetensors\"}}");
        WeightsException e = assertThrows(WeightsException.class, () -> Checkpoint.open(dir));
        Messages.assertContains(e.getMessage(), index.toString(), "'w'");
    }

    @Test
    void indexThatDisagreesWithTheShards() throws IOException {
        shard("a.safetensors", "w");
        shard("b.safetensors", "v");
        Path index = index("{\"weight_map\": {\"w\": \"b.safetensors\", \"v\": \"b.safetensors\", "
                + "\"u\": \"a.safetensors\"}}");
        WeightsException e = assertThrows(WeightsException.class, () -> Checkpoint.open(dir));
        Messages.assertContains(e.getMessage(), index.toString(), "'w'", "b.safetensors",
                "a.safetensors");
    }

    @Test
    void shardOutsideTheFolder() throws IOException {
        Path index = index("{\"weight_map\": {\"w\": \"../elsewhere.safetensors\"}}");
        WeightsException e = assertThrows(WeightsException.class, () -> Checkpoint.open(dir));
        Messages.assertContains(e.getMessage(), index.toString(), "../elsewhere.safetensors");
    }

    @Test
    void indexWithoutWeightMap() throws IOException {
        Path index = index("{\"metadata\": {}}");
        WeightsException e = assertThrows(WeightsException.class, () -> Checkpoint.open(dir));
        Messages.assertContains(e.getMessage(), index.toString(), "weight_map");
    }

    @Test
    void folderWithoutWeights() throws IOException {
        Files.writeString(dir.resolve("config.json"), "{}");
        WeightsException e = assertThrows(WeightsException.class, () -> Checkpoint.open(dir));
        Messages.assertContains(e.getMessage(), dir.toString(), "model.safetensors",
                "model.safetensors.index.json");
    }

    @Test
    void damagedShardNamesTheShard() throws IOException {
        Path bad = CraftedFiles.safetensors(dir.resolve("model.safetensors"),
                "{\"w\": {\"dtype\": \"I8\", \"shape\": [1], \"data_offsets\": [0, 1]}}", 1);
        WeightsException e = assertThrows(WeightsException.class, () -> Checkpoint.open(dir));
        Messages.assertContains(e.getMessage(), bad.toString(), "'w'", "I8");
    }

    @Test
    void tinyFixtureIsFloat32() throws IOException {
        Path model = shared().resolve("fixtures/tiny/model");
        try (Checkpoint checkpoint = Checkpoint.open(model)) {
            assertEquals(model.resolve("model.safetensors"), checkpoint.fileOf("vision_encoder.pos_embed"));
            TensorInfo pos = checkpoint.info("vision_encoder.pos_embed");
            assertEquals(TensorDtype.F32, pos.dtype());
            assertArrayEquals(new long[] {1, 64, 64, 64}, pos.shape());
            assertArrayEquals(new long[] {1, 32}, checkpoint.info("mask_decoder.iou_token.weight").shape());

            float[] iou = checkpoint.readFloats("mask_decoder.iou_token.weight");
            TensorInfo info = checkpoint.info("mask_decoder.iou_token.weight");
            byte[] raw = rawBytes(checkpoint.fileOf(info.name()), info, 5 * 4, 4);
            int bits = (raw[0] & 0xff) | (raw[1] & 0xff) << 8 | (raw[2] & 0xff) << 16 | (raw[3] & 0xff) << 24;
            assertEquals(Float.intBitsToFloat(bits), iou[5]);
        }
    }

    @Test
    void baseFixtureIsFloat16AndWidensCorrectly() throws IOException {
        try (Checkpoint checkpoint = Checkpoint.open(shared().resolve("fixtures/base/model"))) {
            assertEquals(checkpoint.names().stream().sorted().toList(), checkpoint.names());
            TensorInfo iou = checkpoint.info("mask_decoder.iou_token.weight");
            assertEquals(TensorDtype.F16, iou.dtype());
            assertArrayEquals(new long[] {1, 256}, iou.shape());
            assertArrayEquals(new long[] {1, 64, 64, 64}, checkpoint.info("vision_encoder.pos_embed").shape());

            float[] values = checkpoint.readFloats(iou.name());
            assertEquals(256, values.length);
            for (float value : values) {
                assertTrue(Float.isFinite(value));
            }
            int element = 17;
            byte[] raw = rawBytes(checkpoint.fileOf(iou.name()), iou, element * 2, 2);
            int bits = (raw[0] & 0xff) | (raw[1] & 0xff) << 8;
            assertEquals(byHand(bits), values[element], 0.0);
        }
    }

    /** binary16 to a number by its definition, independent of Float16. */
    private static double byHand(int bits) {
        int exponent = (bits >> 10) & 0x1f;
        int mantissa = bits & 0x3ff;
        double magnitude = exponent == 0
                ? mantissa * Math.pow(2, -24)
                : (1 + mantissa / 1024.0) * Math.pow(2, exponent - 15);
        return (bits & 0x8000) != 0 ? -magnitude : magnitude;
    }

    /** {@code length} bytes of a tensor's data, read straight from the file. */
    private static byte[] rawBytes(Path file, TensorInfo info, int offsetInTensor, int length) throws IOException {
        byte[] bytes = Files.readAllBytes(file); // fixtures are a few MB
        long headerLength = 0;
        for (int i = 7; i >= 0; i--) {
            headerLength = headerLength << 8 | (bytes[i] & 0xff);
        }
        int start = (int) (8 + headerLength + info.begin() + offsetInTensor);
        return Arrays.copyOfRange(bytes, start, start + length);
    }

    private static Path shared() {
        return Path.of(System.getProperty("meander.shared"));
    }

    private void shard(String fileName, String... tensors) throws IOException {
        Map<String, FloatTensor> content = new TreeMap<>();
        for (String tensor : tensors) {
            content.put(tensor, new FloatTensor(new long[] {3}, valuesOf(tensor)));
        }
        SafetensorsWriter.write(dir.resolve(fileName), content, Map.of("format", "pt"), TensorDtype.F32);
    }

    /** Distinct values per tensor name, so a tensor read from the wrong place shows. */
    private static float[] valuesOf(String tensor) {
        float base = tensor.hashCode() % 1000;
        return new float[] {base, base + 0.5f, base - 0.25f};
    }

    private Path index(String json) throws IOException {
        return Files.writeString(dir.resolve("model.safetensors.index.json"), json);
    }
}
