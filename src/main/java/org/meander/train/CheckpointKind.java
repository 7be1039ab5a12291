package org.meander.train;

import java.util.Locale;

/** The two checkpoints a run keeps. */
public enum CheckpointKind {
    /** The epoch with the lowest validation loss. */
    BEST,
    /** The latest: the end of the last epoch, or where the run was stopped. */
    LAST;

    public String fileName() {
        return name().toLowerCase(Locale.ROOT) + ".safetensors";
    }
}
