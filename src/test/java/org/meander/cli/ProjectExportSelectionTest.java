package org.meander.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meander.project.LabelStatus;
import org.meander.project.Project;
import org.meander.project.SampleProject;
import org.meander.project.Split;
import org.meander.project.Tile;

/**
 * {@code project export} of a part of a project: an export that would write nothing is refused and says why, as
 * {@code evaluate --accepted-only} is without accepted labels, and the counts of what was left out are true.
 */
class ProjectExportSelectionTest {

    @TempDir
    Path dir;

    @Test
    void acceptedOnlyWithoutAnAcceptedLabelIsRefusedAndSaysWhy() throws Exception {
        Path project = sample();
        Path out = dir.resolve("hf");

        var result = export(project, "--format", "hf", "--out", out.toString(), "--accepted-only");

        assertEquals(1, result.exit());
        assertEquals("", result.out());
        assertEquals("meander: " + project + ": none of its 6 labels is marked accepted; mark those you checked"
                + " accepted in Annotate (key A), or export every label", result.err().strip());
        assertTrue(Files.notExists(out), "nothing written, not even the folder");
    }

    @Test
    void aSplitWithoutALabelledTileIsRefusedAndSaysWhy() throws Exception {
        Path project = sample();
        Project opened = Project.open(project);
        for (Tile tile : opened.tiles()) {
            opened.setSplit(tile, Split.TRAIN);
        }

        var result = export(project, "--format", "png", "--out", dir.resolve("masks").toString(), "--split",
                "test");

        assertEquals(1, result.exit());
        assertEquals("meander: " + project + ": the test split has no labelled tile; export another split, or every"
                + " tile", result.err().strip());
        assertTrue(Files.notExists(dir.resolve("masks")));
    }

    @Test
    void outlinesInLongitudeAndLatitudeOfTilesNotOnTheMapAreRefusedAndSaySo() throws Exception {
        Path project = sample();
        Path out = dir.resolve("web");

        var result = export(project, "--format", "geojson-wgs84", "--out", out.toString());

        assertEquals(1, result.exit());
        assertEquals("meander: " + project + ": none of the 6 labelled tiles is placed on the Earth (their imagery"
                + " has no georeferencing with an EPSG code); export geojson for outlines in pixels",
                result.err().strip());
        assertTrue(Files.notExists(out));
    }

    /** Every tile asked for is either written or counted, by why it was left out. */
    @Test
    void theCountsOfTilesLeftOutAreTrue() throws Exception {
        Path project = sample();
        Project opened = Project.open(project);
        Tile checked = opened.tiles().get(3);
        opened.writeLabel(checked, opened.readLabel(checked).orElseThrow(), LabelStatus.ACCEPTED);
        Files.delete(opened.tiles().get(0).label());

        JsonNode hf = export(project, "--format", "hf", "--out", dir.resolve("hf").toString(), "--accepted-only")
                .json();
        assertEquals(1, hf.path("rows").asInt());
        assertEquals(1, hf.path("unlabelled_tiles_left_out").asInt());
        assertEquals(4, hf.path("unaccepted_labels_left_out").asInt());

        JsonNode png = export(project, "--format", "png", "--out", dir.resolve("masks").toString()).json();
        assertEquals(5, png.path("masks").asInt());
        assertEquals(1, png.path("unlabelled_tiles_left_out").asInt());
        assertTrue(png.path("unaccepted_labels_left_out").isMissingNode(), "every label was asked for");
    }

    private Path sample() throws Exception {
        Path project = dir.resolve("sample");
        SampleProject.create(project, 4);
        return project;
    }

    private static EmbedCommandTest.Result export(Path project, String... options) {
        return EmbedCommandTest.runCapturing(Stream.concat(Stream.of("project", "export", project.toString()),
                Stream.of(options)).toArray(String[]::new));
    }
}
