package org.meander.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files beyond 2 GiB, and the handles that reading leaves open. */
class LargeFileTest {

    @TempDir
    Path dir;

    @Test
    void readsATensorLyingBeyondTwoGibibytes() throws IOException {
        // A sparse file: 2.2 GB long, but only the header and the one small tensor occupy disk space.
        long begin = (1L << 31) + 123_456_788; // not page aligned, past what an int offset could address
        float[] values = {1.5f, -2.25f, Float.NaN, 1e30f};
        String header = "{\"far\": {\"dtype\": \"F32\", \"shape\": [2, 2], \"data_offsets\": [" + begin + ", "
                + (begin + 16) + "]}, \"near\": {\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": [0, 4]}}";
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        Path file = dir.resolve("huge.safetensors");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(8 + json.length + begin + 16 + 1000);
            ByteBuffer head = ByteBuffer.allocate(8 + json.length + 4).order(ByteOrder.LITTLE_ENDIAN);
            head.putLong(json.length).put(json).putFloat(7f);
            raf.write(head.array());
            ByteBuffer data = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            for (float value : values) {
                data.putFloat(value);
            }
            raf.seek(8 + json.length + begin);
            raf.write(data.array());
        }
        assertTrue(Files.size(file) > (1L << 31));

        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            assertEquals(begin, st.info("far").begin());
            assertArrayEquals(values, st.readFloats("far"));
            assertArrayEquals(new float[] {7f}, st.readFloats("near"));
        }
    }

    @Test
    void leavesNoFileHandlesOpen() throws IOException {
        Path fds = Path.of("/proc/self/fd");
        assumeTrue(Files.isDirectory(fds), "needs /proc to count open files");
        Path good = dir.resolve("good.safetensors");
        SafetensorsWriter.write(good, Map.of("w", new FloatTensor(new long[] {3}, new float[] {1, 2, 3})), Map.of(),
                TensorDtype.F16);
        Path bad = CraftedFiles.safetensors(dir.resolve("bad.safetensors"),
                "{\"w\": {\"dtype\": \"I16\", \"shape\": [1], \"data_offsets\": [0, 8]}}", 8);
        Path npy = dir.resolve("x.npy");
        NpyFile.write(npy, new long[] {2}, new float[] {1, 2});
        openReadAndFail(good, bad, npy); // first round loads classes, which may open jar files for good

        int before = count(fds);
        int rounds = 50;
        for (int i = 0; i < rounds; i++) {
            openReadAndFail(good, bad, npy);
        }
        // One leaked handle per round would show as dozens; allow a few for unrelated JVM activity.
        assertTrue(count(fds) - before < 5, () -> "open files grew from " + before);
    }

    private static void openReadAndFail(Path good, Path bad, Path npy) throws IOException {
        try (SafetensorsFile st = SafetensorsFile.open(good)) {
            st.readFloats("w");
        }
        assertThrows(WeightsException.class, () -> SafetensorsFile.open(bad));
        assertEquals(2, NpyFile.read(npy).data().length);
    }

    private static int count(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return (int) entries.count();
        }
    }
}
