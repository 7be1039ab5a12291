package org.meander.project.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.meander.project.Project;

/** The folder an export writes into. */
final class ExportFolders {

    private ExportFolders() {
    }

    /** Creates the folder; refuses the project's own labels folder, whose files would change behind its history. */
    static Path prepare(Project project, Path folder) throws IOException {
        Path target = folder.toAbsolutePath().normalize();
        if (target.equals(project.directory().resolve("labels"))) {
            throw new IOException(folder + ": this is the project's own labels folder; export to another folder");
        }
        return Files.createDirectories(target);
    }
}
