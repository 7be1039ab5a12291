package org.meander.train;

import java.util.Locale;

/**
 * The decoder a run starts from when it does not start from its model's own: a checkpoint of an earlier run of the
 * same model, to train on again once more labels are corrected, rather than from the beginning.
 */
public record StartingDecoder(String run, CheckpointKind checkpoint) {

    /** "run-1 (best checkpoint)". */
    public String describe() {
        return run + " (" + checkpoint.name().toLowerCase(Locale.ROOT) + " checkpoint)";
    }
}
