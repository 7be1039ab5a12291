package org.meander.project.export;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Predicate;
import org.meander.project.LabelMask;
import org.meander.project.Project;
import org.meander.project.Tile;

/** The tiles a folder export writes a file for: those it was asked for that have a label, empty ones included. */
final class LabelledTiles {

    /** What an export does with one tile's label. */
    interface Writer {
        void write(Tile tile, LabelMask label) throws IOException;
    }

    private LabelledTiles() {
    }

    /** Hands each such tile's label to the writer, in the project's order; returns how many there were. */
    static int forEach(Project project, Predicate<Tile> which, Writer writer) throws IOException {
        int written = 0;
        for (Tile tile : project.tiles()) {
            if (!which.test(tile)) {
                continue;
            }
            Optional<LabelMask> label = project.readLabel(tile);
            if (label.isPresent()) {
                writer.write(tile, label.get());
                written++;
            }
        }
        return written;
    }
}
