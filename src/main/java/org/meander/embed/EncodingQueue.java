package org.meander.embed;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.meander.sam.ImageEmbedding;

/**
 * Computes the embeddings of a project's tiles in the background, one at a time (an encoder uses every core):
 * the focused tile first, then its neighbours in the tile list by distance, then the rest. Tiles already in the
 * cache are counted without encoding. Progress goes to listeners after every tile, on the worker thread.
 */
public final class EncodingQueue implements AutoCloseable {

    private final TileEncoder encoder;
    private final EmbeddingCache cache;
    private final List<Consumer<EncodingProgress>> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private final Thread worker;

    private List<Path> tiles = List.of();
    private final Set<Path> pending = new LinkedHashSet<>();
    /** Every tile queued so far: the total. */
    private final Set<Path> known = new HashSet<>();
    /** The tiles with an embedding: true when it was encoded here, false when found in the cache. */
    private final Map<Path, Boolean> finished = new HashMap<>();
    /** The tiles whose last try failed and that are not queued again. */
    private final Set<Path> failedTiles = new HashSet<>();
    /** The tiles computed but held in memory only: the cache could not write them (a read-only project). */
    private final Set<Path> notStoredTiles = new HashSet<>();
    private final Map<Path, List<CompletableFuture<ImageEmbedding>>> waiting = new HashMap<>();
    private Path focus;
    private Path current;
    private boolean closed;
    private int encoded;
    private int fromCache;
    private int encodes;
    private double encodeSeconds;
    private String lastError;

    public EncodingQueue(TileEncoder encoder, EmbeddingCache cache) {
        this.encoder = encoder;
        this.cache = cache;
        worker = new Thread(this::run, "meander-encoder");
        worker.setDaemon(true);
        worker.start();
    }

    public void addListener(Consumer<EncodingProgress> listener) {
        listeners.add(listener);
    }

    /** Queues every tile of a project, in the project's order (which defines neighbours). */
    public void submit(List<Path> projectTiles) {
        synchronized (lock) {
            tiles = List.copyOf(projectTiles);
            for (Path tile : projectTiles) {
                if (!finished.containsKey(tile)) {
                    enqueue(tile);
                } else {
                    known.add(tile);
                }
            }
            lock.notifyAll();
        }
    }

    /** Moves a tile to the front, its neighbours right behind it; queues it if it was not. */
    public void focus(Path tile) {
        synchronized (lock) {
            focus = tile;
            if (!tile.equals(current) && !finished.containsKey(tile)) {
                enqueue(tile);
            }
            lock.notifyAll();
        }
    }

    /** Computes a tile again (its pixels changed): its cache key changes with its content. */
    public void refresh(Path tile) {
        synchronized (lock) {
            uncount(tile);
            // even the tile being encoded: it may be encoding the old pixels
            enqueue(tile);
            lock.notifyAll();
        }
    }

    /**
     * A tile left the project: it is no longer queued or counted, and a request for it fails as cancelled. Its
     * embedding stays in the cache, keyed by its content, should the tile come back.
     */
    public void forget(Path tile) {
        List<CompletableFuture<ImageEmbedding>> futures;
        synchronized (lock) {
            pending.remove(tile);
            known.remove(tile);
            failedTiles.remove(tile);
            uncount(tile);
            tiles = tiles.stream().filter(t -> !t.equals(tile)).toList();
            if (tile.equals(focus)) {
                focus = null;
            }
            futures = waiting.remove(tile);
        }
        if (futures != null) {
            futures.forEach(f -> f.cancel(false));
        }
        fire();
    }

    /** The tile's embedding when it is ready; focuses it. */
    public CompletableFuture<ImageEmbedding> request(Path tile) {
        CompletableFuture<ImageEmbedding> future = new CompletableFuture<>();
        synchronized (lock) {
            waiting.computeIfAbsent(tile, t -> new ArrayList<>()).add(future);
            // queued even when finished (answered from the cache, quickly, and not counted again) or being
            // encoded (its futures may already have been answered): a request never waits for nothing
            enqueue(tile);
        }
        focus(tile);
        return future;
    }

    /** Drops the pending tiles; the tile being encoded finishes. Waiting requests fail as cancelled. */
    public void cancel() {
        synchronized (lock) {
            pending.clear();
            for (List<CompletableFuture<ImageEmbedding>> futures : waiting.values()) {
                futures.forEach(f -> f.cancel(false));
            }
            waiting.clear();
            lock.notifyAll(); // awaitIdle may be waiting on a pending list that is now empty
        }
        fire();
    }

    public EncodingProgress progress() {
        synchronized (lock) {
            double perTile = encodes == 0 ? Double.NaN : encodeSeconds / encodes;
            int total = Math.max(tiles.size(), known.size());
            int left = total - finished.size() - failedTiles.size();
            return new EncodingProgress(finished.size(), total, encoded, fromCache, failedTiles.size(),
                    notStoredTiles.size(), perTile, perTile * left, current, lastError);
        }
    }

    /** Waits until nothing is pending or being encoded. */
    public void awaitIdle() throws InterruptedException {
        synchronized (lock) {
            while (!closed && (!pending.isEmpty() || current != null)) {
                lock.wait();
            }
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        cancel();
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (true) {
            Path tile;
            synchronized (lock) {
                while (!closed && pending.isEmpty()) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                tile = next();
                pending.remove(tile);
                current = tile;
            }
            fire();
            process(tile);
            synchronized (lock) {
                current = null;
                lock.notifyAll();
            }
            fire();
        }
    }

    /**
     * Each tile counts once, however often it is processed (a request for a finished tile, a retry, a refresh):
     * done = encoded + fromCache, and done + failed reaches the total exactly when every tile was tried.
     */
    private void process(Path tile) {
        try {
            TileKey key = cache.keyOf(tile);
            Optional<ImageEmbedding> cached = cache.load(key);
            ImageEmbedding embedding;
            boolean encodedHere = cached.isEmpty();
            if (cached.isPresent()) {
                embedding = cached.get();
            } else {
                long start = System.nanoTime();
                embedding = encoder.encode(tile);
                double seconds = (System.nanoTime() - start) / 1e9;
                synchronized (lock) {
                    encodes++;
                    encodeSeconds += seconds;
                }
                storeOrKeepInMemory(tile, key, embedding);
            }
            synchronized (lock) {
                failedTiles.remove(tile);
                // a tile forgotten while it was being encoded is not counted again
                if (known.contains(tile) && finished.putIfAbsent(tile, encodedHere) == null) {
                    if (encodedHere) {
                        encoded++;
                    } else {
                        fromCache++;
                    }
                }
            }
            complete(tile, embedding, null);
        } catch (IOException | RuntimeException e) {
            synchronized (lock) {
                uncount(tile);
                if (known.contains(tile)) {
                    failedTiles.add(tile);
                }
                String message = String.valueOf(e.getMessage());
                lastError = message.contains(tile.toString()) ? message : tile + ": " + message;
            }
            complete(tile, null, e);
        }
    }

    /**
     * Stores a computed embedding; when the cache's folder cannot be written (a read-only project, a full disk), the
     * embedding still serves from memory, which {@link EmbeddingCache#store} fills whatever the disk does: the work is
     * not thrown away, and the progress says it was not saved.
     */
    private void storeOrKeepInMemory(Path tile, TileKey key, ImageEmbedding embedding) {
        try {
            cache.store(key, embedding);
            synchronized (lock) {
                notStoredTiles.remove(tile);
            }
        } catch (IOException e) {
            synchronized (lock) {
                notStoredTiles.add(tile);
                String message = String.valueOf(e.getMessage());
                lastError = message.contains(tile.toString()) ? message : tile + ": " + message;
            }
        }
    }

    /** Queues a tile (under the lock); a failed tile queued again counts as pending, not failed. */
    private void enqueue(Path tile) {
        known.add(tile);
        failedTiles.remove(tile);
        pending.add(tile);
    }

    /** Forgets that a tile has an embedding (under the lock). */
    private void uncount(Path tile) {
        notStoredTiles.remove(tile);
        Boolean encodedHere = finished.remove(tile);
        if (encodedHere != null) {
            if (encodedHere) {
                encoded--;
            } else {
                fromCache--;
            }
        }
    }

    private void complete(Path tile, ImageEmbedding embedding, Exception error) {
        List<CompletableFuture<ImageEmbedding>> futures;
        synchronized (lock) {
            futures = waiting.remove(tile);
        }
        if (futures != null) {
            for (CompletableFuture<ImageEmbedding> f : futures) {
                if (error == null) {
                    f.complete(embedding);
                } else {
                    f.completeExceptionally(error);
                }
            }
        }
    }

    /** The focused tile, else the pending tile nearest to it in the project's order, else the first pending. */
    private Path next() {
        if (focus != null && pending.contains(focus)) {
            return focus;
        }
        int at = focus == null ? -1 : tiles.indexOf(focus);
        if (at >= 0) {
            for (int d = 1; d < tiles.size(); d++) {
                if (at + d < tiles.size() && pending.contains(tiles.get(at + d))) {
                    return tiles.get(at + d);
                }
                if (at - d >= 0 && pending.contains(tiles.get(at - d))) {
                    return tiles.get(at - d);
                }
            }
        }
        return pending.iterator().next();
    }

    private void fire() {
        EncodingProgress progress = progress();
        for (Consumer<EncodingProgress> listener : listeners) {
            try {
                listener.accept(progress);
            } catch (RuntimeException e) {
                // a broken listener must not stop the encoding every other caller waits for
                System.err.println("meander: a progress listener failed: " + e);
            }
        }
    }
}
