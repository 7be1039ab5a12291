package org.meander.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.meander.project.Project;
import org.meander.project.RemovedTile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ./meander project restore DIR [TILE|REMOVAL]...}: removed tiles back from the trash. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Put tiles removed with `project remove` (or Delete in the window) back into the project: their"
                + " image, label, label history and near-infrared band, and their label status, split and place.",
                "Without TILE, list the removed tiles, the latest removal first. A TILE is a tile's name (its latest"
                        + " removal) or a trash folder's name (airborne_3-20261129-091500). Prints one JSON line"
                        + " {\"restored\": [...], \"already_restored\": [...]} (a tile in the project, and in no"
                        + " trash folder, is taken as restored already) or {\"removed\": [{\"tile\", \"removal\","
                        + " \"removed\"}...]}."})
final class ProjectRestoreCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "the project folder")
    Path project;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "TILE",
            description = "tiles to restore: a name, or a removal's folder in trash/")
    List<String> names = List.of();

    @Override
    public Integer call() throws IOException {
        Project opened = Project.open(project);
        List<RemovedTile> removed = RemovedTile.in(opened.directory());
        Map<String, Object> result = new LinkedHashMap<>();
        if (names.isEmpty()) {
            List<Map<String, String>> listed = new ArrayList<>();
            for (RemovedTile tile : removed) {
                System.err.printf("%-30s %-45s %s%n", tile.name(), tile.id(), tile.removed());
                listed.add(Map.of("tile", tile.name(), "removal", tile.id(), "removed", tile.removed().toString()));
            }
            result.put("removed", listed);
        } else {
            List<RemovedTile> chosen = new ArrayList<>();
            List<String> alreadyRestored = new ArrayList<>();
            for (String name : names.stream().distinct().toList()) {
                // a list given again after a restore that stopped part way: those restored then are done
                if (opened.tile(name).isPresent() && removed.stream().noneMatch(tile -> tile.name().equals(name))) {
                    alreadyRestored.add(name);
                } else {
                    chosen.add(find(removed, name));
                }
            }
            if (!alreadyRestored.isEmpty()) {
                System.err.println("in the project already: " + String.join(", ", alreadyRestored));
            }
            List<String> restored = new ArrayList<>();
            for (RemovedTile tile : chosen) {
                restored.add(opened.restore(tile).name());
            }
            result.put("restored", restored);
            result.put("already_restored", alreadyRestored);
        }
        System.out.println(new ObjectMapper().writeValueAsString(result));
        return 0;
    }

    /** The removal of that folder's name, or the latest of that tile's name. */
    private RemovedTile find(List<RemovedTile> removed, String name) {
        return removed.stream().filter(tile -> tile.id().equals(name)).findFirst()
                .or(() -> removed.stream().filter(tile -> tile.name().equals(name)).findFirst())
                .orElseThrow(() -> new IllegalArgumentException(project + ": no removed tile named " + name
                        + (removed.isEmpty() ? " (its trash folder holds none)"
                        : "; `./meander project restore " + project + "` lists them")));
    }
}
