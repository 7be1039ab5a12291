package org.meander.ui.train;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.meander.train.BatchRecord;
import org.meander.train.EpochRecord;
import org.meander.train.TrainingListener;

/**
 * Carries a run's reports from the training thread to the JavaFX thread. The latest progress replaces the one
 * before, chart points queue up, and at most one hand-over waits on the JavaFX thread at a time: a run of many
 * small batches cannot flood it. Estimates throughput and time left on the training thread.
 */
final class TrainingMonitor implements TrainingListener {

    /** What one hand-over brings: the latest progress and the points added since the last one. */
    record Report(RunProgress progress, List<RunPoint> points) {
    }

    private static final double SMOOTHING = 0.2;

    private final int epochs;
    private final Consumer<Runnable> fxThread;
    private final Consumer<Report> sink;
    private final AtomicReference<RunProgress> latest = new AtomicReference<>();
    private final ConcurrentLinkedQueue<RunPoint> points = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean pending = new AtomicBoolean();

    // the training thread's own
    private long lastEvent = System.nanoTime();
    private double samplesPerSecond = Double.NaN;
    private double secondsPerBatch = Double.NaN;
    private double validationSeconds;
    private int epoch = 1;
    private int batchInEpoch;
    private int batchesPerEpoch = 1;

    /** fxThread: how to run on the JavaFX thread (Platform::runLater); sink: what to do there with a report. */
    TrainingMonitor(int epochs, Consumer<Runnable> fxThread, Consumer<Report> sink) {
        this.epochs = epochs;
        this.fxThread = fxThread;
        this.sink = sink;
    }

    @Override
    public void embedding(int done, int total) {
        publish(new RunProgress("Computing embeddings " + done + "/" + total, 0, fraction(done, total),
                Double.NaN, Double.NaN));
        lastEvent = System.nanoTime();
    }

    @Override
    public void batch(BatchRecord record, int batchInEpoch, int batchesPerEpoch, double rate) {
        long now = System.nanoTime();
        double seconds = (now - lastEvent) / 1e9;
        lastEvent = now;
        samplesPerSecond = smooth(samplesPerSecond, rate);
        secondsPerBatch = smooth(secondsPerBatch, seconds);
        epoch = record.epoch();
        this.batchInEpoch = batchInEpoch;
        this.batchesPerEpoch = batchesPerEpoch;
        double inEpoch = fraction(batchInEpoch, batchesPerEpoch);
        points.add(new RunPoint.Batch(epoch - 1 + inEpoch, record.loss()));
        publish(new RunProgress("Epoch " + epoch + "/" + epochs + " · batch " + batchInEpoch + "/" + batchesPerEpoch,
                (epoch - 1 + inEpoch) / epochs, inEpoch, samplesPerSecond, secondsLeft()));
    }

    @Override
    public void validating(int done, int total) {
        publish(new RunProgress("Epoch " + epoch + "/" + epochs + " · validating " + done + "/" + total,
                (double) epoch / epochs, fraction(done, total), samplesPerSecond, secondsLeft()));
    }

    @Override
    public void epoch(EpochRecord record, boolean best) {
        long now = System.nanoTime();
        validationSeconds = (now - lastEvent) / 1e9;
        lastEvent = now;
        epoch = record.epoch() + 1;
        batchInEpoch = 0;
        points.add(new RunPoint.Epoch(record, best));
        publish(new RunProgress("Epoch " + record.epoch() + "/" + epochs + " done", (double) record.epoch() / epochs,
                1, samplesPerSecond, secondsLeft()));
    }

    /** The batches left at the recent pace, and each epoch's validation as long as the last one took. */
    private double secondsLeft() {
        long batchesLeft = (long) (epochs - epoch) * batchesPerEpoch + batchesPerEpoch - batchInEpoch;
        int validationsLeft = epochs - epoch + 1;
        return Math.max(0, batchesLeft * secondsPerBatch + validationsLeft * validationSeconds);
    }

    private void publish(RunProgress progress) {
        latest.set(progress);
        if (pending.compareAndSet(false, true)) {
            fxThread.accept(this::deliver);
        }
    }

    private void deliver() {
        pending.set(false); // before draining: a point added from here on schedules the next hand-over
        List<RunPoint> drained = new ArrayList<>();
        for (RunPoint point = points.poll(); point != null; point = points.poll()) {
            drained.add(point);
        }
        sink.accept(new Report(latest.get(), drained));
    }

    private static double smooth(double average, double value) {
        return Double.isNaN(average) ? value : (1 - SMOOTHING) * average + SMOOTHING * value;
    }

    private static double fraction(int done, int total) {
        return total == 0 ? 1 : (double) done / total;
    }
}
