package org.meander.weights.hub;

/**
 * Where a model download stands: the file being fetched or checked, and the bytes done of the whole model (total
 * is -1 when the hub did not give every size).
 */
public record DownloadProgress(String file, Step step, long done, long total) {

    public enum Step {
        /** Asking the hub for the file list. */
        LISTING,
        DOWNLOADING,
        /** Hashing a downloaded file. */
        VERIFYING
    }

    /** done / total in [0, 1], or -1 when the total is unknown (an indeterminate bar). */
    public double fraction() {
        return total <= 0 ? -1 : Math.min(1, (double) done / total);
    }
}
