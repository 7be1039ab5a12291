package org.meander.project;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A project's {@code trash/} folder: removed tiles go there, each in a folder of its own named after the tile and
 * the time ({@code trash/airborne_3-20250101-120000/}), so that removing a tile of the same name again keeps both.
 */
final class Trash {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private Trash() {
    }

    /** A new, empty folder for one removed tile. */
    static Path newFolder(Path projectDir, String tileName) throws IOException {
        Path trash = Files.createDirectories(projectDir.resolve("trash"));
        String base = tileName + "-" + LocalDateTime.now().format(TIME);
        for (int n = 1; ; n++) {
            Path folder = trash.resolve(n == 1 ? base : base + "-" + n);
            try {
                return Files.createDirectory(folder);
            } catch (FileAlreadyExistsException taken) {
                // removed twice within a second: the next number
            }
        }
    }

    /**
     * Deletes a trash folder whose tile has left it (a removal that failed and was undone, or a tile restored): its
     * meander.json and its empty folders. Any other file (a tile's file that could not be moved) stays, and what
     * could not be deleted is returned.
     */
    static List<IOException> discard(Path folder) {
        List<IOException> problems = new ArrayList<>();
        try (Stream<Path> entries = Files.walk(folder)) {
            for (Path entry : entries.sorted(Comparator.reverseOrder()).toList()) {
                if (Files.isDirectory(entry) || entry.equals(folder.resolve(ProjectManifest.FILE_NAME))) {
                    try {
                        Files.delete(entry); // refuses a folder that is not empty
                    } catch (IOException e) {
                        problems.add(e);
                    }
                }
            }
        } catch (IOException e) {
            problems.add(e);
        }
        return problems;
    }
}
