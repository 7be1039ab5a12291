package org.meander.train;

import ai.djl.ndarray.NDArray;
import org.meander.sam.modeling.Scalars;

/** The segmentation loss of a run. */
public enum LossFunction {
    /** Dice plus cross-entropy, MONAI's {@code DiceCELoss(sigmoid=True, squared_pred=True)}: the seed's default. */
    DICE_CE,
    /** Sigmoid focal loss, gamma 2. */
    FOCAL,
    /** 19 parts focal to 1 part dice, close to the 20:1 of the SAM paper. */
    FOCAL_DICE;

    /** The scalar loss of (M, 1, H, W) logits against targets of 0 and 1. */
    public NDArray compute(NDArray logits, NDArray targets) {
        return switch (this) {
            case DICE_CE -> Losses.dice(logits, targets).add(Losses.crossEntropy(logits, targets));
            case FOCAL -> Losses.focal(logits, targets);
            case FOCAL_DICE -> Losses.focal(logits, targets).mul(Scalars.of(logits, 19)).add(Losses.dice(logits, targets));
        };
    }
}
