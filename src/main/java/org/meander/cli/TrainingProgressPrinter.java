package org.meander.cli;

import java.io.PrintStream;
import org.meander.train.BatchRecord;
import org.meander.train.EpochRecord;
import org.meander.train.TrainingListener;

/**
 * Training progress: a redrawn line for embedding and for the batches of the epoch (loss, samples a second, time
 * left in the run; a line a tenth in a log, see {@link RedrawnLine}), then one line per finished epoch.
 */
final class TrainingProgressPrinter implements TrainingListener {

    private static final int WIDTH = 24;
    private final PrintStream out;
    private final RedrawnLine embeddingLine;
    private final RedrawnLine batchLine;
    private final int epochs;
    private final int samplesPerEpoch;
    private double samplesPerSecond = Double.NaN;

    TrainingProgressPrinter(PrintStream out, int epochs, int samplesPerEpoch) {
        this.out = out;
        this.embeddingLine = new RedrawnLine(out);
        this.batchLine = new RedrawnLine(out);
        this.epochs = epochs;
        this.samplesPerEpoch = samplesPerEpoch;
    }

    @Override
    public void embedding(int done, int total) {
        embeddingLine.draw(String.format("embedding %s %d/%d   ", bar(done, total), done, total), done, total);
        if (done == total) {
            embeddingLine.end();
        }
    }

    @Override
    public void batch(BatchRecord record, int batchInEpoch, int batchesPerEpoch, double rate) {
        samplesPerSecond = Double.isNaN(samplesPerSecond) ? rate : 0.9 * samplesPerSecond + 0.1 * rate;
        long samplesLeft = (long) (epochs - record.epoch()) * samplesPerEpoch
                + (long) (batchesPerEpoch - batchInEpoch) * samplesPerEpoch / batchesPerEpoch;
        batchLine.draw(String.format("epoch %d/%d %s %d/%d loss %.4f lr %.2e %.1f samples/s, %s left   ",
                record.epoch(), epochs, bar(batchInEpoch, batchesPerEpoch), batchInEpoch, batchesPerEpoch,
                record.loss(), record.learningRate(), samplesPerSecond,
                ProgressBar.duration(samplesLeft / samplesPerSecond)), batchInEpoch, batchesPerEpoch);
    }

    @Override
    public void tileRemoved(String tile) {
        batchLine.end();
        out.printf("tile %s was removed or renamed: left out from here on%n", tile);
        out.flush();
    }

    @Override
    public void epoch(EpochRecord record, boolean best) {
        batchLine.end();
        out.printf("epoch %d/%d: training loss %.4f, validation loss %.4f, IoU %.3f (median %.3f), F1 %.3f,"
                + " %.0f s%s%n", record.epoch(), epochs, record.trainingLoss(), record.validationLoss(),
                record.validation().iou().mean(), record.validation().iou().median(), record.validation().f1().mean(),
                record.seconds(), best ? "  * best" : "");
        out.flush();
    }

    private static String bar(int done, int total) {
        int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
        return "[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "]";
    }
}
