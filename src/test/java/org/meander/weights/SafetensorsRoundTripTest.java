package org.meander.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files written by SafetensorsWriter and read back by SafetensorsFile. */
class SafetensorsRoundTripTest {

    private static final float INF = Float.POSITIVE_INFINITY;
    private static final float[] AWKWARD = {1.0f, -2.5f, 65504f, 70000f, 0x1p-24f, 3 * 0x1p-25f, 1 + 0x1p-11f,
            INF, -INF, Float.NaN, -0.0f};

    @TempDir
    Path dir;

    @Test
    void float32KeepsEverythingExactly() throws IOException {
        Path file = dir.resolve("model.safetensors");
        float[] values = {1.5f, -0.0f, Float.MIN_VALUE, Float.MAX_VALUE, INF, Float.NaN};
        SafetensorsWriter.write(file, Map.of(
                "b.weight", new FloatTensor(new long[] {2, 3}, values),
                "a.bias", new FloatTensor(new long[] {2}, new float[] {7, 8})),
                Map.of("format", "pt"), TensorDtype.F32);

        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            assertEquals(file, st.path());
            assertEquals(List.of("a.bias", "b.weight"), st.names());
            assertEquals(Map.of("format", "pt"), st.metadata());
            assertTrue(st.contains("a.bias"));
            assertFalse(st.contains("c"));
            assertEquals(new TensorInfo("a.bias", TensorDtype.F32, new long[] {2}, 0, 8), st.info("a.bias"));
            assertEquals(new TensorInfo("b.weight", TensorDtype.F32, new long[] {2, 3}, 8, 32), st.info("b.weight"));
            assertEquals(6, st.info("b.weight").elementCount());
            assertArrayEquals(values, st.readFloats("b.weight"));
            assertArrayEquals(new float[] {7, 8}, st.readFloats("a.bias"));
        }
    }

    @Test
    void float16RoundsToNearestEven() throws IOException {
        float[] expected = {1.0f, -2.5f, 65504f, INF, 0x1p-24f, 2 * 0x1p-24f, 1.0f, INF, -INF, Float.NaN, -0.0f};
        assertArrayEquals(expected, writeAndRead(AWKWARD, TensorDtype.F16));
    }

    @Test
    void bfloat16RoundsToNearestEven() throws IOException {
        float[] values = {1.0f, 1 + 0x1p-8f, 1 + 3 * 0x1p-8f, -3.0f, Float.MAX_VALUE, INF, Float.NaN,
                Float.intBitsToFloat(0x00012345), Float.intBitsToFloat(0x0001c000)}; // two float32 subnormals
        float[] expected = {1.0f, 1.0f, 1 + 0x1p-6f, -3.0f, INF, INF, Float.NaN,
                Float.intBitsToFloat(0x00010000), Float.intBitsToFloat(0x00020000)};
        assertArrayEquals(expected, writeAndRead(values, TensorDtype.BF16));
    }

    @Test
    void halfPrecisionIsStoredLittleEndianAfterAnAlignedHeader() throws IOException {
        Path file = dir.resolve("half.safetensors");
        SafetensorsWriter.write(file, Map.of("x", new FloatTensor(new long[] {2}, new float[] {1.0f, -2.0f})),
                Map.of(), TensorDtype.F16);

        byte[] bytes = Files.readAllBytes(file);
        long headerLength = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(0, headerLength % 8, "the data section must start 8-byte aligned");
        assertEquals(8 + headerLength + 4, bytes.length);
        int data = (int) (8 + headerLength);
        assertArrayEquals(new byte[] {0x00, 0x3c, 0x00, (byte) 0xc0},
                new byte[] {bytes[data], bytes[data + 1], bytes[data + 2], bytes[data + 3]});
        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            assertEquals(Map.of(), st.metadata(), "no metadata entry was written");
            assertEquals(TensorDtype.F16, st.info("x").dtype());
        }
    }

    @Test
    void scalarsEmptyTensorsAndTensorsLargerThanTheWriteBufferSurvive() throws IOException {
        float[] large = new float[700_000]; // 2.8 MB as F32: spans several write chunks
        for (int i = 0; i < large.length; i++) {
            large[i] = i * 0.5f;
        }
        Path file = dir.resolve("shapes.safetensors");
        SafetensorsWriter.write(file, Map.of(
                "scalar", new FloatTensor(new long[0], new float[] {42}),
                "empty", new FloatTensor(new long[] {3, 0}, new float[0]),
                "large", new FloatTensor(new long[] {700, 1000}, large)), Map.of(), TensorDtype.F32);

        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            assertArrayEquals(new float[] {42}, st.readFloats("scalar"));
            assertArrayEquals(new long[0], st.info("scalar").shape());
            assertArrayEquals(new float[0], st.readFloats("empty"));
            assertArrayEquals(new long[] {3, 0}, st.info("empty").shape());
            assertArrayEquals(large, st.readFloats("large"));
        }
    }

    private float[] writeAndRead(float[] values, TensorDtype dtype) throws IOException {
        Path file = dir.resolve(dtype + ".safetensors");
        SafetensorsWriter.write(file, Map.of("t", new FloatTensor(new long[] {values.length}, values)), Map.of(),
                dtype);
        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            assertEquals(dtype, st.info("t").dtype());
            assertEquals(values.length * 2L, st.info("t").end() - st.info("t").begin());
            return st.readFloats("t");
        }
    }
}
