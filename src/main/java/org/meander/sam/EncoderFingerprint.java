package org.meander.sam;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Identifies what an image embedding depends on: the vision encoder's config and weights (SHA-256 over them, in
 * name order). A fine-tuned decoder keeps its base model's fingerprint, so cached embeddings stay valid; any change
 * to the encoder changes it.
 */
public final class EncoderFingerprint {

    private final MessageDigest digest;

    public EncoderFingerprint(VisionConfig config) {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256", e);
        }
        digest.update(config.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Adds one vision-encoder tensor; call in name order. */
    public void add(String name, float[] values) {
        digest.update(name.getBytes(StandardCharsets.UTF_8));
        ByteBuffer bytes = ByteBuffer.allocate(Math.min(values.length, 1 << 20) * Float.BYTES)
                .order(ByteOrder.LITTLE_ENDIAN);
        for (int start = 0; start < values.length; start += bytes.capacity() / Float.BYTES) {
            int end = Math.min(values.length, start + bytes.capacity() / Float.BYTES);
            bytes.clear();
            bytes.asFloatBuffer().put(values, start, end - start);
            bytes.limit((end - start) * Float.BYTES);
            digest.update(bytes);
        }
    }

    /** The fingerprint: 16 hex digits, short enough for a folder name. */
    public String finish() {
        return HexFormat.of().formatHex(digest.digest(), 0, 8);
    }

    /** Whether a checkpoint tensor belongs to the vision encoder. */
    public static boolean covers(String tensorName) {
        return tensorName.startsWith("vision_encoder.");
    }
}
