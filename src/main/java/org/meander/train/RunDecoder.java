package org.meander.train;

import java.util.Locale;

/**
 * A run's tuned decoder at one of its checkpoints: what Annotate can predict with, and what a later run of the same
 * model can start from (to train again once more labels are corrected, rather than from the beginning).
 */
public record RunDecoder(String run, CheckpointKind checkpoint) {

    /** "run-1 (best checkpoint)". */
    public String describe() {
        return run + " (" + checkpoint.name().toLowerCase(Locale.ROOT) + " checkpoint)";
    }
}
