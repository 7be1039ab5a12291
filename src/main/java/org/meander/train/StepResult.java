package org.meander.train;

/** What one training step reports: the batch's loss before the update and the L2 norm of the gradients. */
public record StepResult(float loss, double gradientNorm) {
}
