package org.meander.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meander.sam.ImageEmbedding;
import org.meander.weights.Float16;

/** The disk and memory layers of the embedding cache, with synthetic embeddings. */
class EmbeddingCacheTest {

    static final String FP = "0123456789abcdef";
    static final int C = 8;
    static final int SIDE = 16;
    static final long BYTES = (long) C * SIDE * SIDE * Float.BYTES;

    @TempDir
    Path project;

    Path tile(String name, String content) throws IOException {
        Path tile = project.resolve("tiles").resolve(name);
        Files.createDirectories(tile.getParent());
        Files.writeString(tile, content);
        return tile;
    }

    static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void storeThenLoadFromDiskKeepsSizesAndFloat16Values() throws Exception {
        Path tile = tile("a.png", "tile a");
        ImageEmbedding stored = FakeEncoder.seeded(1, C, SIDE);
        EmbeddingCache writer = new EmbeddingCache(project, FP, 64L << 20);
        TileKey key = writer.keyOf(tile);
        writer.store(key, stored);

        // a fresh cache has nothing in memory: this load reads the file
        EmbeddingCache reader = new EmbeddingCache(project, FP, 64L << 20);
        assertTrue(reader.inMemory(key).isEmpty());
        ImageEmbedding loaded = reader.load(key).orElseThrow();
        assertEquals(C, loaded.channels());
        assertEquals(SIDE, loaded.side());
        assertEquals(stored.original(), loaded.original());
        assertEquals(stored.resized(), loaded.resized());
        float[] a = stored.values();
        float[] b = loaded.values();
        assertEquals(a.length, b.length);
        boolean rounded = false;
        for (int i = 0; i < a.length; i++) {
            assertEquals(Float16.toFloat(Float16.fromFloat(a[i])), b[i], 0f, "value " + i);
            assertEquals(a[i], b[i], Math.abs(a[i]) * 0x1p-11f + 0x1p-24f, "value " + i);
            rounded |= a[i] != b[i];
        }
        assertTrue(rounded, "the file holds float16, so some float32 values must come back rounded");
        // now it is hot
        assertTrue(reader.inMemory(key).isPresent());
        assertEquals(BYTES, reader.memoryBytes());
    }

    /** Java's own message for a file in the way is its path alone; the error says what is wrong with it. */
    @Test
    void aStoreThatCannotWriteSaysWhyInWords() throws Exception {
        Path tile = tile("a.png", "tile a");
        EmbeddingCache cache = new EmbeddingCache(project, FP, 64L << 20);
        Files.createDirectories(cache.directory().getParent());
        Files.writeString(cache.directory(), "a file where the cache's folder goes");
        TileKey key = cache.keyOf(tile);
        IOException failure = assertThrows(IOException.class, () -> cache.store(key, FakeEncoder.seeded(1, C, SIDE)));
        assertTrue(failure.getMessage().endsWith(cache.directory() + ": already exists"), failure.getMessage());
    }

    @Test
    void memoryHoldsWhatTheFileHolds() throws Exception {
        // a tile encoded in this session must decode as it will after a restart, when only the file is left
        Path tile = tile("a.png", "tile a");
        EmbeddingCache writer = new EmbeddingCache(project, FP, 64L << 20);
        TileKey key = writer.keyOf(tile);
        writer.store(key, FakeEncoder.seeded(1, C, SIDE));
        float[] hot = writer.inMemory(key).orElseThrow().values();
        float[] fromDisk = new EmbeddingCache(project, FP, 64L << 20).load(key).orElseThrow().values();
        assertArrayEquals(fromDisk, hot);
    }

    @Test
    void fileIsNamedByTileHashInTheFingerprintFolderAndHoldsTwoBytesAValue() throws Exception {
        Path tile = tile("a.png", "some pixels");
        EmbeddingCache cache = new EmbeddingCache(project, FP, 64L << 20);
        TileKey key = cache.keyOf(tile);
        assertEquals(sha256(Files.readAllBytes(tile)), key.sha256());
        cache.store(key, FakeEncoder.seeded(2, C, SIDE));

        Path folder = project.resolve("cache").resolve("embeddings").resolve(FP);
        assertEquals(folder, cache.directory());
        Path file = folder.resolve(key.sha256() + ".safetensors");
        assertTrue(Files.isRegularFile(file));
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(file), files.toList(), "one file per tile and no leftovers");
        }
        long values = (long) C * SIDE * SIDE;
        long size = Files.size(file);
        assertTrue(size >= 2 * values && size < 2 * values + 1024, "size " + size + " for " + values + " values");
    }

    @Test
    void memoryLayerAnswersWithoutTheFile() throws Exception {
        Path tile = tile("a.png", "a");
        EmbeddingCache cache = new EmbeddingCache(project, FP, 64L << 20);
        TileKey key = cache.keyOf(tile);
        ImageEmbedding stored = FakeEncoder.seeded(3, C, SIDE);
        cache.store(key, stored);
        Files.delete(cache.fileOf(key));

        assertTrue(cache.contains(key));
        ImageEmbedding hot = cache.load(key).orElseThrow();
        assertArrayEquals(EmbeddingFile.asStored(stored).values(), hot.values(), "memory keeps what the file held");
        assertTrue(new EmbeddingCache(project, FP, 64L << 20).load(key).isEmpty(), "nothing on disk");
    }

    @Test
    void memoryLayerEvictsTheLeastRecentlyUsedByBytes() throws Exception {
        EmbeddingCache cache = new EmbeddingCache(project, FP, 2 * BYTES);
        TileKey k1 = cache.keyOf(tile("1.png", "one"));
        TileKey k2 = cache.keyOf(tile("2.png", "two"));
        TileKey k3 = cache.keyOf(tile("3.png", "three"));
        cache.store(k1, FakeEncoder.seeded(1, C, SIDE));
        cache.store(k2, FakeEncoder.seeded(2, C, SIDE));
        assertEquals(2 * BYTES, cache.memoryBytes());
        cache.store(k3, FakeEncoder.seeded(3, C, SIDE));

        assertTrue(cache.inMemory(k1).isEmpty(), "oldest out");
        assertTrue(cache.inMemory(k2).isPresent());
        assertTrue(cache.inMemory(k3).isPresent());
        assertEquals(2 * BYTES, cache.memoryBytes());
        assertTrue(Files.isRegularFile(cache.fileOf(k1)), "evicted from memory only");

        // warm load brings k1 back and pushes out k2, now the least recently used
        ImageEmbedding warm = cache.load(k1).orElseThrow();
        assertEquals(C, warm.channels());
        assertTrue(cache.inMemory(k1).isPresent());
        assertTrue(cache.inMemory(k2).isEmpty());
        assertTrue(cache.inMemory(k3).isPresent());

        // use, not insertion, decides: touching k3 makes k1 the one to go
        cache.inMemory(k3);
        cache.store(k2, FakeEncoder.seeded(2, C, SIDE));
        assertTrue(cache.inMemory(k1).isEmpty());
        assertTrue(cache.inMemory(k3).isPresent());
        assertTrue(cache.inMemory(k2).isPresent());
    }

    @Test
    void storingTheSameKeyAgainDoesNotCountTwice() throws Exception {
        EmbeddingCache cache = new EmbeddingCache(project, FP, 64L << 20);
        TileKey k = cache.keyOf(tile("1.png", "one"));
        cache.store(k, FakeEncoder.seeded(1, C, SIDE));
        cache.store(k, FakeEncoder.seeded(2, C, SIDE));
        assertEquals(BYTES, cache.memoryBytes());
    }

    @Test
    void keyFollowsContentNotName() throws Exception {
        EmbeddingCache cache = new EmbeddingCache(project, FP, 64L << 20);
        Path a = tile("a.png", "same pixels");
        Path b = tile("b.png", "same pixels");
        Path c = tile("c.png", "other pixels");
        assertEquals(cache.keyOf(a), cache.keyOf(b));
        assertNotEquals(cache.keyOf(a), cache.keyOf(c));
    }

    @Test
    void rewrittenTileGetsANewKeyAndMisses() throws Exception {
        EmbeddingCache cache = new EmbeddingCache(project, FP, 64L << 20);
        Path tile = tile("a.png", "pixels version 1");
        TileKey before = cache.keyOf(tile);
        cache.store(before, FakeEncoder.seeded(1, C, SIDE));
        assertTrue(cache.load(cache.keyOf(tile)).isPresent());

        // same path, same size, rewritten in place right away: an editor saving the tile again
        Files.writeString(tile, "pixels version 2");
        TileKey after = cache.keyOf(tile);
        assertNotEquals(before, after, "keyOf must notice the new content");
        assertEquals(sha256(Files.readAllBytes(tile)), after.sha256());
        assertTrue(cache.load(after).isEmpty());
        assertFalse(cache.contains(after));

        // an edit loop as a tiling script would do it: every version is seen
        for (int i = 10; i < 60; i++) {
            Files.writeString(tile, "pixels version " + i);
            assertEquals(sha256(Files.readAllBytes(tile)), cache.keyOf(tile).sha256(), "version " + i);
        }
    }

    @Test
    void anOldFileIsHashedOncePerVersion() throws Exception {
        EmbeddingCache cache = new EmbeddingCache(project, FP, 64L << 20);
        Path tile = tile("a.png", "pixels version 1");
        FileTime old = FileTime.fromMillis(System.currentTimeMillis() - 60_000);
        Files.setLastModifiedTime(tile, old);
        TileKey first = cache.keyOf(tile);
        // the same size and time stamp: indistinguishable by its attributes, so the remembered key is used
        Files.writeString(tile, "pixels version 2");
        Files.setLastModifiedTime(tile, old);
        assertEquals(first, cache.keyOf(tile), "an unchanged-looking file is not hashed again");
        // a new time stamp is noticed
        Files.setLastModifiedTime(tile, FileTime.fromMillis(old.toMillis() + 1000));
        assertEquals(sha256(Files.readAllBytes(tile)), cache.keyOf(tile).sha256());
    }

    @Test
    void anotherEncoderHasItsOwnFolderAndMisses() throws Exception {
        Path tile = tile("a.png", "a");
        EmbeddingCache first = new EmbeddingCache(project, FP, 64L << 20);
        TileKey key = first.keyOf(tile);
        first.store(key, FakeEncoder.seeded(1, C, SIDE));

        EmbeddingCache other = new EmbeddingCache(project, "fedcba9876543210", 64L << 20);
        assertNotEquals(first.directory(), other.directory());
        assertEquals(first.directory().getParent(), other.directory().getParent());
        assertFalse(other.contains(key));
        assertEquals(Optional.empty(), other.load(key));
        assertTrue(Files.isRegularFile(first.fileOf(key)), "the other model's entry is left alone");
    }
}
