package org.meander.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meander.testing.Messages;

/** Writers replace a file completely or not at all, and leave no temporary files behind. */
class AtomicWriteTest {

    private static final Map<String, FloatTensor> ONE =
            Map.of("w", new FloatTensor(new long[] {2}, new float[] {1, 2}));

    @TempDir
    Path dir;

    @Test
    void writingLeavesOnlyTheTarget() throws IOException {
        Path file = dir.resolve("model.safetensors");
        SafetensorsWriter.write(file, ONE, Map.of(), TensorDtype.F32);
        NpyFile.write(dir.resolve("x.npy"), new long[] {2}, new float[] {1, 2});
        assertEquals(List.of("model.safetensors", "x.npy"), CraftedFiles.listing(dir));
    }

    @Test
    void overwritingReplacesTheContent() throws IOException {
        Path file = dir.resolve("model.safetensors");
        SafetensorsWriter.write(file, ONE, Map.of(), TensorDtype.F32);
        SafetensorsWriter.write(file, Map.of("w", new FloatTensor(new long[] {1}, new float[] {9})), Map.of(),
                TensorDtype.F16);
        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            assertArrayEquals(new float[] {9}, st.readFloats("w"));
        }
        assertEquals(List.of("model.safetensors"), CraftedFiles.listing(dir));
    }

    @Test
    void dataThatDoesNotMatchItsShapeIsRejectedBeforeAnyWriting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FloatTensor(new long[] {2, 3}, new float[5]));
        Messages.assertContains(e.getMessage(), "[2, 3]", "6", "5");
        assertThrows(IllegalArgumentException.class,
                () -> NpyFile.write(dir.resolve("x.npy"), new long[] {4}, new float[3]));
        assertThrows(IllegalArgumentException.class, () -> new FloatTensor(new long[] {-1, -1}, new float[1]));
    }

    @Test
    void rejectedInputLeavesTheOldFileIntact() throws IOException {
        Path file = dir.resolve("model.safetensors");
        SafetensorsWriter.write(file, ONE, Map.of(), TensorDtype.F32);
        byte[] before = Files.readAllBytes(file);

        Map<String, FloatTensor> reservedName = Map.of("__metadata__", ONE.get("w"));
        WeightsException reserved = assertThrows(WeightsException.class,
                () -> SafetensorsWriter.write(file, reservedName, Map.of(), TensorDtype.F32));
        Messages.assertContains(reserved.getMessage(), file.toString(), "__metadata__");

        Map<String, FloatTensor> withNull = new HashMap<>(ONE);
        withNull.put("decoder.bias", null);
        WeightsException missing = assertThrows(WeightsException.class,
                () -> SafetensorsWriter.write(file, withNull, Map.of(), TensorDtype.F32));
        Messages.assertContains(missing.getMessage(), file.toString(), "decoder.bias");

        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(List.of("model.safetensors"), CraftedFiles.listing(dir));
    }

    @Test
    void failureAfterWritingRemovesTheTemporaryFileAndKeepsTheTarget() throws IOException {
        Path target = dir.resolve("model.safetensors");
        Files.writeString(target, "old");

        IOException e = assertThrows(IOException.class, () -> AtomicFile.replace(target, channel -> {
            channel.write(ByteBuffer.wrap(new byte[4096]));
            throw new IOException("No space left on device");
        }));

        assertEquals("No space left on device", e.getMessage());
        assertEquals(List.of("model.safetensors"), CraftedFiles.listing(dir));
        assertEquals("old", Files.readString(target));
    }

    @Test
    void aFolderInTheTargetsPlaceIsNamedAndKept() throws IOException {
        Path target = Files.createDirectory(dir.resolve("model.safetensors"));
        Files.writeString(target.resolve("keep.txt"), "old");

        IOException e = assertThrows(IOException.class,
                () -> SafetensorsWriter.write(target, ONE, Map.of(), TensorDtype.F32));
        assertThrows(IOException.class, () -> NpyFile.write(target, new long[] {1}, new float[] {1}));

        assertEquals(target + ": is a folder; give the name of a file to write", e.getMessage());
        assertEquals(List.of("model.safetensors"), CraftedFiles.listing(dir));
        assertEquals("old", Files.readString(target.resolve("keep.txt")));
    }

    @Test
    void aMissingFolderIsNamed() {
        Path target = dir.resolve("no/such/place/x.npy");

        IOException e = assertThrows(IOException.class,
                () -> NpyFile.write(target, new long[] {1}, new float[] {1}));

        assertEquals(target + ": the folder " + target.getParent() + " does not exist; create it first",
                e.getMessage());
    }
}
