package org.meander.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meander.sam.ImageEmbedding;
import org.meander.weights.Float16;

/**
 * Two processes sharing a project, played by two EmbeddingCache instances: many threads store the same keys at
 * once with different embeddings while readers load them. Every load sees one whole embedding (never a mix, never a
 * damaged file), and afterwards every file verifies and no temporary file is left.
 */
class ConcurrentWritersTest {

    static final String FP = "abcdefabcdef0000";
    static final int C = 16;
    static final int SIDE = 32;

    @TempDir
    Path project;

    @Test
    void concurrentWritersNeverCorruptEachOther() throws Exception {
        Files.createDirectories(project.resolve("tiles"));
        EmbeddingCache first = new EmbeddingCache(project, FP, 0);
        EmbeddingCache second = new EmbeddingCache(project, FP, 0);
        List<TileKey> keys = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            keys.add(first.keyOf(Files.writeString(project.resolve("tiles").resolve(i + ".png"), "tile " + i)));
        }
        int seeds = 6;
        List<ImageEmbedding> candidates = new ArrayList<>();
        for (int s = 0; s < seeds; s++) {
            candidates.add(FakeEncoder.seeded(100 + s, C, SIDE));
        }
        for (TileKey key : keys) {
            first.store(key, candidates.get(0));
        }

        ExecutorService pool = Executors.newFixedThreadPool(10);
        AtomicBoolean writing = new AtomicBoolean(true);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                writers.add(pool.submit(() -> {
                    for (int round = 0; round < 6; round++) {
                        for (TileKey key : keys) {
                            EmbeddingCache cache = (thread + round) % 2 == 0 ? first : second;
                            cache.store(key, candidates.get((thread + round) % seeds));
                        }
                    }
                    return null;
                }));
            }
            List<Future<Integer>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                readers.add(pool.submit(() -> {
                    // memory budget 0: every load reads the file
                    EmbeddingCache reader = new EmbeddingCache(project, FP, 0);
                    int loads = 0;
                    while (writing.get() || loads < 8) {
                        for (TileKey key : keys) {
                            ImageEmbedding e = reader.load(key).orElseThrow(
                                    () -> new AssertionError("an entry vanished or read as damaged while written"));
                            assertWhole(e, candidates);
                            loads++;
                        }
                    }
                    return loads;
                }));
            }
            for (Future<?> w : writers) {
                w.get(60, TimeUnit.SECONDS);
            }
            writing.set(false);
            for (Future<Integer> r : readers) {
                assertTrue(r.get(60, TimeUnit.SECONDS) > 0);
            }
        } finally {
            writing.set(false);
            pool.shutdownNow();
        }

        try (Stream<Path> files = Files.list(first.directory())) {
            List<String> names = files.map(f -> f.getFileName().toString()).sorted().toList();
            assertEquals(keys.size(), names.size(), "one file per key, no temporary leftovers: " + names);
        }
        EmbeddingCache cold = new EmbeddingCache(project, FP, 0);
        for (TileKey key : keys) {
            assertWhole(cold.load(key).orElseThrow(), candidates);
        }
    }

    /** The embedding equals one candidate as float16, entirely. */
    static void assertWhole(ImageEmbedding e, List<ImageEmbedding> candidates) {
        for (ImageEmbedding c : candidates) {
            if (half(c.values()[0]) == e.values()[0]) {
                float[] expected = c.values();
                for (int i = 0; i < expected.length; i++) {
                    assertEquals(half(expected[i]), e.values()[i], 0f, "value " + i + " mixes two writes");
                }
                return;
            }
        }
        throw new AssertionError("not one of the stored embeddings");
    }

    static float half(float v) {
        return Float16.toFloat(Float16.fromFloat(v));
    }
}
