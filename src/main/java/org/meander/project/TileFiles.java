package org.meander.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Every file of a project that belongs to one tile, by path relative to the project folder: its image in
 * {@code tiles/}, its label, its label history and its near-infrared band (with the band as it was before it was
 * aligned, if it was). Renaming or removing a tile moves them
 * together; a file the tile does not have (no label yet, no band) is not in the list.
 */
final class TileFiles {

    private TileFiles() {
    }

    /** The tile's files that exist, relative to the project folder. */
    static List<Path> of(Path projectDir, Tile tile) {
        List<Path> files = new ArrayList<>();
        for (Path relative : candidates(projectDir, tile.name(), tile.image())) {
            if (Files.exists(projectDir.resolve(relative), LinkOption.NOFOLLOW_LINKS)) {
                files.add(relative);
            }
        }
        return files;
    }

    /** Where the file {@code relative} of the tile named {@code from} goes when the tile is named {@code to}. */
    static Path renamed(Path relative, String from, String to) {
        String file = relative.getFileName().toString();
        String renamed = file.equals(from) ? to : to + file.substring(from.length());
        return relative.resolveSibling(renamed);
    }

    private static List<Path> candidates(Path projectDir, String name, Path image) {
        return List.of(
                projectDir.relativize(image),
                Path.of("labels", name + ".png"),
                Path.of("labels", ".history", name),
                Path.of("nir", name + ".png"),
                Path.of("nir", ".unaligned", name + ".png"));
    }
}
