package org.meander.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A run's folder, {@code <project>/runs/<name>/}: {@code config.json} (the settings), {@code run.json} (the base
 * model and the run's status), {@code history.json} (losses and metrics, rewritten as the run goes), and
 * {@code checkpoints/best.safetensors} and {@code checkpoints/last.safetensors}, and evaluation reports; and
 * {@code .training.lock}, locked while a process trains the run.
 */
public record RunFolder(Path directory, String name) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    public static RunFolder of(Path projectDirectory, String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("run name '" + name + "': use letters, digits, '.', '_' and '-'"
                    + " (up to 100, starting with a letter or digit)");
        }
        return new RunFolder(projectDirectory.resolve("runs").resolve(name), name);
    }

    public static Path runsFolder(Path projectDirectory) {
        return projectDirectory.resolve("runs");
    }

    /** The project's runs, by name: every folder of {@code runs/} that holds a run's settings. */
    public static List<RunFolder> all(Path projectDirectory) throws IOException {
        Path runs = runsFolder(projectDirectory);
        if (!Files.isDirectory(runs)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(runs)) {
            return folders.map(folder -> new RunFolder(folder, folder.getFileName().toString()))
                    .filter(RunFolder::exists)
                    .sorted(Comparator.comparing(RunFolder::name))
                    .toList();
        }
    }

    public Path config() {
        return directory.resolve("config.json");
    }

    public Path info() {
        return directory.resolve("run.json");
    }

    public Path history() {
        return directory.resolve("history.json");
    }

    /** Locked by the process training the run, for as long as it does ({@link RunLock}). */
    public Path lock() {
        return directory.resolve(RunLock.FILE_NAME);
    }

    public Path checkpoint(CheckpointKind kind) {
        return directory.resolve("checkpoints").resolve(kind.fileName());
    }

    /** A copy of the checkpoint the run's decoder started from, when it started from an earlier run's. */
    public Path startingDecoder() {
        return directory.resolve("checkpoints").resolve("start.safetensors");
    }

    /**
     * Where an evaluation's report goes: on the split's labels or its accepted ones only, against the model's own
     * decoder or, with "-against-start", against the decoder the run started from; of the best checkpoint, or, with
     * "-last", of the last, so that neither replaces the other's.
     */
    public Path evaluation(String split, boolean acceptedOnly, Baseline baseline, CheckpointKind checkpoint) {
        return directory.resolve("evaluation-" + split + (acceptedOnly ? "-accepted" : "")
                + (baseline == Baseline.START ? "-against-start" : "")
                + (checkpoint == CheckpointKind.LAST ? "-last" : "") + ".json");
    }

    public boolean exists() {
        return Files.isRegularFile(config());
    }

    public void create() throws IOException {
        Files.createDirectories(directory.resolve("checkpoints"));
    }
}
