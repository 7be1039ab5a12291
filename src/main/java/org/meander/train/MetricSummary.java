package org.meander.train;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Mean and median of each metric over a set of tiles. */
public record MetricSummary(int tiles, Stat iou, Stat f1, Stat precision, Stat recall, Stat accuracy) {

    /** A metric's mean and median. */
    public record Stat(double mean, double median) {
    }

    public static MetricSummary of(List<TileMetrics> metrics) {
        return new MetricSummary(metrics.size(), stat(metrics, TileMetrics::iou), stat(metrics, TileMetrics::f1),
                stat(metrics, TileMetrics::precision), stat(metrics, TileMetrics::recall),
                stat(metrics, TileMetrics::accuracy));
    }

    private static Stat stat(List<TileMetrics> metrics, ToDoubleFunction<TileMetrics> metric) {
        double[] values = metrics.stream().mapToDouble(metric).sorted().toArray();
        if (values.length == 0) {
            return new Stat(Double.NaN, Double.NaN);
        }
        int mid = values.length / 2;
        double median = values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
        return new Stat(Arrays.stream(values).average().orElseThrow(), median);
    }
}
