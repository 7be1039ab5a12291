package org.meander.train;

/** One parameter's AdamW state: its step count and first and second moments. */
public record AdamWState(long step, float[] expAvg, float[] expAvgSq) {
}
