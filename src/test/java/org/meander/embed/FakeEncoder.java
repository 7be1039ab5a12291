package org.meander.embed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.meander.sam.ImageEmbedding;
import org.meander.sam.ImageSize;

/**
 * A stand-in for SAM's image encoder: a deterministic embedding seeded by the tile's bytes, so the same content
 * gives the same values and different content different ones. Records every call (tile and thread), can hold the
 * first call on a latch, sleep per call, or fail on tiles whose name contains "bad".
 */
final class FakeEncoder implements TileEncoder {

    final int channels;
    final int side;
    final List<Path> calls = new CopyOnWriteArrayList<>();
    final List<Thread> threads = new CopyOnWriteArrayList<>();
    final AtomicInteger count = new AtomicInteger();
    /** Counted down when the first call has started. */
    final CountDownLatch firstStarted = new CountDownLatch(1);
    /** The first call waits for this; null: it does not wait. */
    volatile CountDownLatch holdFirst;
    volatile long sleepMillis;

    FakeEncoder(int channels, int side) {
        this.channels = channels;
        this.side = side;
    }

    /** Small embeddings: 4 x 8 x 8. */
    FakeEncoder() {
        this(4, 8);
    }

    @Override
    public ImageEmbedding encode(Path tile) throws IOException {
        int n = count.incrementAndGet();
        calls.add(tile);
        threads.add(Thread.currentThread());
        if (n == 1) {
            firstStarted.countDown();
            CountDownLatch hold = holdFirst;
            if (hold != null) {
                try {
                    if (!hold.await(30, TimeUnit.SECONDS)) {
                        throw new IOException("test latch never released");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
        }
        if (sleepMillis > 0) {
            try {
                Thread.sleep(sleepMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (tile.getFileName().toString().contains("bad")) {
            throw new IOException(tile + ": not an image");
        }
        return embeddingOf(Files.readAllBytes(tile), channels, side);
    }

    /** The embedding the fake computes for these bytes. */
    static ImageEmbedding embeddingOf(byte[] content, int channels, int side) {
        Random random = new Random(java.util.Arrays.hashCode(content));
        float[] values = new float[channels * side * side];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return new ImageEmbedding(values, channels, side, new ImageSize(640, 1024), new ImageSize(640, 1024));
    }

    static ImageEmbedding seeded(long seed, int channels, int side) {
        Random random = new Random(seed);
        float[] values = new float[channels * side * side];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (random.nextGaussian() * 3);
        }
        return new ImageEmbedding(values, channels, side, new ImageSize(480, 640), new ImageSize(768, 1024));
    }
}
