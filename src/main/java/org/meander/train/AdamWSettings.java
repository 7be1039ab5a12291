package org.meander.train;

/** AdamW's hyper-parameters other than the learning rate, which the schedule sets each step. */
public record AdamWSettings(double beta1, double beta2, double epsilon, double weightDecay) {

    public AdamWSettings {
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("AdamW betas must lie in [0, 1), got " + beta1 + ", " + beta2);
        }
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("AdamW epsilon must be positive, got " + epsilon);
        }
        if (!(weightDecay >= 0)) {
            throw new IllegalArgumentException("weight decay must be 0 or more, got " + weightDecay);
        }
    }
}
