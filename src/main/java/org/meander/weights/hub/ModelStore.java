package org.meander.weights.hub;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The models folder: each downloaded model in {@code <root>/<owner>/<name>/}, as the hub names it, complete or
 * absent; a download in progress in the hidden {@code <root>/<owner>/.<name>.download/} beside it, with its lock
 * file, until it is complete and renamed into place.
 */
public final class ModelStore {

    /** Where the models folder is, when not {@code ~/.meander/models}. */
    public static final String FOLDER_PROPERTY = "meander.models";

    private final Path root;

    public ModelStore(Path root) {
        this.root = root.toAbsolutePath();
    }

    public static ModelStore standard() {
        String folder = System.getProperty(FOLDER_PROPERTY);
        return new ModelStore(folder != null && !folder.isBlank() ? Path.of(folder)
                : Path.of(System.getProperty("user.home"), ".meander", "models"));
    }

    public Path root() {
        return root;
    }

    public Path folderOf(HubRepo repo) {
        return root.resolve(repo.owner()).resolve(repo.name());
    }

    public boolean isInstalled(HubRepo repo) {
        return Files.isRegularFile(folderOf(repo).resolve(ModelFiles.CONFIG));
    }

    Path stagingOf(HubRepo repo) {
        return root.resolve(repo.owner()).resolve("." + repo.name() + ".download");
    }

    Path lockOf(HubRepo repo) {
        return root.resolve(repo.owner()).resolve("." + repo.name() + ".lock");
    }

    /** The bytes an unfinished download holds (0 when there is none): the next download resumes from them. */
    public long partialBytes(HubRepo repo) throws IOException {
        Path staging = stagingOf(repo);
        if (!Files.isDirectory(staging)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(staging)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith(".")) // bookkeeping, not data
                    .mapToLong(f -> f.toFile().length()).sum();
        }
    }

    /** The downloaded models, sorted by owner and name. */
    public List<HubRepo> installed() throws IOException {
        List<HubRepo> repos = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return repos;
        }
        try (Stream<Path> owners = Files.list(root)) {
            for (Path owner : owners.sorted().toList()) {
                if (!Files.isDirectory(owner)) {
                    continue;
                }
                try (Stream<Path> names = Files.list(owner)) {
                    for (Path name : names.sorted().toList()) {
                        repoAt(owner, name).filter(this::isInstalled).ifPresent(repos::add);
                    }
                }
            }
        }
        return repos;
    }

    private static Optional<HubRepo> repoAt(Path owner, Path name) {
        try {
            return Optional.of(new HubRepo(owner.getFileName().toString(), name.getFileName().toString()));
        } catch (IllegalArgumentException notAModel) {
            return Optional.empty(); // a hidden download folder, or something a user put there
        }
    }
}
