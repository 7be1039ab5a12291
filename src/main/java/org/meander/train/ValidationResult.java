package org.meander.train;

import java.util.List;

/** A split's mean loss and each tile's metrics. */
public record ValidationResult(double loss, List<TileMetrics> tiles) {

    public MetricSummary summary() {
        return MetricSummary.of(tiles);
    }
}
