package org.meander.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A tile removed from a project, as its folder in {@code trash/} holds it: its image in {@code tiles/}, its label,
 * history and band where the project keeps them, and a meander.json of its entries; {@code removed} is when.
 */
public record RemovedTile(String name, Path folder, FileTime removed) {

    /** The project's removed tiles, the latest removal first; none without a trash folder. */
    public static List<RemovedTile> in(Path projectDir) throws IOException {
        Path trash = projectDir.resolve("trash");
        List<RemovedTile> removed = new ArrayList<>();
        if (!Files.isDirectory(trash)) {
            return removed;
        }
        try (Stream<Path> folders = Files.list(trash)) {
            for (Path folder : folders.filter(Files::isDirectory).toList()) {
                Path image = imageIn(folder);
                if (image != null) {
                    String file = image.getFileName().toString();
                    removed.add(new RemovedTile(file.substring(0, file.lastIndexOf('.')), folder,
                            Files.getLastModifiedTime(folder)));
                }
            }
        }
        removed.sort(Comparator.comparing(RemovedTile::removed).reversed());
        return removed;
    }

    /** The tile's image in the folder's {@code tiles/}; null for a folder that holds none (restored, or not ours). */
    static Path imageIn(Path folder) throws IOException {
        Path tiles = folder.resolve("tiles");
        if (!Files.isDirectory(tiles)) {
            return null;
        }
        try (Stream<Path> files = Files.list(tiles)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> Project.IMAGE_EXTENSIONS.contains(Project.extension(f)))
                    .sorted().findFirst().orElse(null);
        }
    }

    /** The trash folder's name, which says which removal it was: "airborne_3-20261129-091500". */
    public String id() {
        return folder.getFileName().toString();
    }
}
