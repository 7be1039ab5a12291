package org.meander.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meander.project.LabelPng;
import org.meander.project.LabelStatus;
import org.meander.project.Project;
import org.meander.project.SampleProject;
import org.meander.project.Split;
import org.meander.project.Tile;
import org.meander.project.export.CocoRle;
import org.meander.project.export.Rle;

/** {@code ./meander project export} on the sample project: PNG masks and COCO JSON that decode to the labels. */
class ProjectExportCommandTest {

    @TempDir
    Path dir;

    @Test
    void exportsPngMasksAndCocoJsonThatDecodeToTheLabels() throws Exception {
        Path project = dir.resolve("sample");
        SampleProject.create(project, 4);
        Project opened = Project.open(project);

        var png = EmbedCommandTest.runCapturing("project", "export", project.toString(), "--format", "png",
                "--out", dir.resolve("masks").toString());
        assertEquals(0, png.exit(), png.err());
        assertEquals(6, new ObjectMapper().readTree(png.out()).path("masks").asInt());
        for (Tile tile : opened.tiles()) {
            assertEquals(opened.readLabel(tile).orElseThrow(),
                    LabelPng.read(dir.resolve("masks").resolve(tile.name() + ".png")));
        }

        Path json = dir.resolve("coco.json");
        var coco = EmbedCommandTest.runCapturing("project", "export", project.toString(), "--format", "coco",
                "--out", json.toString(), "--split", "train");
        assertEquals(0, coco.exit(), coco.err());
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        long trainTiles = opened.tiles().stream().filter(t -> opened.split(t) == Split.TRAIN).count();
        assertEquals(trainTiles, root.path("images").size(), "only the train split");
        JsonNode annotation = root.path("annotations").get(0);
        JsonNode image = root.path("images").get(0);
        Tile tile = opened.tiles().stream()
                .filter(t -> t.image().getFileName().toString().equals(image.path("file_name").asText()))
                .findFirst().orElseThrow();
        JsonNode segmentation = annotation.path("segmentation");
        Rle rle = new Rle(segmentation.path("size").get(0).asInt(), segmentation.path("size").get(1).asInt(),
                segmentation.path("counts").asText());
        assertEquals(opened.readLabel(tile).orElseThrow(), CocoRle.decode(rle));
    }

    @Test
    void acceptedOnlyLeavesTheUncheckedLabelsOut() throws Exception {
        Path project = dir.resolve("sample");
        SampleProject.create(project, 4);
        Project opened = Project.open(project);
        Tile checked = opened.tiles().get(3);
        opened.writeLabel(checked, opened.readLabel(checked).orElseThrow(), LabelStatus.ACCEPTED);

        var png = EmbedCommandTest.runCapturing("project", "export", project.toString(), "--format", "png",
                "--out", dir.resolve("masks").toString(), "--accepted-only");

        assertEquals(0, png.exit(), png.err());
        JsonNode result = new ObjectMapper().readTree(png.out());
        assertEquals(1, result.path("masks").asInt());
        assertTrue(result.path("accepted_only").asBoolean());
        assertTrue(Files.isRegularFile(dir.resolve("masks").resolve(checked.name() + ".png")));
    }

    @Test
    void aFormatItCannotWriteIsRefused() {
        var result = EmbedCommandTest.runCapturing("project", "export", dir.toString(), "--format", "shapefile",
                "--out", dir.resolve("x").toString());
        assertNotEquals(0, result.exit());
        assertTrue(result.err().contains("'shapefile': use png, coco, geotiff, geojson, geojson-wgs84 or hf"),
                result.err());
        assertTrue(Files.notExists(dir.resolve("x")));
    }

    @Test
    void simplifyingAppliesToOutlinesOnlyAndNeverBelowZero() throws Exception {
        Path project = dir.resolve("sample");
        SampleProject.create(project, 2);
        var masks = EmbedCommandTest.runCapturing("project", "export", project.toString(), "--format", "png",
                "--out", dir.resolve("masks").toString(), "--simplify", "1");
        assertNotEquals(0, masks.exit());
        assertEquals("meander: --simplify applies to the outlines of --format geojson and geojson-wgs84, not to png",
                masks.err().strip());
        var negative = EmbedCommandTest.runCapturing("project", "export", project.toString(), "--format",
                "geojson", "--out", dir.resolve("outlines").toString(), "--simplify", "-2");
        assertNotEquals(0, negative.exit());
        assertEquals("meander: --simplify -2.0: give 0 or more pixels (1 smooths the outlines' pixel staircases)",
                negative.err().strip());
        assertTrue(Files.notExists(dir.resolve("masks")) && Files.notExists(dir.resolve("outlines")));

        var outlines = EmbedCommandTest.runCapturing("project", "export", project.toString(), "--format",
                "geojson", "--out", dir.resolve("outlines").toString(), "--simplify", "1.5");
        assertEquals(0, outlines.exit(), outlines.err());
        assertEquals(1.5, new ObjectMapper().readTree(outlines.out()).path("simplified_pixels").asDouble());
    }
}
