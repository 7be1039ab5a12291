package org.meander.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads the next batch (embeddings from the cache, labels, prompts) on a thread of its own while the current one
 * trains, so the decoder does not wait on the disk. Batches are numbered; what a batch holds depends only on its
 * number, so reading ahead changes nothing.
 */
public final class BatchPrefetcher implements AutoCloseable {

    /** Reads batch {@code index} of the epoch. */
    public interface Loader {
        List<TrainingExample> load(int index) throws IOException;
    }

    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread t = new Thread(runnable, "meander-batch-reader");
        t.setDaemon(true);
        return t;
    });
    private final Loader loader;
    private final int count;
    private Future<List<TrainingExample>> pending;
    private int pendingIndex = -1;

    public BatchPrefetcher(Loader loader, int count) {
        this.loader = loader;
        this.count = count;
    }

    /** Batch {@code index}, then starts reading the one after it. */
    public List<TrainingExample> take(int index) throws IOException {
        if (pendingIndex != index) {
            if (pending != null) {
                pending.cancel(true);
            }
            pending = submit(index);
        }
        List<TrainingExample> batch = await(pending);
        if (index + 1 < count) {
            pending = submit(index + 1);
            pendingIndex = index + 1;
        } else {
            pending = null;
            pendingIndex = -1;
        }
        return batch;
    }

    private Future<List<TrainingExample>> submit(int index) {
        return thread.submit(() -> {
            try {
                return loader.load(index);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static List<TrainingExample> await(Future<List<TrainingExample>> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading a batch", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(cause);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
