package org.meander.embed;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.meander.sam.ImageEmbedding;

/**
 * Image embeddings computed once: on disk in {@code <project>/cache/embeddings/<model-fingerprint>/<tile-sha256>
 * .safetensors} (float16) and in a bounded memory layer. Keys are the tile's content and the vision encoder's
 * fingerprint, so editing a tile's pixels or changing the encoder misses, while changing only the decoder hits.
 * Files are written to a temporary name and renamed, so processes sharing a project never see half a file; a
 * damaged file is deleted and reported as a miss, never used. Thread-safe.
 */
public final class EmbeddingCache {

    private final Path directory;
    private final String modelFingerprint;
    private final MemoryCache memory;
    private final Map<Path, KnownTile> keys = new ConcurrentHashMap<>();

    public EmbeddingCache(Path projectDir, String modelFingerprint, long memoryBytes) {
        this.directory = projectDir.resolve("cache").resolve("embeddings").resolve(modelFingerprint);
        this.modelFingerprint = modelFingerprint;
        this.memory = new MemoryCache(memoryBytes);
    }

    public Path directory() {
        return directory;
    }

    /** The content key of a tile file, hashed once per file version (path, size, modification time). */
    public TileKey keyOf(Path tile) throws IOException {
        long size = Files.size(tile);
        long modified = Files.getLastModifiedTime(tile).toMillis();
        KnownTile known = keys.get(tile);
        if (known != null && known.size() == size && known.modified() == modified) {
            return known.key();
        }
        TileKey key = TileKey.of(tile);
        keys.put(tile, new KnownTile(key, size, modified));
        return key;
    }

    /** The embedding if it is in memory (hot): no I/O. */
    public Optional<ImageEmbedding> inMemory(TileKey key) {
        return memory.get(key);
    }

    /** From memory, else from disk (warm); a damaged file is deleted and counts as a miss. */
    public Optional<ImageEmbedding> load(TileKey key) throws IOException {
        Optional<ImageEmbedding> hot = memory.get(key);
        if (hot.isPresent()) {
            return hot;
        }
        Path file = fileOf(key);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            ImageEmbedding embedding = EmbeddingFile.read(file, modelFingerprint, key);
            memory.put(key, embedding);
            return Optional.of(embedding);
        } catch (CorruptCacheFileException e) {
            Files.deleteIfExists(file);
            return Optional.empty();
        }
    }

    /** Whether the embedding is in memory or on disk (not verified until loaded). */
    public boolean contains(TileKey key) {
        return memory.get(key).isPresent() || Files.isRegularFile(fileOf(key));
    }

    /** Stores in memory and on disk; a full disk is an error that names the folder, and leaves no partial file. */
    public void store(TileKey key, ImageEmbedding embedding) throws IOException {
        memory.put(key, embedding);
        Files.createDirectories(directory);
        try {
            EmbeddingFile.write(fileOf(key), embedding, modelFingerprint, key);
        } catch (IOException e) {
            throw new IOException("could not write the embedding cache in " + directory + ": " + e.getMessage()
                    + freeSpaceHint(), e);
        }
    }

    /** Bytes held by the memory layer. */
    public long memoryBytes() {
        return memory.usedBytes();
    }

    Path fileOf(TileKey key) {
        return directory.resolve(key.sha256() + ".safetensors");
    }

    private String freeSpaceHint() {
        try {
            FileStore store = Files.getFileStore(directory);
            return store.getUsableSpace() < 64L << 20
                    ? " (the disk is full: free some space, or move the project to a larger disk)"
                    : "";
        } catch (IOException e) {
            return "";
        }
    }

    private record KnownTile(TileKey key, long size, long modified) {
    }
}
