package org.meander.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import org.meander.project.RasterTiling;

/**
 * A cut's progress: "tiles 12/529", redrawn in place on a terminal (see {@link RedrawnLine}), and a line of its own
 * for each file decoded whole before its first window is read (JPEG 2000), which takes seconds for a satellite
 * scene's band: what is decoded, then how long it took.
 */
final class TilingProgress implements RasterTiling.Progress {

    private final RedrawnLine line;
    /** The line of the decode under way. */
    private String decodingText = "";

    TilingProgress(PrintStream out) {
        this.line = new RedrawnLine(out);
    }

    @Override
    public void tileWritten(int done, int total) {
        line.draw("tiles " + done + "/" + total, done, total);
    }

    @Override
    public void decoding(Path file, String what) {
        line.end();
        decodingText = "decoding " + file.getFileName() + " whole (" + what + ")...";
        line.draw(decodingText, 0, 1);
    }

    @Override
    public void decoded(Path file, double seconds) {
        line.draw(decodingText + String.format(Locale.ROOT, " %.1f s", seconds), 1, 1);
        line.end();
    }

    void finish() {
        line.end();
    }
}
