package org.meander.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Something slow to read (a folder's image headers, say) read off the JavaFX thread each time it is asked for, of
 * which only the latest ask's result is delivered: a folder typed over while it was read is dropped.
 */
final class LatestRead<T> {

    private final String threadName;
    private final AtomicInteger asks = new AtomicInteger();

    LatestRead(String threadName) {
        this.threadName = threadName;
    }

    /** Reads on a thread of its own and hands the result, or {@code failed} when the read throws, to {@code use}. */
    void ask(Callable<T> read, T failed, Consumer<T> use) {
        int asked = asks.incrementAndGet();
        Thread reader = new Thread(() -> {
            T result;
            try {
                result = read.call();
            } catch (Exception e) {
                result = failed; // what the read found wrong is said where the input is checked
            }
            T found = result;
            Platform.runLater(() -> {
                if (asks.get() == asked) {
                    use.accept(found);
                }
            });
        }, threadName);
        reader.setDaemon(true);
        reader.start();
    }

    /** Drops the result of any read under way: there is nothing to read now. */
    void cancel() {
        asks.incrementAndGet();
    }
}
