package org.meander.ui.evaluate;

import java.util.List;
import org.meander.train.EvaluationReport;
import org.meander.train.MetricSummary;

/** One line of the metrics table: a metric's mean and median over the split's tiles, base against tuned. */
public record MetricRow(String metric, double baseMean, double tunedMean, double baseMedian, double tunedMedian) {

    public static List<MetricRow> of(EvaluationReport report) {
        MetricSummary b = report.base();
        MetricSummary t = report.tuned();
        return List.of(row("IoU", b.iou(), t.iou()), row("F1", b.f1(), t.f1()),
                row("precision", b.precision(), t.precision()), row("recall", b.recall(), t.recall()),
                row("accuracy", b.accuracy(), t.accuracy()));
    }

    private static MetricRow row(String name, MetricSummary.Stat base, MetricSummary.Stat tuned) {
        return new MetricRow(name, base.mean(), tuned.mean(), base.median(), tuned.median());
    }
}
