package org.meander.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.meander.project.Project;
import org.meander.project.Tile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ./meander project rename DIR OLD NEW}. */
@Command(name = "rename", mixinStandardHelpOptions = true,
        description = {"Rename a tile: its image, label, label history and near-infrared band, and its entries in"
                + " meander.json, together.",
                "Given again once done (after a rename that stopped, say), it says so and changes nothing. Prints one"
                        + " JSON line {\"renamed\": OLD, \"to\": NEW, \"image\": PATH, \"already_renamed\": BOOL}."})
final class ProjectRenameCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "the project folder")
    Path project;

    @Parameters(index = "1", paramLabel = "OLD", description = "the tile's name (its image's file name without"
            + " the extension)")
    String oldName;

    @Parameters(index = "2", paramLabel = "NEW", description = "its new name")
    String newName;

    @Override
    public Integer call() throws IOException {
        Project opened = Project.open(project);
        Optional<Tile> done = opened.tile(oldName).isEmpty() ? opened.tile(newName) : Optional.empty();
        if (done.isPresent()) {
            // given again after a rename that stopped: it was done then, or finished when the project opened
            System.err.println("no tile named " + oldName + ", and " + newName + " is one: renamed already");
        }
        Tile renamed = done.isPresent() ? done.get() : opened.rename(ProjectTiles.named(opened, oldName), newName);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("renamed", oldName);
        result.put("to", renamed.name());
        result.put("image", renamed.image().toString());
        result.put("already_renamed", done.isPresent());
        System.out.println(new ObjectMapper().writeValueAsString(result));
        return 0;
    }
}
