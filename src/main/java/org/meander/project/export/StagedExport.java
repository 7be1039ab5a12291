package org.meander.project.export;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A folder export written aside, in a hidden folder inside its destination, and moved into place only once whole:
 * an export that fails or is stopped leaves the earlier one as it was, and one that succeeds replaces it wholly, its
 * files that the new one does not write removed, so that no stale mask or split file is read with the new ones. What
 * was written is recorded in the folder ({@link ExportRecord}); files not recorded there are never removed.
 */
final class StagedExport implements AutoCloseable {

    /** Meander's by its name: one left by a stopped export is deleted by the next. */
    static final String FOLDER_NAME = ".meander-export.partial";

    private final Path out;
    private final Path staging;
    /** The outermost folder made for the export, removed again if it fails; null when the destination existed. */
    private final Path made;
    private boolean committed;

    private StagedExport(Path out, Path staging, Path made) {
        this.out = out;
        this.staging = staging;
        this.made = made;
    }

    /** Makes the destination folder, if need be, and an empty one inside it for the export to be written to. */
    static StagedExport begin(Path destination) throws IOException {
        Path out = destination.toAbsolutePath().normalize();
        Path made = null;
        for (Path folder = out; folder != null && !Files.exists(folder); folder = folder.getParent()) {
            made = folder;
        }
        Files.createDirectories(out);
        Path staging = out.resolve(FOLDER_NAME);
        deleteTree(staging);
        Files.createDirectory(staging);
        return new StagedExport(out, staging, made);
    }

    /** Where the export writes its files. */
    Path folder() {
        return staging;
    }

    /** Where a file written to {@link #folder()} is once the export is committed. */
    Path placed(Path written) {
        return out.resolve(staging.relativize(written.toAbsolutePath().normalize()));
    }

    /**
     * Puts the export in place: the earlier export's files go, the new ones come, and the record names them. The
     * record names both while this runs, so that a crash half way leaves no file of either unrecorded.
     */
    void commit(String format) throws IOException {
        List<String> written = relativeFiles(staging);
        Set<String> earlier = new LinkedHashSet<>(ExportRecord.read(out).map(ExportRecord::files).orElse(List.of()));
        Set<String> writing = new HashSet<>(written);
        for (String name : written) {
            Path target = out.resolve(name);
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !earlier.contains(name)) {
                throw new IOException(target + ": this export writes a file of that name, which no earlier export"
                        + " wrote there; move it away, or choose an empty folder");
            }
        }
        Set<String> both = new LinkedHashSet<>(earlier);
        both.addAll(written);
        new ExportRecord(format, new ArrayList<>(both)).write(out);
        for (String name : earlier) {
            if (!writing.contains(name)) {
                remove(out.resolve(name));
            }
        }
        for (String name : written) {
            Path target = out.resolve(name);
            Files.createDirectories(target.getParent());
            Files.move(staging.resolve(name), target, StandardCopyOption.ATOMIC_MOVE);
        }
        new ExportRecord(format, written).write(out);
        committed = true;
        deleteTree(staging);
    }

    /** Unless committed, removes what the export wrote, and the folders made for it when they are left empty. */
    @Override
    public void close() throws IOException {
        if (committed) {
            return;
        }
        deleteTree(staging);
        if (made != null) {
            for (Path folder = out; folder.startsWith(made); folder = folder.getParent()) {
                if (!deleteIfEmpty(folder)) {
                    break;
                }
            }
        }
    }

    /** Removes an earlier export's file, then the folders that held it (stitched/) if it leaves them empty. */
    private void remove(Path file) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return; // gone already, or replaced by something that is not the export's file
        }
        Files.delete(file);
        for (Path folder = file.getParent(); !folder.equals(out); folder = folder.getParent()) {
            if (!deleteIfEmpty(folder)) {
                break;
            }
        }
    }

    private static boolean deleteIfEmpty(Path folder) throws IOException {
        try {
            Files.delete(folder);
            return true;
        } catch (DirectoryNotEmptyException e) {
            return false;
        }
    }

    /** The files under the folder, relative to it, with / between folder names, sorted. */
    private static List<String> relativeFiles(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(Files::isRegularFile)
                    .map(file -> folder.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/"))
                    .sorted()
                    .toList();
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
