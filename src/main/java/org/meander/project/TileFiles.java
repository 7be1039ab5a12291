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

    /**
     * Moves each file (or folder) of {@code from} to the same place in {@code to}, both relative to {@code base}
     * folders, creating folders as needed. Each move is a rename; if one fails, those done are undone, so the tile
     * keeps all its files in one place.
     */
    static void move(Path fromBase, List<Path> from, Path toBase, List<Path> to) throws IOException {
        List<Integer> done = new ArrayList<>();
        try {
            for (int i = 0; i < from.size(); i++) {
                Path target = toBase.resolve(to.get(i));
                if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    throw new IOException(target + " exists already; move it aside and try again");
                }
                Files.createDirectories(target.getParent());
                Files.move(fromBase.resolve(from.get(i)), target);
                done.add(i);
            }
        } catch (IOException e) {
            for (int i = done.size() - 1; i >= 0; i--) {
                int undo = done.get(i);
                try {
                    Files.move(toBase.resolve(to.get(undo)), fromBase.resolve(from.get(undo)));
                } catch (IOException undoing) {
                    e.addSuppressed(undoing);
                }
            }
            throw e;
        }
    }
}
