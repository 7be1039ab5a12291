package org.meander.embed;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.meander.sam.ImageEmbedding;
import org.meander.weights.ErrorText;

/**
 * Image embeddings computed once: on disk in {@code <project>/cache/embeddings/<model-fingerprint>/<tile-sha256>
 * .safetensors} (float16) and in a bounded memory layer. Keys are the tile's content and the vision encoder's
 * fingerprint, so editing a tile's pixels or changing the encoder misses, while changing only the decoder hits.
 * Files are written to a temporary name and renamed, so processes sharing a project never see half a file; a
 * damaged file is deleted and reported as a miss, never used. Thread-safe.
 */
public final class EmbeddingCache {

    /** How long after its last modification a file's time stamp is trusted to tell versions apart. */
    static final long RACY_MILLIS = 2_000;

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

    /** The fingerprint of the vision encoder whose embeddings this cache holds. */
    public String modelFingerprint() {
        return modelFingerprint;
    }

    /**
     * The content key of a tile file, hashed once per file version (size, modification time, file identity). A file
     * modified less than {@link #RACY_MILLIS} before it was hashed is hashed again next time: file systems stamp
     * times coarsely (a clock tick, up to 2 s on FAT), so a rewrite of the same size moments later can carry the
     * same time, and a remembered key would then name the old pixels.
     */
    public TileKey keyOf(Path tile) throws IOException {
        BasicFileAttributes before = Files.readAttributes(tile, BasicFileAttributes.class);
        KnownTile known = keys.get(tile);
        if (known != null && known.isVersion(before)) {
            return known.key();
        }
        long hashing = System.currentTimeMillis();
        TileKey key = TileKey.of(tile);
        BasicFileAttributes after = Files.readAttributes(tile, BasicFileAttributes.class);
        KnownTile version = new KnownTile(key, after.size(), after.lastModifiedTime(), after.fileKey());
        if (version.isVersion(before) && hashing - after.lastModifiedTime().toMillis() > RACY_MILLIS) {
            keys.put(tile, version);
        } else {
            keys.remove(tile);
        }
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

    /**
     * Stores in memory and on disk; a full disk is an error that names the folder, and leaves no partial file. Memory
     * keeps the float16-rounded values the file holds, so a tile decodes the same before and after a restart. The
     * memory layer is filled first and keeps the embedding when the disk write fails: the encoding queue serves such
     * embeddings for the session (a read-only project, a full disk).
     */
    public void store(TileKey key, ImageEmbedding embedding) throws IOException {
        memory.put(key, EmbeddingFile.asStored(embedding));
        try {
            Files.createDirectories(directory);
            EmbeddingFile.write(fileOf(key), embedding, modelFingerprint, key);
        } catch (IOException e) {
            throw new IOException("could not write the embedding cache in " + directory + ": " + ErrorText.of(e)
                    + hint(e), e);
        }
    }

    /** Bytes held by the memory layer. */
    public long memoryBytes() {
        return memory.usedBytes();
    }

    Path fileOf(TileKey key) {
        return directory.resolve(key.sha256() + ".safetensors");
    }

    /** What to do about a write that failed: the disk is full, or the folder is not the user's to write. */
    private String hint(IOException error) {
        if (error instanceof AccessDeniedException || String.valueOf(error.getMessage()).contains("Read-only")) {
            return " (the project's folder is read-only for you: make it writable, or copy the project to a folder"
                    + " you can write to)";
        }
        try {
            FileStore store = Files.getFileStore(directory);
            return store.getUsableSpace() < 64L << 20
                    ? " (the disk is full: free some space, or move the project to a larger disk)"
                    : "";
        } catch (IOException e) {
            return "";
        }
    }

    private record KnownTile(TileKey key, long size, FileTime modified, Object fileKey) {

        boolean isVersion(BasicFileAttributes file) {
            return size == file.size() && modified.equals(file.lastModifiedTime())
                    && Objects.equals(fileKey, file.fileKey());
        }
    }
}
