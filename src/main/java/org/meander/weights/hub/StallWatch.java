package org.meander.weights.hub;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Closes a response stream that has gone quiet for too long, or whose download was cancelled: a read blocked on a
 * dead connection would otherwise wait for ever, and closing the stream is what wakes it.
 */
final class StallWatch implements AutoCloseable {

    private final InputStream stream;
    private final long limitNanos;
    private final BooleanSupplier cancelled;
    private final ScheduledExecutorService timer;
    private volatile long lastProgress = System.nanoTime();
    private volatile boolean stalled;

    StallWatch(InputStream stream, Duration limit, BooleanSupplier cancelled) {
        this.stream = stream;
        this.limitNanos = limit.toNanos();
        this.cancelled = cancelled;
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "meander-download-watch");
            thread.setDaemon(true);
            return thread;
        });
        long tick = Math.max(10, Math.min(250, limit.toMillis() / 4));
        timer.scheduleWithFixedDelay(this::check, tick, tick, TimeUnit.MILLISECONDS);
    }

    void progressed() {
        lastProgress = System.nanoTime();
    }

    /** Whether the stream was closed because no byte came within the limit. */
    boolean stalled() {
        return stalled;
    }

    private void check() {
        boolean quiet = System.nanoTime() - lastProgress > limitNanos;
        if (quiet || cancelled.getAsBoolean()) {
            stalled = quiet;
            try {
                stream.close();
            } catch (IOException ignored) {
                // the reader sees the stream end either way
            }
            timer.shutdown();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
