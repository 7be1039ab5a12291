package org.meander.project;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.meander.weights.AtomicFile;

/**
 * The hidden temporary files of writes that were stopped before their rename (the program killed, the machine off):
 * the file they were to replace is whole, old or new, and the temporary one is never read again. Only those a day
 * old go, so that a write another process is making in the project now keeps its file. The walk reads every file's
 * attributes (about 0.1 s for 10000 tiles), so a project is swept at most once a day, a marker in its cache saying
 * when it last was.
 */
final class LeftoverTemporaries {

    static final Duration AGE = Duration.ofDays(1);
    /** Touched after each sweep; deleting it (or the whole cache) only makes the next open sweep. */
    static final Path MARKER = Path.of("cache", ".leftovers-swept");

    private LeftoverTemporaries() {
    }

    /** {@link #sweep} unless the project was swept within {@link #AGE} of {@code now}. */
    static List<Path> sweepIfDue(Path projectDirectory, Instant now) throws IOException {
        Path marker = projectDirectory.resolve(MARKER);
        if (Files.isRegularFile(marker)
                && Files.getLastModifiedTime(marker).toInstant().isAfter(now.minus(AGE))) {
            return List.of();
        }
        List<Path> deleted = sweep(projectDirectory, now);
        try {
            Files.createDirectories(marker.getParent());
            Files.write(marker, new byte[0]);
            Files.setLastModifiedTime(marker, FileTime.from(now));
        } catch (IOException e) {
            // a project on read-only storage is swept at each open, which harms nothing
        }
        return deleted;
    }

    /**
     * Deletes the project's temporary files older than {@link #AGE} at {@code now}; returns those it deleted. Files
     * it cannot delete or read are left as they are.
     */
    static List<Path> sweep(Path projectDirectory, Instant now) throws IOException {
        Instant before = now.minus(AGE);
        List<Path> deleted = new ArrayList<>();
        Files.walkFileTree(projectDirectory, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile() && AtomicFile.isTemporary(file.getFileName().toString())
                        && attributes.lastModifiedTime().toInstant().isBefore(before)) {
                    try {
                        if (Files.deleteIfExists(file)) {
                            deleted.add(file);
                        }
                    } catch (IOException e) {
                        // left for a later sweep: a leftover that cannot be deleted harms nothing
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException failure) {
                return FileVisitResult.CONTINUE; // unreadable or gone meanwhile: not ours to judge
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException failure) {
                return FileVisitResult.CONTINUE; // a folder that could not be listed to its end: the same
            }
        });
        return deleted;
    }
}
