package org.meander.train;

/** One tile's metrics under the base model and the tuned one. */
public record EvaluationRow(String tile, TileMetrics base, TileMetrics tuned) {
}
