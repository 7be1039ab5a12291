package org.meander.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meander.sam.ImageEmbedding;

/** The background encoding queue with a fake encoder: order, cache hits, progress, requests, cancel, failures. */
class EncodingQueueTest {

    static final String FP = "1234123412341234";

    @TempDir
    Path project;
    List<Path> tiles;
    EmbeddingCache cache;
    FakeEncoder encoder;
    EncodingQueue queue;
    final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void sevenTiles() throws IOException {
        Files.createDirectories(project.resolve("tiles"));
        tiles = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            tiles.add(Files.writeString(project.resolve("tiles").resolve("t" + i + ".png"), "content of tile " + i));
        }
        cache = new EmbeddingCache(project, FP, 64L << 20);
        encoder = new FakeEncoder();
    }

    @AfterEach
    void closeQueue() {
        release.countDown();
        if (queue != null) {
            queue.close();
        }
    }

    EncodingQueue start() {
        queue = new EncodingQueue(encoder, cache);
        return queue;
    }

    List<Path> tiles(int... indices) {
        List<Path> out = new ArrayList<>();
        for (int i : indices) {
            out.add(tiles.get(i));
        }
        return out;
    }

    /** A project whose cache cannot be written (read-only): the computed embedding serves from memory all the same. */
    @Test
    void anEmbeddingTheCacheCannotSaveServesFromMemoryAndTheProgressSaysSo() throws Exception {
        Files.createDirectories(cache.directory().getParent());
        Files.writeString(cache.directory(), "a file where the cache's folder goes");
        start();
        ImageEmbedding embedding = queue.request(tiles.get(2)).get(10, TimeUnit.SECONDS);
        assertNotNull(embedding);
        EncodingProgress progress = queue.progress();
        assertEquals(1, progress.encoded());
        assertEquals(0, progress.failed());
        assertEquals(1, progress.notStored());
        assertTrue(progress.lastError().contains(cache.directory() + ": already exists"), progress.lastError());
        queue.request(tiles.get(2)).get(10, TimeUnit.SECONDS);
        assertEquals(1, encoder.calls.size(), "asked again, it comes from memory, not from another encode");
    }

    @Test
    void focusedTileFirstThenItsNeighboursByDistance() throws Exception {
        encoder.holdFirst = release;
        start().submit(tiles);
        assertTrue(encoder.firstStarted.await(10, TimeUnit.SECONDS));
        queue.focus(tiles.get(4)); // the user looks at tile 4 while tile 0 is being encoded
        release.countDown();
        queue.awaitIdle();
        // after the tile in progress: 4, then +1 before -1 at each distance
        assertEquals(tiles(0, 4, 5, 3, 6, 2, 1), encoder.calls);
    }

    @Test
    void focusBeforeAnythingRunsStartsThere() throws Exception {
        start();
        queue.focus(tiles.get(2));
        queue.submit(tiles);
        queue.awaitIdle();
        assertEquals(tiles(2, 3, 1, 4, 0, 5, 6), encoder.calls);
    }

    @Test
    void withoutFocusTheProjectOrder() throws Exception {
        start().submit(tiles);
        queue.awaitIdle();
        assertEquals(tiles, encoder.calls);
        EncodingProgress p = queue.progress();
        assertEquals(7, p.done());
        assertEquals(7, p.encoded());
        assertEquals(0, p.fromCache());
        assertTrue(p.finished());
    }

    @Test
    void cachedTilesAreCountedWithoutEncoding() throws Exception {
        for (int i : new int[] {1, 3}) {
            Path t = tiles.get(i);
            cache.store(cache.keyOf(t), FakeEncoder.embeddingOf(Files.readAllBytes(t), 4, 8));
        }
        start().submit(tiles);
        queue.awaitIdle();
        assertEquals(tiles(0, 2, 4, 5, 6), encoder.calls);
        EncodingProgress p = queue.progress();
        assertEquals(7, p.done());
        assertEquals(5, p.encoded());
        assertEquals(2, p.fromCache());
        assertEquals(0, p.failed());
    }

    @Test
    void progressEventsCountUpAndEstimateTheTimeLeft() throws Exception {
        encoder.sleepMillis = 25;
        List<EncodingProgress> events = new CopyOnWriteArrayList<>();
        CountDownLatch finished = new CountDownLatch(1);
        start().addListener(p -> {
            events.add(p);
            if (p.finished()) {
                finished.countDown();
            }
        });
        queue.submit(tiles);
        assertTrue(finished.await(20, TimeUnit.SECONDS), "a finished() event comes");

        EncodingProgress first = events.get(0);
        assertTrue(Double.isNaN(first.secondsPerTile()), "no estimate before a tile was encoded: " + first);
        assertTrue(Double.isNaN(first.secondsLeft()));
        assertEquals(tiles.get(0), first.current());
        int done = 0;
        for (EncodingProgress p : events) {
            assertTrue(p.done() >= done, "done never goes back: " + events);
            assertEquals(7, p.total());
            if (p.encoded() > 0) {
                // the fake sleeps 25 ms a tile; how much longer a tile takes depends on the machine's load
                assertTrue(p.secondsPerTile() >= 0.02, p.toString());
                assertEquals(p.secondsPerTile() * (7 - p.done()), p.secondsLeft(), 1e-9,
                        "time left is the mean time a tile times the tiles left: " + p);
            }
            done = p.done();
        }
        EncodingProgress last = events.get(events.size() - 1);
        assertEquals(7, last.done());
        assertEquals(0.0, last.secondsLeft());
        assertTrue(last.finished());
        assertEquals(1, events.stream().filter(EncodingProgress::finished).count(), "finished once: " + events);
    }

    @Test
    void requestCompletesWithTheEmbedding() throws Exception {
        start();
        CompletableFuture<ImageEmbedding> future = queue.request(tiles.get(5));
        queue.submit(tiles);
        ImageEmbedding e = future.get(10, TimeUnit.SECONDS);
        assertArrayEquals(FakeEncoder.embeddingOf(Files.readAllBytes(tiles.get(5)), 4, 8).values(), e.values());
        assertEquals(tiles.get(5), encoder.calls.get(0), "a requested tile goes first");
    }

    @Test
    void requestingAFinishedTileAnswersWithoutCountingItAgain() throws Exception {
        start().submit(tiles);
        queue.awaitIdle();
        ImageEmbedding e = queue.request(tiles.get(2)).get(10, TimeUnit.SECONDS);
        assertArrayEquals(EmbeddingFile.asStored(FakeEncoder.embeddingOf(Files.readAllBytes(tiles.get(2)), 4, 8))
                .values(), e.values());
        queue.awaitIdle();
        EncodingProgress p = queue.progress();
        assertEquals(7, encoder.count.get(), "answered from the cache");
        assertEquals(7, p.done());
        assertEquals(7, p.total());
        assertEquals(7, p.encoded() + p.fromCache(), "every tile counted once: " + p);
    }

    @Test
    void cancelDropsPendingTilesAndCancelsRequests() throws Exception {
        encoder.holdFirst = release;
        start().submit(tiles);
        assertTrue(encoder.firstStarted.await(10, TimeUnit.SECONDS));
        CompletableFuture<ImageEmbedding> waiting = queue.request(tiles.get(5));
        queue.cancel();
        release.countDown();
        queue.awaitIdle();
        assertTrue(waiting.isCancelled());
        assertThrows(CancellationException.class, () -> waiting.get(1, TimeUnit.SECONDS));
        Thread.sleep(100); // a worker that ignored the cancel would pick the next tile now
        assertEquals(tiles(0), encoder.calls, "the tile in progress finishes, the rest is dropped");
        EncodingProgress p = queue.progress();
        assertEquals(1, p.done());
        assertTrue(cache.contains(cache.keyOf(tiles.get(0))));

        // the queue is still usable: submitting again picks up the rest
        queue.submit(tiles);
        queue.awaitIdle();
        assertEquals(7, encoder.count.get());
        assertEquals(7, queue.progress().done());
    }

    /** A tile removed from the project: neither encoded nor counted, even the one being encoded as it goes. */
    @Test
    void aForgottenTileIsNeitherEncodedNorCounted() throws Exception {
        encoder.holdFirst = release;
        start().submit(tiles);
        assertTrue(encoder.firstStarted.await(10, TimeUnit.SECONDS));
        CompletableFuture<ImageEmbedding> waiting = queue.request(tiles.get(4));
        queue.forget(tiles.get(0)); // being encoded
        queue.forget(tiles.get(4)); // pending, and awaited
        release.countDown();
        queue.awaitIdle();

        assertTrue(waiting.isCancelled());
        assertFalse(encoder.calls.contains(tiles.get(4)), encoder.calls.toString());
        EncodingProgress p = queue.progress();
        assertEquals(5, p.total(), p.toString());
        assertEquals(5, p.done(), p.toString());
        assertEquals(0, p.failed());
    }

    @Test
    void anUnreadableTileFailsAndTheQueueGoesOn() throws Exception {
        Path bad = Files.writeString(project.resolve("tiles").resolve("t3_bad.png"), "not an image");
        List<Path> list = new ArrayList<>(tiles);
        list.add(3, bad);
        encoder.holdFirst = release;
        start().submit(list);
        assertTrue(encoder.firstStarted.await(10, TimeUnit.SECONDS));
        CompletableFuture<ImageEmbedding> badFuture = queue.request(bad); // while t0 is encoding: bad is pending
        release.countDown();
        ExecutionException e = assertThrows(ExecutionException.class, () -> badFuture.get(10, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof IOException);
        queue.awaitIdle();
        EncodingProgress p = queue.progress();
        assertEquals(8, encoder.count.get());
        assertEquals(7, p.done());
        assertEquals(1, p.failed());
        assertEquals(8, p.total());
        assertTrue(p.lastError().contains(bad.toString()), p.lastError());
        assertTrue(p.finished());
        for (Path t : tiles) {
            assertTrue(cache.contains(cache.keyOf(t)));
        }
    }

    @Test
    void retryingAFailedTileCountsItOnce() throws Exception {
        Path bad = Files.writeString(project.resolve("tiles").resolve("t7_bad.png"), "not an image");
        List<Path> list = new ArrayList<>(tiles);
        list.add(bad);
        start().submit(list);
        queue.awaitIdle();
        queue.focus(bad); // the user clicks it: it is tried again, and fails again
        queue.awaitIdle();
        assertEquals(9, encoder.count.get());
        EncodingProgress p = queue.progress();
        assertEquals(1, p.failed(), "one tile failed, twice: " + p);
        assertEquals(8, p.total());
        assertEquals(7, p.done());
        assertTrue(p.finished());
    }

    @Test
    void refreshEncodesAnEditedTileAgain() throws Exception {
        start().submit(tiles);
        queue.awaitIdle();
        Files.writeString(tiles.get(3), "tile 3, repainted");
        queue.refresh(tiles.get(3));
        queue.awaitIdle();
        assertEquals(8, encoder.count.get());
        assertEquals(tiles.get(3), encoder.calls.get(7));
        EncodingProgress p = queue.progress();
        assertEquals(7, p.done());
        assertEquals(7, p.total());
        assertEquals(7, p.encoded() + p.fromCache(), "the refreshed tile is counted once: " + p);
        assertTrue(cache.contains(cache.keyOf(tiles.get(3))));
    }

    @Test
    void encodesOnOneBackgroundThreadAndCloseStopsIt() throws Exception {
        start().submit(tiles);
        queue.awaitIdle();
        Thread worker = encoder.threads.get(0);
        assertTrue(encoder.threads.stream().allMatch(t -> t == worker), "one encoder at a time, on one thread");
        assertFalse(worker == Thread.currentThread());
        assertTrue(worker.isAlive());
        queue.close();
        assertFalse(worker.isAlive(), "close() ends the worker thread");
        queue = null;
    }

    @Test
    void closeWhileEncodingWaitsForTheTileAndCancelsTheRest() throws Exception {
        encoder.holdFirst = release;
        start().submit(tiles);
        assertTrue(encoder.firstStarted.await(10, TimeUnit.SECONDS));
        CompletableFuture<ImageEmbedding> waiting = queue.request(tiles.get(6));
        Thread closer = new Thread(queue::close);
        closer.start();
        Thread.sleep(50);
        assertTrue(closer.isAlive(), "close waits for the tile being encoded");
        release.countDown();
        closer.join(10_000);
        assertFalse(closer.isAlive());
        assertTrue(waiting.isCancelled());
        assertEquals(1, encoder.count.get());
        queue = null;
    }
}
