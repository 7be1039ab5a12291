package org.meander.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.meander.project.Project;
import org.meander.project.RemovedTile;
import org.meander.project.Tile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ./meander project remove DIR TILE...}. */
@Command(name = "remove", mixinStandardHelpOptions = true,
        description = {"Remove tiles from a project. Nothing is deleted: each tile's image, label, label history and"
                + " near-infrared band move to DIR/trash/<tile>-<time>/ with its meander.json entries; `project"
                + " restore` puts it back.",
                "Every name is checked first: one that is not a tile removes none, unless it was removed already"
                        + " (a list given again after a removal that stopped). Prints one JSON line {\"removed\":"
                        + " [...], \"trash\": [...], \"already_removed\": [...]}."})
final class ProjectRemoveCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "the project folder")
    Path project;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "TILE", description = "names of the tiles to remove")
    List<String> names;

    @Override
    public Integer call() throws IOException {
        Project opened = Project.open(project);
        // the trash is read only for names that are not tiles: a list given again after a removal that stopped
        Set<String> inTrash = names.stream().allMatch(name -> opened.tile(name).isPresent()) ? Set.of()
                : RemovedTile.in(opened.directory()).stream().map(RemovedTile::name).collect(Collectors.toSet());
        List<Tile> tiles = new ArrayList<>();
        List<String> alreadyRemoved = new ArrayList<>();
        for (String name : names.stream().distinct().toList()) {
            if (opened.tile(name).isEmpty() && inTrash.contains(name)) {
                alreadyRemoved.add(name);
            } else {
                tiles.add(ProjectTiles.named(opened, name));
            }
        }
        if (!alreadyRemoved.isEmpty()) {
            System.err.println("removed already, in " + opened.directory().resolve("trash") + ": "
                    + String.join(", ", alreadyRemoved));
        }
        List<String> removed = new ArrayList<>();
        List<String> trash = new ArrayList<>();
        for (Tile tile : tiles) {
            trash.add(opened.remove(tile).toString());
            removed.add(tile.name());
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("removed", removed);
        result.put("trash", trash);
        result.put("already_removed", alreadyRemoved);
        System.out.println(new ObjectMapper().writeValueAsString(result));
        return 0;
    }
}
