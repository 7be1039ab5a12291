package org.meander.prompts;

/**
 * How far, in pixels, each side of a sampled box may stray from the label's extent, so that fine-tuning does not
 * learn to expect boxes drawn exactly on the label's edge.
 */
public record BoxSettings(int perturbation) {

    public BoxSettings {
        if (perturbation < 0) {
            throw new IllegalArgumentException("box perturbation must not be negative, got " + perturbation);
        }
    }
}
