package org.meander.cli;

import java.io.PrintStream;
import org.meander.weights.hub.DownloadProgress;

/** A download's progress, redrawn in place on a terminal stream at most five times a second. */
final class DownloadProgressLine {

    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 200_000_000L;

    private final RedrawnLine line;
    private final long start = System.nanoTime();
    private long lastDrawn;
    /** Bytes already on disk when this run began (a resumed download): not part of this run's rate. */
    private long firstDone = -1;
    private DownloadProgress.Step lastStep;

    DownloadProgressLine(PrintStream out) {
        this.line = new RedrawnLine(out);
    }

    synchronized void show(DownloadProgress p) {
        long now = System.nanoTime();
        if (firstDone < 0 && p.step() == DownloadProgress.Step.DOWNLOADING) {
            firstDone = p.done();
        }
        boolean newStep = p.step() != lastStep;
        if (!newStep && now - lastDrawn < REDRAW_NANOS) {
            return;
        }
        lastDrawn = now;
        lastStep = p.step();
        String text = switch (p.step()) {
            case LISTING -> "asking the hub for the file list";
            case VERIFYING -> "checking " + p.file();
            case DOWNLOADING -> p.file();
        };
        double seconds = (now - start) / 1e9;
        String rate = seconds > 1 ? String.format(", %.1f MB/s", (p.done() - Math.max(0, firstDone)) / 1e6 / seconds) : "";
        int filled = p.fraction() < 0 ? 0 : (int) (WIDTH * p.fraction());
        String amount = p.total() < 0 ? String.format("%.1f MB", p.done() / 1e6)
                : String.format("%.1f/%.1f MB", p.done() / 1e6, p.total() / 1e6);
        if (newStep) {
            line.restart(); // the check, or the files after the listing, count their own tenths
        }
        line.draw(String.format("[%s%s] %s%s %s   ", "#".repeat(filled), " ".repeat(WIDTH - filled), amount, rate,
                text), p.done(), p.total());
    }

    synchronized void finish() {
        line.end();
    }
}
