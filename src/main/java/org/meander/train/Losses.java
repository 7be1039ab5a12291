package org.meander.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Activation;
import org.meander.sam.modeling.Scalars;

/**
 * Segmentation losses on (M, 1, H, W) logits against (M, 1, H, W) targets of 0 and 1, each a scalar mean. Scalars
 * that a backward pass needs come from {@link Scalars}.
 * Dice follows MONAI's {@code DiceLoss(sigmoid=True, squared_pred=True)}; cross-entropy is PyTorch's
 * {@code binary_cross_entropy_with_logits}; focal is MONAI's {@code FocalLoss(gamma=2)} on logits.
 */
final class Losses {

    private static final double SMOOTH = 1e-5;
    private static final double FOCAL_GAMMA = 2;

    private Losses() {
    }

    /** Mean over masks of 1 - (2 sum(p g) + 1e-5) / (sum(p^2) + sum(g^2) + 1e-5), p = sigmoid(logits). */
    static NDArray dice(NDArray logits, NDArray targets) {
        int[] pixels = {2, 3};
        NDArray p = Activation.sigmoid(logits);
        NDArray intersection = p.mul(targets).sum(pixels);
        NDArray denominator = p.mul(p).sum(pixels).add(targets.mul(targets).sum(pixels)).add(SMOOTH);
        return intersection.mul(Scalars.of(p, 2)).add(SMOOTH).div(denominator).neg().add(1).mean();
    }

    /** Per-pixel max(x, 0) - x g + log(1 + exp(-|x|)), the stable form of BCE with logits. */
    static NDArray crossEntropyPerPixel(NDArray logits, NDArray targets) {
        return logits.maximum(Scalars.of(logits, 0)).sub(logits.mul(targets)).add(Activation.softPlus(logits.abs().neg()));
    }

    static NDArray crossEntropy(NDArray logits, NDArray targets) {
        return crossEntropyPerPixel(logits, targets).mean();
    }

    /** Mean of (1 - p_t)^2 * BCE, p_t the probability given to the true class. */
    static NDArray focal(NDArray logits, NDArray targets) {
        NDArray p = Activation.sigmoid(logits);
        NDArray pTrue = p.mul(targets).add(p.neg().add(1).mul(targets.neg().add(1)));
        return pTrue.neg().add(1).pow(Scalars.of(p, FOCAL_GAMMA)).mul(crossEntropyPerPixel(logits, targets)).mean();
    }

    /** (M, 1): the IoU of each mask thresholded at logit 0 with its target, a constant for the IoU head to learn. */
    static NDArray trueIou(NDArray logits, NDArray targets) {
        int[] pixels = {2, 3};
        NDArray predicted = logits.stopGradient().gt(0).toType(DataType.FLOAT32, false);
        NDArray intersection = predicted.mul(targets).sum(pixels);
        NDArray union = predicted.sum(pixels).add(targets.sum(pixels)).sub(intersection);
        return intersection.div(union.maximum(1));
    }
}
