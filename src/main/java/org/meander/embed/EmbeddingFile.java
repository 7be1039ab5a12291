package org.meander.embed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.CRC32C;
import org.meander.sam.ImageEmbedding;
import org.meander.sam.ImageSize;
import org.meander.weights.FloatTensor;
import org.meander.weights.Float16;
import org.meander.weights.SafetensorsFile;
import org.meander.weights.SafetensorsWriter;
import org.meander.weights.TensorDtype;

/**
 * One cached embedding on disk: a float16 safetensors file (2 MB for SAM's 256 x 64 x 64) with the sizes needed to
 * use it, the model fingerprint and tile hash it belongs to, and a CRC-32C of the image sizes and the float16 data
 * (the sizes place every prompt: a damaged one must not go unnoticed).
 */
final class EmbeddingFile {

    static final String TENSOR = "image_embedding";
    static final String FORMAT = "meander-embedding-2";

    private EmbeddingFile() {
    }

    /** Writes atomically: a crash or a full disk leaves the old file or none, never a partial one. */
    static void write(Path file, ImageEmbedding embedding, String modelFingerprint, TileKey tile)
            throws IOException {
        float[] values = embedding.values();
        String original = embedding.original().height() + "x" + embedding.original().width();
        String resized = embedding.resized().height() + "x" + embedding.resized().width();
        Map<String, String> metadata = Map.of(
                "format", FORMAT,
                "model_fingerprint", modelFingerprint,
                "tile_sha256", tile.sha256(),
                "original_size", original,
                "resized_size", resized,
                "crc32c", checksum(original, resized, values));
        long side = embedding.side();
        SafetensorsWriter.write(file, Map.of(TENSOR, new FloatTensor(new long[] {1, embedding.channels(), side, side},
                values)), metadata, TensorDtype.F16);
    }

    /** Reads and verifies; CorruptCacheFileException when the file cannot be trusted. */
    /** The embedding as a file holds it: every value rounded to float16. */
    static ImageEmbedding asStored(ImageEmbedding embedding) {
        float[] values = embedding.values();
        float[] rounded = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            rounded[i] = Float16.toFloat(Float16.fromFloat(values[i]));
        }
        return new ImageEmbedding(rounded, embedding.channels(), embedding.side(), embedding.original(),
                embedding.resized());
    }

    static ImageEmbedding read(Path file, String modelFingerprint, TileKey tile) throws IOException {
        try (SafetensorsFile f = SafetensorsFile.open(file)) {
            Map<String, String> meta = f.metadata();
            if (!FORMAT.equals(meta.get("format")) || !modelFingerprint.equals(meta.get("model_fingerprint"))
                    || !tile.sha256().equals(meta.get("tile_sha256")) || !f.contains(TENSOR)) {
                throw new CorruptCacheFileException(file + ": not this tile's embedding for this model");
            }
            long[] shape = f.info(TENSOR).shape();
            float[] values = f.readFloats(TENSOR);
            if (!checksum(meta.get("original_size"), meta.get("resized_size"), values).equals(meta.get("crc32c"))) {
                throw new CorruptCacheFileException(file + ": checksum mismatch, the file is damaged");
            }
            return new ImageEmbedding(values, (int) shape[1], (int) shape[2],
                    size(meta.get("original_size"), file), size(meta.get("resized_size"), file));
        } catch (CorruptCacheFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // truncated, lying header, unknown dtype: all mean the file is not usable
            throw new CorruptCacheFileException(file + ": unreadable (" + e.getMessage() + ")");
        }
    }

    /** CRC-32C of the sizes as written in the metadata, then of the values as float16, the bytes the file holds. */
    private static String checksum(String original, String resized, float[] values) {
        CRC32C crc = new CRC32C();
        crc.update((original + ";" + resized + ";").getBytes(StandardCharsets.UTF_8));
        byte[] chunk = new byte[8192];
        int filled = 0;
        for (float v : values) {
            short half = Float16.fromFloat(v);
            chunk[filled++] = (byte) half;
            chunk[filled++] = (byte) (half >> 8);
            if (filled == chunk.length) {
                crc.update(chunk, 0, filled);
                filled = 0;
            }
        }
        crc.update(chunk, 0, filled);
        return HexFormat.of().toHexDigits((int) crc.getValue());
    }

    private static ImageSize size(String text, Path file) throws CorruptCacheFileException {
        String[] parts = text == null ? new String[0] : text.split("x");
        if (parts.length != 2) {
            throw new CorruptCacheFileException(file + ": metadata lacks the image sizes");
        }
        return new ImageSize(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    }
}
