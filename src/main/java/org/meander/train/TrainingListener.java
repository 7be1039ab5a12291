package org.meander.train;

/** What a run reports as it goes; called on the training thread. */
public interface TrainingListener {

    /** Embeddings computed before training: done of total. */
    default void embedding(int done, int total) {
    }

    /** A batch trained: the position within the epoch (from 1) and the recent training throughput. */
    default void batch(BatchRecord record, int batchInEpoch, int batchesPerEpoch, double samplesPerSecond) {
    }

    /** Validation progress within an epoch. */
    default void validating(int done, int total) {
    }

    /**
     * A tile left the project while the run used it (removed to {@code trash/} or renamed, here or by another
     * program): it is left out from here on. Told once per tile.
     */
    default void tileRemoved(String tile) {
    }

    /** An epoch ended; {@code best} when it is the new best checkpoint. */
    default void epoch(EpochRecord record, boolean best) {
    }
}
