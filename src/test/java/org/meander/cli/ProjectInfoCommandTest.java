package org.meander.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meander.project.LabelStatus;
import org.meander.project.Project;
import org.meander.project.RasterTiling;
import org.meander.project.SampleProject;
import org.meander.project.Split;
import org.meander.project.Tile;
import org.meander.project.raster.BandChoice;
import org.meander.testing.TiledRasterProject;

/** {@code ./meander project info}: the tiles by status and split, bands, rasters and runs, as JSON and a table. */
class ProjectInfoCommandTest {

    @TempDir
    Path dir;

    @Test
    void theSampleProjectByStatusAndSplit() throws Exception {
        Project project = SampleProject.create(dir.resolve("sample"), 3);
        Tile accepted = project.tiles().get(0);
        project.writePrediction(accepted, project.readLabel(accepted).orElseThrow(), "sam-vit-base");
        project.writeLabel(accepted, project.readLabel(accepted).orElseThrow(), LabelStatus.ACCEPTED);
        Split acceptedSplit = project.split(accepted);

        EmbedCommandTest.Result result = EmbedCommandTest.runCapturing("project", "info",
                project.directory().toString());

        assertEquals(0, result.exit(), result.err());
        JsonNode json = result.json();
        assertEquals(6, json.get("tiles").asInt());
        assertEquals(5, json.get("labels").get("imported").asInt());
        assertEquals(1, json.get("labels").get("accepted").asInt());
        assertEquals(0, json.get("labels").get("none").asInt());
        assertEquals(1, json.get("splits").get(acceptedSplit.key()).get("accepted").asInt());
        int sum = 0;
        for (Split split : Split.values()) {
            for (JsonNode count : json.get("splits").get(split.key())) {
                sum += count.asInt();
            }
        }
        assertEquals(6, sum, "every tile in one split, with one status");
        assertEquals(0, json.get("near_infrared").asInt());
        assertEquals(1, json.get("predicted_by").get("sam-vit-base").asInt(), "accepted, it began as a prediction");
        assertEquals(0, json.get("rasters").size());
        assertEquals(0, json.get("runs").size());
        assertTrue(result.err().contains("accepted"), result.err());
    }

    @Test
    void aCutRasterIsListed() throws Exception {
        Path project = TiledRasterProject.create(TiledRasterProject.raster(dir.resolve("ortho.tif")),
                dir.resolve("tiled"));

        JsonNode json = EmbedCommandTest.runCapturing("project", "info", project.toString()).json();

        assertEquals(6, json.get("tiles").asInt());
        assertEquals(6, json.get("labels").get("edited").asInt());
        JsonNode raster = json.get("rasters").get(0);
        assertEquals("ortho", raster.get("name").asText());
        assertEquals(TiledRasterProject.WIDTH, raster.get("width").asInt());
        assertTrue(raster.get("georeferenced").asBoolean());
        assertEquals(0, json.get("interrupted_cuts").size());
    }

    @Test
    void anInterruptedCutIsNamedWithHowToFinishIt() throws Exception {
        Path project = dir.resolve("tiled");
        try {
            RasterTiling.tile(project, TiledRasterProject.raster(dir.resolve("ortho.tif")),
                    new RasterTiling.Settings(128, 32, BandChoice.DEFAULT), (done, total) -> {
                        throw new IllegalStateException("stopped");
                    });
        } catch (IllegalStateException expected) {
            // as a crash after the first row of tiles
        }

        EmbedCommandTest.Result result = EmbedCommandTest.runCapturing("project", "info", project.toString());

        assertEquals("ortho", result.json().get("interrupted_cuts").get(0).asText());
        assertEquals(0, result.json().get("rasters").size());
        assertTrue(result.err().contains("The cut of ortho into tiles was interrupted: run the same ./meander"
                + " project tile command again"), result.err());
    }
}
