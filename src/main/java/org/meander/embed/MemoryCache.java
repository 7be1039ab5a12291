package org.meander.embed;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.meander.sam.ImageEmbedding;

/** The in-memory layer of the cache: at most {@code budgetBytes} of embeddings, least recently used out. */
final class MemoryCache {

    private final long budgetBytes;
    private final LinkedHashMap<TileKey, ImageEmbedding> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long usedBytes;

    MemoryCache(long budgetBytes) {
        this.budgetBytes = budgetBytes;
    }

    synchronized Optional<ImageEmbedding> get(TileKey key) {
        return Optional.ofNullable(entries.get(key));
    }

    synchronized void put(TileKey key, ImageEmbedding embedding) {
        ImageEmbedding old = entries.put(key, embedding);
        if (old != null) {
            usedBytes -= sizeOf(old);
        }
        usedBytes += sizeOf(embedding);
        var eldest = entries.entrySet().iterator();
        while (usedBytes > budgetBytes && eldest.hasNext()) {
            Map.Entry<TileKey, ImageEmbedding> e = eldest.next();
            usedBytes -= sizeOf(e.getValue());
            eldest.remove();
        }
    }

    synchronized void remove(TileKey key) {
        ImageEmbedding old = entries.remove(key);
        if (old != null) {
            usedBytes -= sizeOf(old);
        }
    }

    synchronized long usedBytes() {
        return usedBytes;
    }

    private static long sizeOf(ImageEmbedding embedding) {
        return (long) embedding.values().length * Float.BYTES;
    }
}
