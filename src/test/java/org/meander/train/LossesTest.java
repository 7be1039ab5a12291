package org.meander.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

/** Each loss on two pixels whose values are worked out by hand. */
class LossesTest {

    private static final float[] LOGITS = {2f, -1f};
    private static final float[] TARGETS = {1f, 1f};

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    private static double bce(double x, double g) {
        return -(g * Math.log(sigmoid(x)) + (1 - g) * Math.log(1 - sigmoid(x)));
    }

    private static double compute(LossFunction function) {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray logits = manager.create(LOGITS).reshape(1, 1, 1, 2);
            NDArray targets = manager.create(TARGETS).reshape(1, 1, 1, 2);
            return function.compute(logits, targets).getFloat();
        }
    }

    private static double dice() {
        double p0 = sigmoid(2);
        double p1 = sigmoid(-1);
        return 1 - (2 * (p0 + p1) + 1e-5) / (p0 * p0 + p1 * p1 + 2 + 1e-5);
    }

    private static double focal() {
        return (Math.pow(1 - sigmoid(2), 2) * bce(2, 1) + Math.pow(1 - sigmoid(-1), 2) * bce(-1, 1)) / 2;
    }

    @Test
    void diceCrossEntropy() {
        assertEquals(dice() + (bce(2, 1) + bce(-1, 1)) / 2, compute(LossFunction.DICE_CE), 1e-6);
    }

    @Test
    void sigmoidFocal() {
        assertEquals(focal(), compute(LossFunction.FOCAL), 1e-6);
    }

    @Test
    void focalAndDiceNineteenToOne() {
        assertEquals(19 * focal() + dice(), compute(LossFunction.FOCAL_DICE), 1e-5);
    }

    @Test
    void trueIouOfTheThresholdedMask() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray logits = manager.create(new float[] {2f, -1f, 3f, -2f}).reshape(1, 1, 2, 2);
            NDArray targets = manager.create(new float[] {1f, 1f, 0f, 0f}).reshape(1, 1, 2, 2);
            // predicted {1, 0, 1, 0}, label {1, 1, 0, 0}: intersection 1, union 3
            assertEquals(1 / 3.0, Losses.trueIou(logits, targets).getFloat(), 1e-6);
        }
    }
}
