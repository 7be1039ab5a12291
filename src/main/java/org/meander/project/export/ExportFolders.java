package org.meander.project.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.meander.project.Project;

/** The folder an export writes into. */
final class ExportFolders {

    private ExportFolders() {
    }

    /** Creates the folder; refuses the project's own labels folder. */
    static Path prepare(Project project, Path folder) throws IOException {
        Optional<String> problem = labelsFolderProblem(project, folder);
        if (problem.isPresent()) {
            throw new IOException(problem.get());
        }
        return Files.createDirectories(folder.toAbsolutePath().normalize());
    }

    /** Why no export may write into the folder: it is the project's labels, which would change behind their history. */
    static Optional<String> labelsFolderProblem(Project project, Path folder) {
        return folder.toAbsolutePath().normalize().equals(project.directory().resolve("labels"))
                ? Optional.of(folder + ": this is the project's own labels folder; export to another folder")
                : Optional.empty();
    }
}
