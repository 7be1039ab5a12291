package org.meander.train;

/** The two checkpoints a run keeps. */
public enum CheckpointKind {
    /** The epoch with the lowest validation loss. */
    BEST,
    /** The latest: the end of the last epoch, or where the run was stopped. */
    LAST;

    public String fileName() {
        return name().toLowerCase(java.util.Locale.ROOT) + ".safetensors";
    }
}
