package org.meander.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.chart.XYChart;
import org.junit.jupiter.api.Test;
import org.meander.train.BatchRecord;
import org.meander.train.EpochRecord;
import org.meander.train.MetricSummary;
import org.meander.train.RunHistory;

/** A run's charts: batches against epochs, thinned when many, and the best epoch marked. */
class RunChartsTest {

    @Test
    void manyBatchesAreAveragedToAFewHundredPointsKeepingTheMean() {
        RunCharts charts = new RunCharts();
        int batches = 5000;
        double sum = 0;
        for (int i = 1; i <= batches; i++) {
            double loss = 1 + Math.sin(i / 50.0);
            sum += loss;
            charts.add(new RunPoint.Batch(i / 100.0, loss));
        }
        List<XYChart.Data<Number, Number>> points = charts.lossSeries().get(0).getData();
        assertTrue(points.size() <= RunCharts.MAX_BATCH_POINTS && points.size() > RunCharts.MAX_BATCH_POINTS / 4,
                "points: " + points.size());
        double shown = points.stream().mapToDouble(p -> p.getYValue().doubleValue()).average().orElseThrow();
        assertEquals(sum / batches, shown, 0.01, "averages of equal runs of batches keep the mean");
        for (int i = 1; i < points.size(); i++) {
            assertTrue(points.get(i).getXValue().doubleValue() > points.get(i - 1).getXValue().doubleValue());
        }
    }

    @Test
    void aHistorySpreadsEachEpochsBatchesAndMarksTheBestEpoch() {
        List<BatchRecord> batches = new ArrayList<>();
        List<EpochRecord> epochs = new ArrayList<>();
        double[] validationLoss = {0.9, 0.5, 0.7};
        for (int e = 1; e <= 3; e++) {
            for (int b = 1; b <= 4; b++) {
                batches.add(new BatchRecord((e - 1) * 4L + b, e, 1.0 / e, 1e-5));
            }
            MetricSummary.Stat iou = new MetricSummary.Stat(0.2 * e, 0.2 * e);
            epochs.add(new EpochRecord(e, 1.0 / e, validationLoss[e - 1],
                    new MetricSummary(2, iou, iou, iou, iou, iou), 1, 4));
        }
        RunCharts charts = new RunCharts();
        charts.show(new RunHistory(epochs, batches));

        List<XYChart.Data<Number, Number>> loss = charts.lossSeries().get(0).getData();
        assertEquals(12, loss.size());
        assertEquals(0.25, loss.get(0).getXValue().doubleValue(), 1e-12, "batch 1 of 4 is a quarter epoch in");
        assertEquals(3.0, loss.get(11).getXValue().doubleValue(), 1e-12);
        assertEquals(2, charts.bestEpochProperty().get());
        XYChart.Data<Number, Number> best = charts.lossSeries().get(2).getData().get(0);
        assertEquals(2, best.getXValue().intValue());
        assertEquals(0.5, best.getYValue().doubleValue());
        assertEquals(0.4, charts.iouSeries().get(1).getData().get(0).getYValue().doubleValue(), 1e-12);
    }
}
