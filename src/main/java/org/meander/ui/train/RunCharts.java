package org.meander.ui.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;
import org.meander.train.BatchRecord;
import org.meander.train.EpochRecord;
import org.meander.train.RunHistory;

/**
 * The chart series of one run, against epochs: the training loss of each batch, the validation loss and IoU of
 * each epoch, and a marker on the best epoch. Filled from a run's history or point by point as it trains. A long
 * run's batches are averaged in runs of 2, 4, 8… consecutive batches, so the loss chart never holds more than
 * {@link #MAX_BATCH_POINTS} points however many batches there were. JavaFX thread only.
 */
public final class RunCharts {

    static final int MAX_BATCH_POINTS = 500;

    private final XYChart.Series<Number, Number> batchLoss = series("training loss (batches)");
    private final XYChart.Series<Number, Number> validationLoss = series("validation loss");
    private final XYChart.Series<Number, Number> bestLoss = series("best epoch");
    private final XYChart.Series<Number, Number> validationIou = series("validation IoU");
    private final XYChart.Series<Number, Number> bestIou = series("best epoch");
    private final ReadOnlyIntegerWrapper bestEpoch = new ReadOnlyIntegerWrapper();
    /** How many batches each loss point averages, and the batches waiting to make the next one. */
    private int stride = 1;
    private int waiting;
    private double waitingPositions;
    private double waitingLosses;

    /** Loss chart: training loss per batch, validation loss per epoch, the best epoch. */
    public List<XYChart.Series<Number, Number>> lossSeries() {
        return List.of(batchLoss, validationLoss, bestLoss);
    }

    /** IoU chart: validation IoU per epoch, the best epoch. */
    public List<XYChart.Series<Number, Number>> iouSeries() {
        return List.of(validationIou, bestIou);
    }

    /** The epoch of the best checkpoint so far, 0 before the first epoch ends. */
    public ReadOnlyIntegerProperty bestEpochProperty() {
        return bestEpoch.getReadOnlyProperty();
    }

    public void clear() {
        stride = 1;
        waiting = 0;
        waitingPositions = 0;
        waitingLosses = 0;
        bestEpoch.set(0);
        for (XYChart.Series<Number, Number> s : List.of(batchLoss, validationLoss, bestLoss, validationIou, bestIou)) {
            s.getData().clear();
        }
    }

    /** Shows a run's history: everything it trained so far. */
    public void show(RunHistory history) {
        clear();
        Map<Integer, List<BatchRecord>> byEpoch = new LinkedHashMap<>();
        history.batches().forEach(b -> byEpoch.computeIfAbsent(b.epoch(), e -> new ArrayList<>()).add(b));
        // an epoch without its end (a failed run's last) spreads its batches as the first epoch did
        int perEpoch = byEpoch.values().stream().findFirst().map(List::size).orElse(1);
        List<XYChart.Data<Number, Number>> points = new ArrayList<>();
        byEpoch.forEach((epoch, batches) -> {
            boolean ended = history.epochs().stream().anyMatch(r -> r.epoch() == epoch);
            int count = ended ? batches.size() : Math.max(perEpoch, batches.size());
            for (int i = 0; i < batches.size(); i++) {
                addBatch(points, epoch - 1 + (i + 1.0) / count, batches.get(i).loss());
            }
        });
        batchLoss.getData().setAll(points); // at once: one change for the chart to lay out, not thousands
        int best = history.bestEpoch();
        history.epochs().forEach(record -> addEpoch(record, record.epoch() == best));
    }

    void add(RunPoint point) {
        if (point instanceof RunPoint.Batch batch) {
            addBatch(batchLoss.getData(), batch.position(), batch.loss());
        } else if (point instanceof RunPoint.Epoch epoch) {
            addEpoch(epoch.record(), epoch.best());
        }
    }

    private void addBatch(List<XYChart.Data<Number, Number>> points, double position, double loss) {
        waiting++;
        waitingPositions += position;
        waitingLosses += loss;
        if (waiting < stride) {
            return;
        }
        points.add(new XYChart.Data<>(waitingPositions / waiting, waitingLosses / waiting));
        waiting = 0;
        waitingPositions = 0;
        waitingLosses = 0;
        if (points.size() > MAX_BATCH_POINTS) {
            halve(points);
        }
    }

    /** Averages neighbouring points in pairs; an odd last point waits to pair with the next batches. */
    private void halve(List<XYChart.Data<Number, Number>> points) {
        List<XYChart.Data<Number, Number>> merged = new ArrayList<>();
        for (int i = 0; i + 1 < points.size(); i += 2) {
            merged.add(new XYChart.Data<>(
                    (points.get(i).getXValue().doubleValue() + points.get(i + 1).getXValue().doubleValue()) / 2,
                    (points.get(i).getYValue().doubleValue() + points.get(i + 1).getYValue().doubleValue()) / 2));
        }
        if (points.size() % 2 == 1) {
            XYChart.Data<Number, Number> last = points.get(points.size() - 1);
            waiting = stride;
            waitingPositions = last.getXValue().doubleValue() * stride;
            waitingLosses = last.getYValue().doubleValue() * stride;
        }
        stride *= 2;
        if (points instanceof ObservableList<XYChart.Data<Number, Number>> observable) {
            observable.setAll(merged);
        } else {
            points.clear();
            points.addAll(merged);
        }
    }

    private void addEpoch(EpochRecord record, boolean best) {
        boolean validated = record.validation().tiles() > 0;
        if (validated) {
            validationLoss.getData().add(new XYChart.Data<>(record.epoch(), record.validationLoss()));
            validationIou.getData().add(new XYChart.Data<>(record.epoch(), record.validation().iou().mean()));
        }
        if (best) {
            bestEpoch.set(record.epoch());
            // without validation tiles the run chose by the training loss
            bestLoss.getData().setAll(new XYChart.Data<>(record.epoch(),
                    validated ? record.validationLoss() : record.trainingLoss()));
            bestIou.getData().setAll(validated
                    ? List.of(new XYChart.Data<>(record.epoch(), record.validation().iou().mean())) : List.of());
        }
    }

    private static XYChart.Series<Number, Number> series(String name) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName(name);
        return series;
    }
}
