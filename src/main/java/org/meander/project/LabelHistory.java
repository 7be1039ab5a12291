package org.meander.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The earlier versions of one tile's label, {@code labels/.history/<tile>/0001.png, 0002.png, ...}, oldest first:
 * the first is the label the project came with, so a correction can always be compared with, or reverted to, it.
 * Versions are byte-for-byte copies, so an imported file is kept exactly as it was, whatever tool wrote it.
 */
final class LabelHistory {

    private static final Pattern VERSION = Pattern.compile("\\d{4,}\\.png");

    private final Path folder;

    LabelHistory(Path labelsFolder, String tileName) {
        this.folder = labelsFolder.resolve(".history").resolve(tileName);
    }

    /** Oldest first; numbers past 9999 grow a digit, so the order is numeric, not by name. */
    List<Path> versions() throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> VERSION.matcher(f.getFileName().toString()).matches())
                    .sorted(Comparator.comparingLong(LabelHistory::number))
                    .toList();
        }
    }

    /**
     * Copies the current label into the history as the next version. Nothing is added when the newest version
     * already holds the same bytes: a write that failed after keeping the label, then retried, keeps it once.
     */
    void keep(Path currentLabel) throws IOException {
        byte[] current = Files.readAllBytes(currentLabel);
        List<Path> versions = versions();
        if (!versions.isEmpty() && Arrays.equals(current, Files.readAllBytes(versions.get(versions.size() - 1)))) {
            return;
        }
        long next = versions.isEmpty() ? 1 : number(versions.get(versions.size() - 1)) + 1;
        Files.createDirectories(folder);
        AtomicBytes.write(folder.resolve(String.format("%04d.png", next)), current);
    }

    private static long number(Path version) {
        String name = version.getFileName().toString();
        return Long.parseLong(name.substring(0, name.length() - ".png".length()));
    }
}
