package org.meander.cli;

import java.io.PrintStream;

/** "tiles 12/529", redrawn in place on a terminal, for work counted in items (see {@link RedrawnLine}). */
final class ProgressLine {

    private final RedrawnLine line;
    private final String what;

    ProgressLine(PrintStream out, String what) {
        this.line = new RedrawnLine(out);
        this.what = what;
    }

    void show(int done, int total) {
        line.draw(what + " " + done + "/" + total, done, total);
    }

    void finish() {
        line.end();
    }
}
