package org.meander.cli;

import java.util.List;
import org.meander.project.Project;
import org.meander.project.Tile;

/** Tiles named on the command line. */
final class ProjectTiles {

    private ProjectTiles() {
    }

    /** The tile of that name, or an error that says which names the project has. */
    static Tile named(Project project, String name) {
        return project.tile(name).orElseThrow(() -> {
            List<String> names = project.tiles().stream().map(Tile::name).toList();
            String some = names.size() <= 5 ? String.join(", ", names)
                    : String.join(", ", names.subList(0, 5)) + " and " + (names.size() - 5) + " more";
            return new IllegalArgumentException(project.directory() + " has no tile named " + name + "; a tile's"
                    + " name is its image's file name in tiles/ without the extension"
                    + (names.isEmpty() ? " (it has no tiles)" : ", such as " + some));
        });
    }
}
