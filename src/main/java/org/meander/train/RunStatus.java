package org.meander.train;

/** How a run stands. */
public enum RunStatus {
    RUNNING,
    /** Stopped by the user; resumes from its last checkpoint. */
    STOPPED,
    /** Trained all its epochs, or stopped early because validation stopped improving. */
    FINISHED,
    /** Stopped by an error or a loss that was not finite; its last checkpoint is the last good state. */
    FAILED
}
