package org.meander.cli;

import java.io.PrintStream;

/**
 * A line of progress, redrawn in place on a terminal. Written to a log file (a run started with {@code > log 2>&1}),
 * redrawn lines would run together into one ("tiles 1/6tiles 2/6..."): there each tenth of the work gets a line of its
 * own, and so does the end.
 */
final class RedrawnLine {

    /** Java sees a console only when neither stdin nor stdout is redirected: then a person is watching. */
    private static final boolean TERMINAL = System.console() != null;

    private final PrintStream out;
    private final boolean terminal;
    /** On a terminal: a line drawn and not yet ended. */
    private boolean open;
    /** In a log: the tenth of the work last written, -1 before the first. */
    private long tenth = -1;

    RedrawnLine(PrintStream out) {
        this(out, TERMINAL);
    }

    RedrawnLine(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** Shows {@code text}, {@code done} of {@code total} of the work (a total of 0 or less: not known). */
    void draw(String text, long done, long total) {
        if (terminal) {
            out.print("\r" + text);
            open = true;
        } else {
            long now = total <= 0 ? 0 : 10 * Math.min(done, total) / total;
            if (now == tenth) {
                return;
            }
            tenth = now;
            out.println(text.stripTrailing());
        }
        out.flush();
    }

    /** A new stage of the work: in a log, its first draw gets a line whatever its tenth. */
    void restart() {
        tenth = -1;
    }

    /** Ends the line, so that what is written next starts on a line of its own; the next draw starts afresh. */
    void end() {
        if (open) {
            out.println();
            open = false;
        }
        restart();
        out.flush();
    }
}
