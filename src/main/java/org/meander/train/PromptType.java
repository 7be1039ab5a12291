package org.meander.train;

/** What prompts training draws from each label. */
public enum PromptType {
    /** Control points: positives inside the label, negatives outside. */
    POINTS,
    /** The label's extent, each side perturbed. */
    BOX,
    /** A box and control points in the same prompt. */
    BOX_AND_POINTS
}
