package org.meander.ui.train;

import java.util.List;
import javafx.beans.value.ObservableIntegerValue;
import javafx.collections.ListChangeListener;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;

/**
 * A run chart's axes while it has no point: the epochs of the run the form would start, and the values from 0 to 1
 * (IoU's whole range, about a fresh decoder's Dice and cross-entropy loss), rather than the 0 to 125 JavaFX ranges
 * nothing over. With points, the axes fit them.
 */
final class EmptyChartRange {

    private static final int MOST_EPOCH_TICKS = 10;

    private final NumberAxis epochs;
    private final NumberAxis values;
    private final List<XYChart.Series<Number, Number>> series;
    private final ObservableIntegerValue plannedEpochs;

    private EmptyChartRange(NumberAxis epochs, NumberAxis values, List<XYChart.Series<Number, Number>> series,
            ObservableIntegerValue plannedEpochs) {
        this.epochs = epochs;
        this.values = values;
        this.series = series;
        this.plannedEpochs = plannedEpochs;
    }

    /** Keeps the axes of a chart of these series so while it is empty, from now on. */
    static void hold(NumberAxis epochs, NumberAxis values, List<XYChart.Series<Number, Number>> series,
            ObservableIntegerValue plannedEpochs) {
        EmptyChartRange range = new EmptyChartRange(epochs, values, series, plannedEpochs);
        series.forEach(s -> s.getData().addListener((ListChangeListener<XYChart.Data<Number, Number>>) c ->
                range.update()));
        plannedEpochs.addListener(o -> range.update());
        range.update();
    }

    private void update() {
        boolean empty = series.stream().allMatch(s -> s.getData().isEmpty());
        epochs.setAutoRanging(!empty);
        values.setAutoRanging(!empty);
        if (empty) {
            int last = Math.max(1, plannedEpochs.get());
            epochs.setLowerBound(0);
            epochs.setUpperBound(last);
            epochs.setTickUnit(tickUnit(last));
            values.setLowerBound(0);
            values.setUpperBound(1);
            values.setTickUnit(0.25);
        }
    }

    /** 1, 2, 5, 10, 20, 50…: the smallest that marks no more than ten ticks up to {@code last}. */
    static double tickUnit(int last) {
        for (double unit = 1; ; unit *= 10) {
            for (double step : new double[] {1, 2, 5}) {
                if (last / (unit * step) <= MOST_EPOCH_TICKS) {
                    return unit * step;
                }
            }
        }
    }
}
