package org.meander.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Turns Ctrl+C (or a kill) into a stop request for long work, and holds the JVM's exit until that work has ended,
 * so that it can save what it has. Close it when the work ends, however it ends: the exit then goes on at once,
 * even when it is the working thread itself that exits.
 */
final class StopOnExit implements BooleanSupplier, AutoCloseable {

    private final AtomicBoolean requested = new AtomicBoolean();
    private final CountDownLatch ended = new CountDownLatch(1);
    private final Thread hook = new Thread(this::requestAndWait, "meander-stop-on-exit");

    StopOnExit() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Whether the JVM is exiting and the work should stop. */
    @Override
    public boolean getAsBoolean() {
        return requested.get();
    }

    private void requestAndWait() {
        requested.set(true);
        try {
            ended.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        ended.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException exiting) {
            // the hook is running and returns now
        }
    }
}
