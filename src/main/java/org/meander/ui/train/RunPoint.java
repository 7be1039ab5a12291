package org.meander.ui.train;

import org.meander.train.EpochRecord;

/** A point a running run adds to its charts. */
sealed interface RunPoint {

    /** A batch's loss; position: in epochs from the run's start (batch 3 of 4 in epoch 2 is at 1.75). */
    record Batch(double position, double loss) implements RunPoint {
    }

    /** An epoch's validation; best when it is the new best checkpoint. */
    record Epoch(EpochRecord record, boolean best) implements RunPoint {
    }
}
