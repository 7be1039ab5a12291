package org.meander.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** A file a command will write, checked when the command starts rather than after its work. */
final class OutputFile {

    private OutputFile() {
    }

    /** @throws IllegalArgumentException naming the option when the file is a folder or its folder is missing */
    static void check(String option, Path file) {
        if (file == null) {
            return;
        }
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(option + " " + file + ": is a folder; give the name of a file to write");
        }
        Path folder = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException(option + " " + file + ": the folder " + folder
                    + " does not exist; create it first");
        }
    }
}
