package org.meander.train;

import ai.djl.ndarray.NDArray;

/**
 * How a batch's decoder output becomes one loss: which candidates meet the segmentation loss, and optionally a
 * mean-squared-error term that teaches the IoU head the IoU the chosen mask really has.
 */
public record LossSettings(LossFunction function, OutputHandling handling, boolean iouLoss) {

    public NDArray compute(DecoderOutput output) {
        NDArray logits = handling.select(output.masks(), output.iou());
        NDArray total = function.compute(logits, output.targets());
        if (!iouLoss) {
            return total;
        }
        NDArray predicted = handling.selectIou(output.iou());
        NDArray actual = Losses.trueIou(logits, output.targets());
        return total.add(predicted.sub(actual).square().mean());
    }
}
