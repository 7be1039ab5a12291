package org.meander.embed;

import java.nio.file.Path;

/**
 * Where the background encoding stands: {@code done} of {@code total} tiles have an embedding ({@code encoded}
 * computed, {@code fromCache} found, {@code failed} could not be read); {@code notStored} of the computed ones are
 * held in memory only, because the cache's folder could not be written. Seconds per encoded tile and the estimated
 * time left are NaN until one tile was encoded. {@code current} is the tile being encoded, or null when idle;
 * {@code lastError} names the last tile that failed or was not stored, and why, or is null.
 */
public record EncodingProgress(int done, int total, int encoded, int fromCache, int failed, int notStored,
                               double secondsPerTile, double secondsLeft, Path current, String lastError) {

    public boolean finished() {
        return done + failed >= total && current == null;
    }
}
