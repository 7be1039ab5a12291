package org.meander.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.meander.weights.AtomicFile;

/** A file a command will write, checked when the command starts rather than after its work. */
final class OutputFile {

    private OutputFile() {
    }

    /** @throws IllegalArgumentException naming the option when the file is a folder or its folder is missing */
    static void check(String option, Path file) {
        if (file == null) {
            return;
        }
        try {
            AtomicFile.requireWritable(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(option + " " + e.getMessage(), e);
        }
    }
}
