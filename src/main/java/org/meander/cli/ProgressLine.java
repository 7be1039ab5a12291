package org.meander.cli;

import java.io.PrintStream;

/** "tiles 12/529" rewritten in place on a terminal stream, for work counted in items. */
final class ProgressLine {

    private final PrintStream out;
    private final String what;
    private boolean shown;

    ProgressLine(PrintStream out, String what) {
        this.out = out;
        this.what = what;
    }

    void show(int done, int total) {
        out.printf("\r%s %d/%d", what, done, total);
        out.flush();
        shown = true;
    }

    void finish() {
        if (shown) {
            out.println();
        }
    }
}
