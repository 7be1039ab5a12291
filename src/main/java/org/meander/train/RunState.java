package org.meander.train;

import java.util.List;

/**
 * Where a run stands, saved with each checkpoint so that a resumed run continues exactly: the next batch to train
 * (epoch and batch within it, from 0), the optimizer steps taken, the best epoch so far, and the history. The random
 * state is a function of the seed and the position (each epoch's order and each batch's prompts are drawn from
 * generators seeded by them), so the position is the random state.
 */
public record RunState(
        int epoch,
        int batch,
        long step,
        int bestEpoch,
        double bestValidationLoss,
        int epochsWithoutImprovement,
        List<EpochRecord> epochs,
        List<BatchRecord> batches) {

    public static RunState start() {
        return new RunState(0, 0, 0, 0, Double.POSITIVE_INFINITY, 0, List.of(), List.of());
    }
}
