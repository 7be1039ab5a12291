package org.meander.project;

import java.io.IOException;
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

    /**
     * A folder for one removed tile that does not exist yet, made by the removal once it is recorded
     * ({@link TileChange}); the caller holds the project's lock, so no other removal takes the name meanwhile.
     */
    static Path freeFolder(Path projectDir, String tileName) {
        Path trash = projectDir.resolve("trash");
        String base = tileName + "-" + LocalDateTime.now().format(TIME);
        for (int n = 1; ; n++) {
            Path folder = trash.resolve(n == 1 ? base : base + "-" + n);
            if (!Files.exists(folder)) {
                return folder; // removed twice within a second: the next number
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
        if (!Files.exists(folder)) {
            return problems; // a removal that failed before it made its folder
        }
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
