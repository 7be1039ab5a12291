package org.meander.cli;

import java.io.PrintStream;
import org.meander.embed.EncodingProgress;

/** A one-line progress bar on a terminal stream: done / total, seconds per tile, time left. */
final class ProgressBar {

    private static final int WIDTH = 30;
    private final PrintStream out;
    private boolean finished;

    ProgressBar(PrintStream out) {
        this.out = out;
    }

    /** Draws the bar; ignored once finished (late events must not draw past the ended line). */
    synchronized void show(EncodingProgress p) {
        if (finished) {
            return;
        }
        int total = Math.max(1, p.total());
        int filled = (int) ((long) WIDTH * (p.done() + p.failed()) / total);
        String timing = Double.isNaN(p.secondsPerTile()) ? ""
                : String.format(" %.1f s/tile, %s left", p.secondsPerTile(), duration(p.secondsLeft()));
        out.printf("\r[%s%s] %d/%d%s%s   ", "#".repeat(filled), " ".repeat(WIDTH - filled), p.done() + p.failed(),
                p.total(), timing, p.failed() > 0 ? ", " + p.failed() + " failed" : "");
        out.flush();
    }

    synchronized void finish() {
        if (finished) {
            return;
        }
        finished = true;
        out.println();
    }

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, s % 3600 / 60)
                : s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
