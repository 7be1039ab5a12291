package org.meander.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meander.sam.SamModel;
import org.meander.testing.Fixtures;
import org.meander.weights.Checkpoint;
import org.meander.weights.FloatTensor;
import org.meander.weights.SafetensorsWriter;
import org.meander.weights.TensorDtype;
import org.meander.weights.SamLoader;

/**
 * The cache key's model half: the tiny model's fingerprint is stable, ignores the mask decoder (a fine-tuned
 * decoder shares its base model's embeddings) and changes with any vision-encoder weight.
 */
class EncoderFingerprintTest {

    static final Path TINY = Fixtures.model("tiny");

    @TempDir
    Path dir;

    static String fingerprint(Path modelDir) throws IOException {
        try (SamModel model = SamLoader.load(modelDir)) {
            return model.encoderFingerprint();
        }
    }

    /** A copy of the tiny model with the first tensor whose name starts with prefix nudged by 1e-3. */
    Path copyWithChanged(String prefix) throws IOException {
        Path copy = Files.createDirectories(dir.resolve(prefix.replace('.', '_')));
        Files.copy(TINY.resolve("config.json"), copy.resolve("config.json"));
        Map<String, FloatTensor> tensors = new TreeMap<>();
        String changed = null;
        try (Checkpoint checkpoint = Checkpoint.open(TINY)) {
            for (String name : checkpoint.names()) {
                float[] values = checkpoint.readFloats(name);
                if (changed == null && name.startsWith(prefix)) {
                    values[0] += 1e-3f;
                    changed = name;
                }
                tensors.put(name, new FloatTensor(checkpoint.info(name).shape(), values));
            }
        }
        assertTrue(changed != null, "the tiny model has a " + prefix + " tensor");
        SafetensorsWriter.write(copy.resolve("model.safetensors"), tensors, Map.of("format", "pt"), TensorDtype.F32);
        return copy;
    }

    @Test
    void fingerprintIsStableAndAFolderName() throws IOException {
        String first = fingerprint(TINY);
        assertEquals(first, fingerprint(TINY));
        assertTrue(first.matches("[0-9a-f]{16}"), first);
    }

    @Test
    void aChangedDecoderKeepsTheFingerprint() throws IOException {
        assertEquals(fingerprint(TINY), fingerprint(copyWithChanged("mask_decoder.")));
    }

    @Test
    void aChangedVisionEncoderChangesTheFingerprint() throws IOException {
        assertNotEquals(fingerprint(TINY), fingerprint(copyWithChanged("vision_encoder.")));
    }
}
