package org.meander.train;

/** The learning rate after the linear warm-up. */
public enum Schedule {
    CONSTANT,
    /** Half a cosine from the peak rate down to 0 at the last step. */
    COSINE
}
