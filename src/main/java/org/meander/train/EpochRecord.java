package org.meander.train;

/**
 * What one epoch achieved.
 *
 * @param epoch counted from 1
 * @param trainingLoss mean of the epoch's batch losses
 * @param validation validation metrics in SAM's low-resolution frame, logits thresholded at 0
 * @param samplesPerSecond training samples (images) per second, validation excluded
 */
public record EpochRecord(int epoch, double trainingLoss, double validationLoss, MetricSummary validation,
        double seconds, double samplesPerSecond) {

    /** The loss that picks the best epoch: validation's, or training's when the run has no validation tiles. */
    public double selectionLoss() {
        return validation.tiles() == 0 ? trainingLoss : validationLoss;
    }
}
