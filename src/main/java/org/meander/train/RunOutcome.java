package org.meander.train;

/** How a call to {@link TrainingRun#train} ended; bestEpoch is 0 when no epoch finished. */
public record RunOutcome(RunStatus status, String message, int bestEpoch) {
}
