package org.meander.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.meander.project.Project;
import org.meander.project.RasterRemoval;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ./meander project remove-raster DIR NAME}. */
@Command(name = "remove-raster", mixinStandardHelpOptions = true,
        description = {"Take a raster cut into a project out of it, to cut it again with other settings or to drop"
                + " it: its tiles move to DIR/trash/ with their labels (nothing is deleted, as project remove moves"
                + " them), and its record leaves meander.json. A cut that was interrupted is taken out too.",
                "Prints one JSON line {\"raster\": NAME, \"removed\": [...], \"trash\": [...]}."})
final class ProjectRemoveRasterCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "the project folder")
    Path project;

    @Parameters(index = "1", paramLabel = "NAME", description = "the raster's name: its file's name without the"
            + " extension, which starts its tiles' names (project info lists them)")
    String raster;

    @Override
    public Integer call() throws IOException {
        RasterRemoval.Report report = RasterRemoval.remove(Project.open(project), raster);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("raster", raster);
        result.put("removed", report.tiles());
        result.put("trash", report.trash().stream().map(Path::toString).toList());
        System.out.println(new ObjectMapper().writeValueAsString(result));
        return 0;
    }
}
