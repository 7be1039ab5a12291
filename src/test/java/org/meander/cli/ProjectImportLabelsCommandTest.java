package org.meander.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meander.project.LabelStatus;
import org.meander.project.Project;
import org.meander.project.Tile;
import org.meander.testing.TiledRasterProject;

/** {@code meander project import-labels}: GeoJSON outlines back into a project's labels. */
class ProjectImportLabelsCommandTest {

    @TempDir
    Path temp;

    @Test
    void aFolderOfTileOutlinesLabelsTheTilesOfTheSameName() throws IOException {
        Path labelled = TiledRasterProject.create(raster(), temp.resolve("labelled"));
        Path out = exported(labelled, "geojson", temp.resolve("outlines"));
        Path fresh = cutAgain();

        EmbedCommandTest.Result result = ProjectCommandTest.project("import-labels", fresh.toString(), "--geojson",
                out.toString());

        assertEquals(0, result.exit(), result.err());
        JsonNode json = result.json();
        assertEquals(6, json.path("files").asInt(), "the tiles' files, not stitched/ below them");
        assertEquals(6, json.path("labelled").asInt());
        assertEquals(0, json.path("problems").size());
        Project before = Project.open(labelled);
        Project after = Project.open(fresh);
        for (Tile tile : after.tiles()) {
            assertEquals(before.readLabel(before.tile(tile.name()).orElseThrow()), after.readLabel(tile));
            assertEquals(LabelStatus.IMPORTED, after.status(tile));
        }
    }

    @Test
    void aCocoExportLabelsAnotherProjectOfTheSameTiles() throws IOException {
        Path labelled = TiledRasterProject.create(raster(), temp.resolve("labelled"));
        Path coco = exported(labelled, "coco", temp.resolve("labels.json"));
        Path fresh = cutAgain();

        EmbedCommandTest.Result result = ProjectCommandTest.project("import-labels", fresh.toString(), "--coco",
                coco.toString());

        assertEquals(0, result.exit(), result.err());
        JsonNode json = result.json();
        assertEquals(6, json.path("images").asInt(), json.toString());
        assertEquals(json.path("annotations").asInt(), json.path("labelled").asInt(), json.toString());
        assertEquals(6, json.path("labelled").asInt() + json.path("unannotated").asInt(), json.toString());
        Project before = Project.open(labelled);
        Project after = Project.open(fresh);
        for (Tile tile : after.tiles()) {
            if (after.status(tile) == LabelStatus.IMPORTED) {
                assertEquals(before.readLabel(before.tile(tile.name()).orElseThrow()), after.readLabel(tile));
            }
        }

        EmbedCommandTest.Result both = ProjectCommandTest.project("import-labels", fresh.toString(), "--coco",
                coco.toString(), "--geojson", coco.toString());
        assertEquals(2, both.exit(), "one source of labels at a time");
        EmbedCommandTest.Result category = ProjectCommandTest.project("import-labels", fresh.toString(),
                "--geojson", coco.toString(), "--category", "river");
        assertEquals(2, category.exit(), "--category is for COCO files");
    }

    @Test
    void nothingUsableExitsOneWithTheReasonOnStderr() throws IOException {
        Path fresh = TiledRasterProject.create(TiledRasterProject.raster(temp.resolve("ortho.tif")),
                temp.resolve("project"));
        Path points = Files.writeString(temp.resolve("gauges.geojson"),
                "{\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", \"coordinates\": [500010, 3999990]}}");

        EmbedCommandTest.Result result = ProjectCommandTest.project("import-labels", fresh.toString(), "--geojson",
                points.toString());

        assertEquals(1, result.exit());
        assertTrue(result.err().contains("gauges.geojson: a point or line left out"), result.err());

        EmbedCommandTest.Result badFilter = ProjectCommandTest.project("import-labels", fresh.toString(),
                "--geojson", points.toString(), "--where", "DN");
        assertEquals(2, badFilter.exit(), "a usage error");
        assertTrue(badFilter.err().contains("\"DN\" is not KEY=VALUE"), badFilter.err());
    }

    /** A broken outline is filled as GDAL fills it, and named in the JSON line and on stderr. */
    @Test
    void anUnclosedRingLabelsAndIsNamed() throws IOException {
        Path fresh = cutAgain();
        Path pond = Files.writeString(temp.resolve("pond.geojson"), """
                {"type": "FeatureCollection",
                 "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::32610"}},
                 "features": [{"type": "Feature", "properties": {"name": "pond"}, "geometry": {"type": "Polygon",
                   "coordinates": [[[500050, 3999995], [500070, 3999995], [500070, 3999985], [500050, 3999985]]]}}]}
                """);

        EmbedCommandTest.Result result = ProjectCommandTest.project("import-labels", fresh.toString(), "--geojson",
                pond.toString());

        assertEquals(0, result.exit(), "it labelled: " + result.err());
        String problem = pond + ": feature 0 (name \"pond\"): its outer ring is not closed (its last position differs"
                + " from its first); filled as if closed — close it in your GIS";
        assertEquals(problem, result.json().path("problems").path(0).asText(), result.json().toString());
        assertEquals(1, result.json().path("problems").size());
        assertEquals(2, result.json().path("labelled").asInt());
        assertTrue(result.err().contains(problem), result.err());
    }

    /** The georeferenced raster both projects are cut from, written once. */
    private Path raster() throws IOException {
        Path file = temp.resolve("ortho.tif");
        return Files.exists(file) ? file : TiledRasterProject.raster(file);
    }

    private static Path exported(Path project, String format, Path out) {
        assertEquals(0, ProjectCommandTest.project("export", project.toString(), "--format", format, "--out",
                out.toString()).exit());
        return out;
    }

    /** The same raster cut into a project without labels. */
    private Path cutAgain() throws IOException {
        Path fresh = temp.resolve("fresh");
        assertEquals(0, ProjectCommandTest.project("tile", fresh.toString(), "--raster", raster().toString(),
                "--tile-size", "128", "--overlap", "32").exit());
        return fresh;
    }
}
