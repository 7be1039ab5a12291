package org.meander.weights;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.meander.testing.Messages.assertContains;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Damaged and foreign files must fail at open with a message that names the file and tensor and helps. */
class SafetensorsValidationTest {

    @TempDir
    Path dir;

    @Test
    void fileTooShortForTheLengthField() throws IOException {
        Path file = Files.write(dir.resolve("short.safetensors"), new byte[] {1, 2, 3});
        assertMessage(file, "short.safetensors", "truncated");
    }

    @Test
    void headerLengthBeyondTheFile() throws IOException {
        Path file = CraftedFiles.withLengthField(dir.resolve("cut.safetensors"), 5000,
                "{\"a\":".getBytes(StandardCharsets.UTF_8));
        assertMessage(file, "cut.safetensors", "5000", "truncated", "download it again");
    }

    @Test
    void absurdHeaderLength() throws IOException {
        Path file = CraftedFiles.withLengthField(dir.resolve("photo.safetensors"), 200_000_000L, new byte[16]);
        assertMessage(file, "photo.safetensors", "200000000", "not a safetensors file");
        Path huge = CraftedFiles.withLengthField(dir.resolve("negative.safetensors"), -1, new byte[16]);
        assertMessage(huge, "negative.safetensors", "18446744073709551615");
    }

    @Test
    void headerThatIsNotJson() throws IOException {
        Path file = CraftedFiles.safetensors(dir.resolve("text.safetensors"), "hello, world", 0);
        assertMessage(file, "text.safetensors", "not valid JSON");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1, 2]", "\"x\"", "", "{\"a\": {\"dtype\": \"F32\", \"shape\": [], "
            + "\"data_offsets\": [0, 4]}} {}"})
    void headerThatIsNotOneJsonObject(String header) throws IOException {
        Path file = CraftedFiles.safetensors(dir.resolve("odd.safetensors"), header, 4);
        assertMessage(file, "odd.safetensors", "JSON");
    }

    @Test
    void tensorNamedTwice() throws IOException {
        Path file = CraftedFiles.safetensors(dir.resolve("twice.safetensors"),
                "{\"w\": " + entry("F32", "[1]", 0, 4) + ", \"w\": " + entry("F32", "[1]", 4, 8) + "}", 8);
        assertMessage(file, "twice.safetensors", "'w'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dtype", "shape", "data_offsets"})
    void tensorEntryMissingAField(String field) throws IOException {
        String complete = "{\"dtype\": \"F32\", \"shape\": [2], \"data_offsets\": [0, 8]}";
        String incomplete = complete.replaceFirst("\"" + field + "\": (\"F32\"|\\[[0-9, ]*\\])(, )?", "")
                .replace(", }", "}");
        Path file = CraftedFiles.safetensors(dir.resolve("partial.safetensors"),
                "{\"enc.weight\": " + incomplete + "}", 8);
        assertMessage(file, "partial.safetensors", "enc.weight", "'" + field + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"I32", "I8", "U16", "f32"})
    void unsupportedDtype(String dtype) throws IOException {
        Path file = CraftedFiles.safetensors(dir.resolve("double.safetensors"),
                "{\"enc.weight\": " + entry(dtype, "[1]", 0, 8) + "}", 8);
        assertMessage(file, "double.safetensors", "enc.weight", dtype, "F32, F16, BF16, F64, I64, U8");
    }

    @Test
    void negativeDimension() throws IOException {
        Path file = CraftedFiles.safetensors(dir.resolve("neg.safetensors"),
                "{\"enc.weight\": " + entry("F32", "[2, -3]", 0, 8) + "}", 8);
        assertMessage(file, "neg.safetensors", "enc.weight", "[2, -3]", "negative");
    }

    @Test
    void shapeThatIsNotAListOfIntegers() throws IOException {
        Path file = CraftedFiles.safetensors(dir.resolve("float-shape.safetensors"),
                "{\"enc.weight\": " + entry("F32", "[2.5]", 0, 8) + "}", 8);
        assertMessage(file, "float-shape.safetensors", "enc.weight", "shape");
    }

    @Test
    void endBeforeBegin() throws IOException {
        Path file = CraftedFiles.safetensors(dir.resolve("backwards.safetensors"),
                "{\"enc.weight\": " + entry("F32", "[0]", 8, 4) + "}", 8);
        assertMessage(file, "backwards.safetensors", "enc.weight", "[8, 4]", "before");
    }

    @Test
    void offsetsThatDisagreeWithTheShape() throws IOException {
        Path file = CraftedFiles.safetensors(dir.resolve("mismatch.safetensors"),
                "{\"iou_token\": " + entry("F16", "[1, 32]", 0, 128) + "}", 128);
        assertMessage(file, "mismatch.safetensors", "iou_token",
                "header says shape [1, 32] F16 = 64 bytes but offsets give 128 bytes");
    }

    @Test
    void dataBeyondTheEndOfTheFile() throws IOException {
        Path file = CraftedFiles.safetensors(dir.resolve("partial-download.safetensors"),
                "{\"a\": " + entry("F32", "[4]", 0, 16) + ", \"b\": " + entry("F32", "[4]", 16, 32) + "}", 20);
        assertMessage(file, "partial-download.safetensors", "'b'", "truncated", "Download it again");
    }

    @Test
    void overlappingTensors() throws IOException {
        Path file = CraftedFiles.safetensors(dir.resolve("overlap.safetensors"),
                "{\"a\": " + entry("F32", "[4]", 0, 16) + ", \"b\": " + entry("F32", "[2]", 24, 32)
                        + ", \"c\": " + entry("F32", "[4]", 12, 28) + "}", 32);
        assertMessage(file, "overlap.safetensors", "'a'", "'c'", "overlap");
    }

    @Test
    void emptyTensorsSharingAnOffsetAreNoOverlap() throws IOException {
        Path file = CraftedFiles.safetensors(dir.resolve("empties.safetensors"),
                "{\"a\": " + entry("F32", "[0]", 4, 4) + ", \"b\": " + entry("F32", "[2]", 0, 8) + "}", 8);
        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            assertTrue(st.contains("a"));
        }
    }

    @Test
    void metadataThatIsNotStrings() throws IOException {
        Path file = CraftedFiles.safetensors(dir.resolve("meta.safetensors"),
                "{\"__metadata__\": {\"epochs\": 3}}", 0);
        assertMessage(file, "meta.safetensors", "epochs", "not a string");
    }

    @Test
    void missingTensorNamesFileAndTensor() throws IOException {
        Path file = dir.resolve("model.safetensors");
        SafetensorsWriter.write(file, Map.of("a", new FloatTensor(new long[] {1}, new float[] {1})), Map.of(),
                TensorDtype.F32);
        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            WeightsException e = assertThrows(WeightsException.class, () -> st.readFloats("mask_decoder.x"));
            assertContains(e.getMessage(), file.toString(), "'mask_decoder.x'");
        }
    }

    private static String entry(String dtype, String shape, long begin, long end) {
        return "{\"dtype\": \"" + dtype + "\", \"shape\": " + shape + ", \"data_offsets\": [" + begin + ", " + end
                + "]}";
    }

    private static void assertMessage(Path file, String... expectedParts) {
        WeightsException e = assertThrows(WeightsException.class, () -> SafetensorsFile.open(file).close());
        assertContains(e.getMessage(), expectedParts);
    }
}
