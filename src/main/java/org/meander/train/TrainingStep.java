package org.meander.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.List;
import java.util.Map;
import org.meander.sam.SamModel;

/**
 * One optimisation step of the mask decoder: forward on a batch, loss, backward ({@link #backward}), then AdamW
 * ({@link #update}). The model's decoder parameters are updated in place.
 */
public final class TrainingStep implements AutoCloseable {

    /** Images decoded at once; at ViT-B sizes a batch of 8 in one piece holds about 2 GB of activations. */
    static final int DEFAULT_MICRO_BATCH = 2;

    private final SamModel model;
    private final DecoderForward forward;
    private final DecoderParameters parameters;
    private final AdamW optimizer;
    private final LossSettings loss;
    private final int microBatch;

    public TrainingStep(SamModel model, LossSettings loss, AdamWSettings optimizer) {
        this(model, loss, optimizer, DEFAULT_MICRO_BATCH);
    }

    /** microBatch: images decoded together; a larger batch goes through in slices of this size. */
    public TrainingStep(SamModel model, LossSettings loss, AdamWSettings optimizer, int microBatch) {
        if (microBatch < 1) {
            throw new IllegalArgumentException("micro-batch must be at least 1, got " + microBatch);
        }
        this.microBatch = microBatch;
        this.model = model;
        this.forward = new DecoderForward(model);
        this.parameters = DecoderParameters.of(model);
        this.parameters.requireGradients();
        this.optimizer = new AdamW(parameters.arrays(), optimizer, model.manager());
        this.loss = loss;
    }

    public DecoderParameters parameters() {
        return parameters;
    }

    public AdamW optimizer() {
        return optimizer;
    }

    public LossSettings loss() {
        return loss;
    }

    /** Backward then update; a loss that is not finite leaves the parameters as they were. */
    public StepResult run(List<TrainingExample> batch, double lr) {
        float value = backward(batch);
        if (!Float.isFinite(value)) {
            return new StepResult(value, Double.NaN);
        }
        double norm = update(lr);
        return new StepResult(value, norm);
    }

    /**
     * Computes the batch's loss and, when it is finite, the gradients of the decoder parameters (replacing the
     * previous ones). Returns the loss.
     */
    public float backward(List<TrainingExample> batch) {
        parameters.zeroGradients();
        double total = 0;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            // a batch goes through in slices whose gradients add up: every loss is a mean over the batch's images,
            // so a slice's loss weighted by its share of the batch contributes exactly its part, and only one
            // slice's activations are held at a time
            for (int first = 0; first < batch.size(); first += microBatch) {
                List<TrainingExample> slice = batch.subList(first, Math.min(batch.size(), first + microBatch));
                try (NDManager scope = model.manager().newSubManager()) {
                    NDArray part = loss.compute(forward.run(scope, slice, loss.handling().multimask()))
                            .mul((float) slice.size() / batch.size());
                    float value = part.getFloat();
                    total += value;
                    if (!Float.isFinite(value)) {
                        return value;
                    }
                    collector.backward(part);
                }
            }
        }
        return (float) total;
    }

    /**
     * Applies AdamW with learning rate {@code lr} to the gradients of the last backward and returns their L2 norm;
     * gradients that are not finite are not applied.
     */
    public double update(double lr) {
        // in-place updates of leaves that require gradients: recording must be off, and it is on by default per thread
        try (NoGradient off = NoGradient.enter(); NDManager scope = model.manager().newSubManager()) {
            Map<String, NDArray> gradients = parameters.gradients(scope, loss.iouLoss());
            double squares = 0;
            for (NDArray g : gradients.values()) {
                squares += g.mul(g).sum().getFloat();
            }
            if (Double.isFinite(squares)) {
                optimizer.step(lr, gradients);
            }
            return Math.sqrt(squares);
        }
    }

    @Override
    public void close() {
        optimizer.close();
    }
}
