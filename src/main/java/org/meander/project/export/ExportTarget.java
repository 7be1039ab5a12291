package org.meander.project.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.meander.project.Project;
import org.meander.project.export.LabelExport.Format;

/**
 * The place an export is to be written, as it is now: free (nothing there, or an empty folder), an earlier export
 * (a folder holding a Meander export's record, or COCO's file), replaced only when the user says so, or a place no
 * export may write to: a folder of files Meander did not write, a file where a folder goes or the other way round.
 * The command line and the window both ask it first, so that they refuse and ask alike.
 *
 * @param path    the place, as given
 * @param problem why nothing may be written there, naming the place and what to do instead
 * @param earlier what an export would replace there, in words ("holds an earlier export (png, 6 files)", "exists")
 */
public record ExportTarget(Path path, Optional<String> problem, Optional<String> earlier) {

    /** Looks at the place an export of the project in this format is to be written to. */
    public static ExportTarget of(Project project, Format format, Path out) throws IOException {
        Optional<String> labels = ExportFolders.labelsFolderProblem(project, out);
        if (labels.isPresent()) {
            return refused(out, labels.get());
        }
        if (format.writesAFile()) {
            if (Files.isDirectory(out)) {
                return refused(out, out + ": is a folder; COCO is one JSON file: name the file, such as "
                        + out.resolve("labels.json"));
            }
            return Files.exists(out) ? new ExportTarget(out, Optional.empty(), Optional.of("exists")) : free(out);
        }
        if (!Files.exists(out)) {
            return free(out);
        }
        if (!Files.isDirectory(out)) {
            return refused(out, out + ": is a file; " + format.key() + " writes a folder of files: choose a folder");
        }
        List<String> others = entriesBesideTheRecord(out);
        if (others.isEmpty()) {
            return free(out);
        }
        Optional<ExportRecord> record = ExportRecord.read(out);
        if (record.isEmpty()) {
            return refused(out, out + ": holds " + count(others.size(), "file") + " that no Meander export recorded"
                    + " writing, such as " + others.get(0) + "; choose an empty or new folder, or empty this one (an"
                    + " older Meander's exports kept no record)");
        }
        return new ExportTarget(out, Optional.empty(), Optional.of("holds an earlier export (" + record.get().format()
                + ", " + count(record.get().files().size(), "file") + ")"));
    }

    /** Refuses a place no export may write to, and an earlier export unless it is to be replaced. */
    void requireWritable(boolean replace) throws IOException {
        if (problem.isPresent()) {
            throw new IOException(problem.get());
        }
        if (earlier.isPresent() && !replace) {
            throw new IOException(path + " " + earlier.get() + "; replace it, or choose another place");
        }
    }

    /** The names in the folder but a Meander export's record and the folder a stopped export left, sorted. */
    private static List<String> entriesBesideTheRecord(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(entry -> entry.getFileName().toString())
                    .filter(name -> !name.equals(ExportRecord.FILE_NAME) && !name.equals(StagedExport.FOLDER_NAME))
                    .sorted()
                    .toList();
        }
    }

    private static ExportTarget free(Path out) {
        return new ExportTarget(out, Optional.empty(), Optional.empty());
    }

    private static ExportTarget refused(Path out, String problem) {
        return new ExportTarget(out, Optional.of(problem), Optional.empty());
    }

    private static String count(int n, String thing) {
        return n + " " + thing + (n == 1 ? "" : "s");
    }
}
