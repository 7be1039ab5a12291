package org.meander.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meander.sam.ImageEmbedding;

/**
 * A damaged cache file is never used: it is detected on load (checksum, size, metadata), deleted, reported as a
 * miss, and the queue computes the embedding again.
 */
class CacheCorruptionTest {

    static final String FP = "00000000cafebabe";
    static final int C = 8;
    static final int SIDE = 16;

    @TempDir
    Path project;
    Path tile;
    Path otherTile;
    TileKey key;
    Path file;

    @BeforeEach
    void storeOne() throws IOException {
        Files.createDirectories(project.resolve("tiles"));
        tile = Files.writeString(project.resolve("tiles").resolve("a.png"), "tile a");
        otherTile = Files.writeString(project.resolve("tiles").resolve("b.png"), "tile b");
        EmbeddingCache cache = new EmbeddingCache(project, FP, 64L << 20);
        key = cache.keyOf(tile);
        cache.store(key, FakeEncoder.seeded(7, C, SIDE));
        file = cache.fileOf(key);
        assertTrue(new EmbeddingCache(project, FP, 64L << 20).load(key).isPresent(), "intact before damage");
    }

    /** A fresh cache (cold memory, as after a restart) must refuse and delete the file. */
    void assertRejectedAndDeleted() throws IOException {
        EmbeddingCache cold = new EmbeddingCache(project, FP, 64L << 20);
        assertTrue(cold.load(key).isEmpty(), "a damaged file must read as a miss");
        assertFalse(Files.exists(file), "a damaged file must be deleted");
        assertEquals(0, cold.memoryBytes(), "nothing from a damaged file goes to memory");
    }

    @Test
    void flippedDataByteFailsTheChecksum() throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int at = bytes.length - 2 * 100 - 1; // the high byte of a float16 value near the end
        bytes[at] ^= 0x04;
        Files.write(file, bytes);
        assertRejectedAndDeleted();
    }

    @Test
    void flippedLowBitFailsTheChecksum() throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 2 * SIDE * SIDE] ^= 0x01; // one ulp of one value: still a plausible number
        Files.write(file, bytes);
        assertRejectedAndDeleted();
    }

    @Test
    void truncatedFileIsRejected() throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 1000));
        assertRejectedAndDeleted();
    }

    @Test
    void fileCutInsideTheHeaderIsRejected() throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, 20));
        assertRejectedAndDeleted();
    }

    @Test
    void emptyFileIsRejected() throws IOException {
        Files.write(file, new byte[0]);
        assertRejectedAndDeleted();
    }

    @Test
    void garbageIsRejected() throws IOException {
        byte[] garbage = new byte[(int) Files.size(file)];
        new Random(3).nextBytes(garbage);
        Files.write(file, garbage);
        assertRejectedAndDeleted();
    }

    @Test
    void anotherTilesFileUnderThisNameIsRejected() throws IOException {
        EmbeddingCache cache = new EmbeddingCache(project, FP, 64L << 20);
        TileKey other = cache.keyOf(otherTile);
        cache.store(other, FakeEncoder.seeded(8, C, SIDE));
        Files.copy(cache.fileOf(other), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertRejectedAndDeleted();
        assertTrue(Files.exists(cache.fileOf(other)), "the other tile's own file is fine");
    }

    @Test
    void anotherModelsFileUnderThisNameIsRejected() throws IOException {
        EmbeddingCache otherModel = new EmbeddingCache(project, "1111111111111111", 64L << 20);
        otherModel.store(key, FakeEncoder.seeded(9, C, SIDE));
        Files.copy(otherModel.fileOf(key), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertRejectedAndDeleted();
    }

    @Test
    void alteredImageSizeInTheHeaderIsRejected() throws IOException {
        // the sizes map prompts to the model's frame: a wrong one would silently misplace every click
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("\"480x640\"");
        assertTrue(at > 0, "the header names the original size");
        bytes[at + 3] = '1'; // 480x640 -> 481x640, same length, still valid JSON
        Files.write(file, bytes);
        assertRejectedAndDeleted();
    }

    @Test
    void theQueueComputesADamagedEntryAgain() throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 3] ^= 0x10;
        Files.write(file, bytes);

        FakeEncoder encoder = new FakeEncoder(C, SIDE);
        EmbeddingCache cache = new EmbeddingCache(project, FP, 64L << 20);
        try (EncodingQueue queue = new EncodingQueue(encoder, cache)) {
            queue.submit(List.of(tile));
            queue.awaitIdle();
            assertEquals(List.of(tile), encoder.calls, "the damaged entry is encoded again, not used");
            EncodingProgress p = queue.progress();
            assertEquals(1, p.encoded());
            assertEquals(0, p.fromCache());
        }
        ImageEmbedding again = new EmbeddingCache(project, FP, 64L << 20).load(key).orElseThrow();
        ImageEmbedding expected = FakeEncoder.embeddingOf(Files.readAllBytes(tile), C, SIDE);
        assertEquals(expected.values()[5], again.values()[5], Math.abs(expected.values()[5]) * 1e-3);
    }
}
