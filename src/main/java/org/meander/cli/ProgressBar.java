package org.meander.cli;

import java.io.PrintStream;
import org.meander.embed.EncodingProgress;

/** A one-line progress bar: done / total, seconds per tile, time left (see {@link RedrawnLine}). */
final class ProgressBar {

    private static final int WIDTH = 30;
    private final RedrawnLine line;
    private boolean finished;

    ProgressBar(PrintStream out) {
        this.line = new RedrawnLine(out);
    }

    /** Draws the bar; ignored once finished (late events must not draw past the ended line). */
    synchronized void show(EncodingProgress p) {
        show(p.done() + p.failed(), p.total(), p.failed(), p.secondsPerTile(), p.secondsLeft());
    }

    /** Draws {@code processed} of {@code total} tiles; the timing is left out while seconds per tile is NaN. */
    synchronized void show(int processed, int total, int failed, double secondsPerTile, double secondsLeft) {
        if (finished) {
            return;
        }
        int filled = (int) ((long) WIDTH * processed / Math.max(1, total));
        String timing = Double.isNaN(secondsPerTile) ? ""
                : String.format(" %.1f s/tile, %s left", secondsPerTile, duration(secondsLeft));
        line.draw(String.format("[%s%s] %d/%d%s%s   ", "#".repeat(filled), " ".repeat(WIDTH - filled), processed,
                total, timing, failed > 0 ? ", " + failed + " failed" : ""), processed, total);
    }

    synchronized void finish() {
        if (finished) {
            return;
        }
        finished = true;
        line.end();
    }

    /** Seconds as 42s, 3m07s or 1h05m; "?" when not known. */
    static String duration(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "?";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, s % 3600 / 60)
                : s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
