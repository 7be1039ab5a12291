package org.meander.ui;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/** Where a file or folder chooser opens: at the path typed, or the nearest folder above it that exists. */
final class ChooserStart {

    private ChooserStart() {
    }

    static Optional<File> near(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        try {
            for (Path p = Path.of(typed.strip()).toAbsolutePath(); p != null; p = p.getParent()) {
                if (Files.isDirectory(p)) {
                    return Optional.of(p.toFile());
                }
            }
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
