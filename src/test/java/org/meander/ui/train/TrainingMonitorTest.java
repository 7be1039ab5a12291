package org.meander.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.meander.train.BatchRecord;
import org.meander.train.EpochRecord;
import org.meander.train.MetricSummary;

/** The monitor hands reports over to the JavaFX thread one at a time, however fast the run reports. */
class TrainingMonitorTest {

    @Test
    void manyBatchesMakeOneWaitingHandOverThatCarriesEveryPoint() {
        List<Runnable> waiting = new ArrayList<>();
        List<TrainingMonitor.Report> delivered = new ArrayList<>();
        TrainingMonitor monitor = new TrainingMonitor(2, waiting::add, delivered::add);
        for (int b = 1; b <= 100; b++) {
            monitor.batch(new BatchRecord(b, 1, 1.0 / b, 1e-5), b, 100, 10);
        }
        assertEquals(1, waiting.size(), "one hand-over waits, however many batches");

        waiting.remove(0).run();
        assertEquals(1, delivered.size());
        assertEquals(100, delivered.get(0).points().size(), "every batch's point arrives");
        RunProgress progress = delivered.get(0).progress();
        assertEquals("Epoch 1/2 · batch 100/100", progress.phase());
        assertEquals(0.5, progress.run(), 1e-12);
        assertEquals(1.0, progress.epoch(), 1e-12);
        assertTrue(progress.secondsLeft() >= 0, "an estimate once batches ran");

        MetricSummary.Stat stat = new MetricSummary.Stat(0.5, 0.5);
        monitor.epoch(new EpochRecord(1, 0.5, 0.4, new MetricSummary(1, stat, stat, stat, stat, stat), 1, 10), true);
        assertEquals(1, waiting.size(), "the next report schedules the next hand-over");
        waiting.remove(0).run();
        assertTrue(delivered.get(1).points().get(0) instanceof RunPoint.Epoch epoch && epoch.best());
    }
}
