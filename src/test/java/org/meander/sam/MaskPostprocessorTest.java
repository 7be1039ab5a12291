package org.meander.sam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.meander.testing.Fixtures;
import org.meander.weights.SafetensorsFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MaskPostprocessorTest {

    private static final int LOW_RES = 256;

    /** The fixtures' tolerance: a float32 reimplementation may differ from transformers only where a logit is ~0. */
    private static final float NEAR_ZERO = 1e-3f;

    /** Every (prompt, mask) of every case of every image: transformers' post_process_masks, bit for bit. */
    @ParameterizedTest
    @ValueSource(strings = {"tiny", "base"})
    void binaryMasksMatchTransformers(String fixture) throws IOException {
        Path dir = Fixtures.fixture(fixture);
        JsonNode reference = new ObjectMapper().readTree(dir.resolve("reference.json").toFile());
        int masksChecked = 0;
        for (JsonNode image : reference.get("images")) {
            String name = image.get("image").asText().replace(".png", "");
            ImageSize original = size(image.get("original_size"));
            ImageSize resized = size(image.get("resized"));
            try (SafetensorsFile tensors = SafetensorsFile.open(dir.resolve("reference_" + name + ".safetensors"))) {
                for (JsonNode c : image.get("cases")) {
                    String prefix = fixture + "/" + name + "/" + c.get("name").asText() + "/";
                    float[] lowRes = tensors.readFloats(prefix + "pred_masks");
                    byte[] packed = bytes(tensors.readFloats(prefix + "masks_packed"));
                    int masks = c.get("masks_shape").get(0).asInt() * c.get("masks_shape").get(1).asInt();
                    assertEquals(original, size(c.get("masks_shape"), 2), prefix + " masks are at the original size");
                    for (int m = 0; m < masks; m++) {
                        float[] one = Arrays.copyOfRange(lowRes, m * LOW_RES * LOW_RES, (m + 1) * LOW_RES * LOW_RES);
                        assertMatches(prefix + m, packed, m * original.pixels(), one, resized, original);
                        masksChecked++;
                    }
                }
            }
        }
        assertTrue(masksChecked > 0, "no cases in " + dir.resolve("reference.json"));
    }

    @Test
    void binaryMaskIsTheThresholdedLogits() {
        float[] lowRes = new float[LOW_RES * LOW_RES];
        for (int i = 0; i < lowRes.length; i++) {
            lowRes[i] = (float) Math.sin(i * 0.001) - 0.2f;
        }
        ImageSize resized = new ImageSize(768, 1024);
        ImageSize original = new ImageSize(480, 640);
        float[] logits = MaskPostprocessor.upscaleLogits(lowRes, LOW_RES, resized, original);
        byte[] mask = MaskPostprocessor.toBinaryMask(lowRes, LOW_RES, resized, original);
        assertEquals(original.pixels(), mask.length);
        for (int i = 0; i < mask.length; i++) {
            assertEquals(logits[i] > 0 ? 1 : 0, mask[i]);
        }
    }

    private static void assertMatches(String what, byte[] packed, int offset, float[] lowRes,
                                      ImageSize resized, ImageSize original) {
        float[] logits = MaskPostprocessor.upscaleLogits(lowRes, LOW_RES, resized, original);
        byte[] mask = MaskPostprocessor.toBinaryMask(lowRes, LOW_RES, resized, original);
        for (int i = 0; i < mask.length; i++) {
            int bit = offset + i;
            int expected = (packed[bit >>> 3] >>> (7 - (bit & 7))) & 1; // numpy packbits: first pixel in the MSB
            if (mask[i] != expected) {
                assertTrue(Math.abs(logits[i]) < NEAR_ZERO, what + ": pixel " + i + " differs with logit " + logits[i]);
            }
        }
    }

    /** U8 values, which readFloats widens to 0..255, back to the packed bytes they are. */
    private static byte[] bytes(float[] u8) {
        byte[] packed = new byte[u8.length];
        for (int i = 0; i < u8.length; i++) {
            packed[i] = (byte) (int) u8[i];
        }
        return packed;
    }

    private static ImageSize size(JsonNode array) {
        return size(array, 0);
    }

    private static ImageSize size(JsonNode array, int from) {
        return new ImageSize(array.get(from).asInt(), array.get(from + 1).asInt());
    }
}
