package org.meander.embed;

import java.nio.file.Path;

/**
 * Where the background encoding stands: {@code done} of {@code total} tiles have an embedding ({@code encoded}
 * computed, {@code fromCache} found, {@code failed} could not be read); seconds per encoded tile and the estimated
 * time left are NaN until one tile was encoded. {@code current} is the tile being encoded, or null when idle;
 * {@code lastError} names the last tile that failed and why, or is null.
 */
public record EncodingProgress(int done, int total, int encoded, int fromCache, int failed,
                               double secondsPerTile, double secondsLeft, Path current, String lastError) {

    public boolean finished() {
        return done + failed >= total && current == null;
    }
}
