package org.meander.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk: the project lives on a 1 MB tmpfs (mounting needs root; without it the test is skipped). Storing
 * embeddings until the disk is full ends with an error naming the cache folder and saying the disk is full, and
 * leaves no temporary or partial file; what was stored before still loads.
 */
class FullDiskTest {

    static final String FP = "feedfacefeedface";

    @TempDir
    Path dir;
    Path mount;
    boolean mounted;

    @BeforeEach
    void mountSmallDisk() throws Exception {
        mount = Files.createDirectories(dir.resolve("disk"));
        int rc;
        try {
            Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", mount.toString())
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            rc = p.waitFor(20, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (IOException e) {
            rc = -1;
        }
        mounted = rc == 0;
        Assumptions.assumeTrue(mounted, "cannot mount a tmpfs here (needs root)");
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) {
            // SafetensorsFile reads through memory maps, which hold the files until collected: busy until then
            for (int attempt = 0; attempt < 10; attempt++) {
                if (umount() == 0) {
                    return;
                }
                System.gc();
                Thread.sleep(100);
            }
            assertEquals(0, umount("-l"), "umount " + mount);
        }
    }

    private int umount(String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of("umount"));
        command.addAll(List.of(options));
        command.add(mount.toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor();
    }

    @Test
    void fullDiskIsAClearErrorAndLeavesNoPartialFile() throws Exception {
        Path project = mount.resolve("project");
        Files.createDirectories(project.resolve("tiles"));
        EmbeddingCache cache = new EmbeddingCache(project, FP, 64L << 20);
        List<TileKey> stored = new ArrayList<>();
        IOException failure = null;
        for (int i = 0; i < 20 && failure == null; i++) {
            Path tile = Files.writeString(project.resolve("tiles").resolve(i + ".png"), "tile " + i);
            TileKey key = cache.keyOf(tile);
            try {
                cache.store(key, FakeEncoder.seeded(i, 32, 64)); // 256 KiB as float16
                stored.add(key);
            } catch (IOException e) {
                failure = e;
            }
        }
        assertTrue(failure != null, "1 MB cannot hold 20 embeddings of 256 KiB");
        assertTrue(stored.size() >= 1, "the first ones fit");
        String message = failure.getMessage();
        assertTrue(message.contains(cache.directory().toString()), message);
        assertTrue(message.contains("disk is full"), message);

        try (Stream<Path> files = Files.list(cache.directory())) {
            List<String> names = files.map(f -> f.getFileName().toString()).sorted().toList();
            assertTrue(names.stream().noneMatch(n -> n.endsWith(".tmp") || n.startsWith(".")), names.toString());
            assertEquals(stored.size(), names.size(), "only the embeddings that fit: " + names);
        }
        EmbeddingCache cold = new EmbeddingCache(project, FP, 64L << 20);
        for (TileKey key : stored) {
            assertTrue(cold.load(key).isPresent(), "what fit before the disk filled up still loads");
        }
    }

    /** A read-only project (a shared dataset): the error says so and what to do. */
    @Test
    void aReadOnlyProjectSaysWhatToDo() throws Exception {
        Path project = mount.resolve("project");
        Path tile = Files.writeString(Files.createDirectories(project.resolve("tiles")).resolve("a.png"), "tile a");
        EmbeddingCache cache = new EmbeddingCache(project, FP, 64L << 20);
        TileKey key = cache.keyOf(tile);
        Process remount = new ProcessBuilder("mount", "-o", "remount,ro", mount.toString()).redirectErrorStream(true)
                .start();
        remount.getInputStream().readAllBytes();
        Assumptions.assumeTrue(remount.waitFor() == 0, "cannot remount the tmpfs read-only");
        IOException failure = assertThrows(IOException.class, () -> cache.store(key, FakeEncoder.seeded(1, 8, 16)));
        assertTrue(failure.getMessage().contains("read-only for you: make it writable, or copy the project"),
                failure.getMessage());
    }

    /** The embeddings that do not fit are not lost for the session: they serve from memory, counted as not saved. */
    @Test
    void fullDiskDuringAQueueRunKeepsTheEmbeddingsInMemoryAndSaysSo() throws Exception {
        Path project = mount.resolve("project");
        Files.createDirectories(project.resolve("tiles"));
        List<Path> tiles = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            tiles.add(Files.writeString(project.resolve("tiles").resolve(i + ".png"), "tile " + i));
        }
        EmbeddingCache cache = new EmbeddingCache(project, FP, 64L << 20);
        try (EncodingQueue queue = new EncodingQueue(new FakeEncoder(32, 64), cache)) {
            queue.submit(tiles);
            queue.awaitIdle();
            EncodingProgress p = queue.progress();
            assertEquals(0, p.failed(), "every tile has its embedding: " + p);
            assertTrue(p.notStored() > 0, "some tiles cannot be stored: " + p);
            assertTrue(p.lastError().contains("disk is full"), p.lastError());
            for (Path tile : tiles) {
                assertNotNull(queue.request(tile).get(10, TimeUnit.SECONDS), tile.toString());
            }
        }
        try (Stream<Path> files = Files.list(cache.directory())) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")));
        }
    }
}
