package org.meander.train;

/** How control points reach the decoder. */
public enum PointFeeding {
    /** Each point its own prompt, decoded as a point batch, each mask scored against the label (the seed's way). */
    ONE_PER_PROMPT,
    /** All points in one prompt. */
    TOGETHER
}
