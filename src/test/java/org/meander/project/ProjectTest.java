package org.meander.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.meander.testing.Messages.assertContains;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meander.weights.ErrorText;

/** Opening a project folder: which files are tiles, where their labels are, and what each label's status is. */
class ProjectTest {

    @TempDir
    Path dir;

    @Test
    void listsTheImagesOfTilesByNameAsAPersonReadsItAndCreatesLabels() throws IOException {
        TestImages.tile(dir.resolve("tiles/b.png"), 4, 3);
        TestImages.tile(dir.resolve("tiles/a.jpg"), 4, 3);
        TestImages.tile(dir.resolve("tiles/c.tif"), 4, 3);
        TestImages.tile(dir.resolve("tiles/D.BMP"), 4, 3);
        TestImages.tile(dir.resolve("tiles/c10.png"), 4, 3);
        TestImages.tile(dir.resolve("tiles/c9.png"), 4, 3);
        TestImages.tile(dir.resolve("tiles/._b.png"), 4, 3);
        Files.writeString(dir.resolve("tiles/notes.txt"), "not an image");

        Project project = Project.open(dir);

        assertEquals(dir.toAbsolutePath().normalize(), project.directory());
        assertTrue(Files.isDirectory(dir.resolve("labels")));
        List<Tile> tiles = project.tiles();
        assertEquals(List.of("a", "b", "c", "c9", "c10", "D"), tiles.stream().map(Tile::name).toList());
        Tile a = tiles.get(0);
        assertEquals(project.directory().resolve("tiles/a.jpg"), a.image());
        assertEquals(project.directory().resolve("labels/a.png"), a.label());
    }

    @Test
    void tilesAddedBesideAnOpenProjectTakeTheirPlaceInTheList() throws IOException {
        TestImages.tile(dir.resolve("tiles/tile_1.png"), 2, 1);
        TestImages.tile(dir.resolve("tiles/tile_10.png"), 2, 1);
        Project project = Project.open(dir);
        TestImages.tile(dir.resolve("tiles/tile_2.png"), 2, 1);

        project.refresh();

        assertEquals(List.of("tile_1", "tile_2", "tile_10"), project.tiles().stream().map(Tile::name).toList());
    }

    @Test
    void aLabelMeanderDidNotWriteIsImportedAndNoLabelIsNone() throws IOException {
        TestImages.tile(dir.resolve("tiles/a.png"), 2, 1);
        TestImages.tile(dir.resolve("tiles/b.png"), 2, 1);
        TestImages.grayPng(dir.resolve("labels/a.png"), 2, 1, 0, 255);

        Project project = Project.open(dir);

        assertEquals(List.of(LabelStatus.IMPORTED, LabelStatus.NONE),
                project.tiles().stream().map(project::status).toList());
    }

    @Test
    void theStatusMeanderRecordsSurvivesReopening() throws IOException {
        TestImages.tile(dir.resolve("tiles/a.png"), 2, 1);
        TestImages.tile(dir.resolve("tiles/b.png"), 2, 1);
        TestImages.grayPng(dir.resolve("labels/b.png"), 2, 1, 0, 255);
        Project project = Project.open(dir);
        Tile a = project.tiles().get(0);
        Tile b = project.tiles().get(1);

        project.writeLabel(a, TestImages.mask(2, 1, 1, 0), LabelStatus.ACCEPTED);
        project.writeLabel(b, TestImages.mask(2, 1, 1, 1), LabelStatus.EDITED);
        assertEquals(LabelStatus.ACCEPTED, project.status(a));

        Project reopened = Project.open(dir);
        assertEquals(List.of(LabelStatus.ACCEPTED, LabelStatus.EDITED),
                reopened.tiles().stream().map(reopened::status).toList());
        JsonNode json = new ObjectMapper().readTree(dir.resolve("meander.json").toFile());
        assertEquals("ACCEPTED", json.path("labels").path("a").path("status").asText());
    }

    /**
     * A crash between writing a label and recording its status (or another tool replacing the label) leaves a label
     * the recorded status does not describe: it must not pass for accepted. Meander records the label's size with
     * its status; a label of another size counts as imported, to be checked. A copy of the project keeps them.
     */
    @Test
    void aLabelThatChangedSinceItsStatusWasRecordedIsNoLongerAccepted() throws IOException {
        TestImages.tile(dir.resolve("tiles/a.png"), 64, 64);
        Project project = Project.open(dir);
        Tile a = project.tiles().get(0);
        project.writeLabel(a, new LabelMask(64, 64, new byte[64 * 64]), LabelStatus.ACCEPTED);
        assertEquals(LabelStatus.ACCEPTED, Project.open(dir).status(a));

        byte[] edited = new byte[64 * 64];
        for (int i = 0; i < edited.length; i += 3) {
            edited[i] = 1;
        }
        LabelPng.write(a.label(), new LabelMask(64, 64, edited)); // the new label, its status not yet recorded

        assertEquals(LabelStatus.IMPORTED, Project.open(dir).status(a));
    }

    @Test
    void rewritingMeanderJsonKeepsFieldsThisVersionDoesNotKnow() throws IOException {
        TestImages.tile(dir.resolve("tiles/a.png"), 2, 1);
        Files.writeString(dir.resolve("meander.json"),
                "{\"name\": \"Elwha\", \"splits\": {\"train\": [\"a\"]}, \"labels\": {\"a\": {\"by\": \"kim\"}}}");
        Project project = Project.open(dir);

        project.writeLabel(project.tiles().get(0), TestImages.mask(2, 1, 0, 1), LabelStatus.EDITED);

        JsonNode json = new ObjectMapper().readTree(dir.resolve("meander.json").toFile());
        assertEquals("Elwha", json.path("name").asText());
        assertEquals("a", json.path("splits").path("train").path(0).asText());
        assertEquals("kim", json.path("labels").path("a").path("by").asText());
        assertEquals("EDITED", json.path("labels").path("a").path("status").asText());
    }

    @Test
    void aMissingFolderIsSaidToBeMissing() {
        Path absent = dir.resolve("rivr");
        IOException e = assertThrows(IOException.class, () -> Project.open(absent));
        assertEquals(absent + ": no such project folder; make one with ./meander project create " + absent
                + " --images FOLDER", ErrorText.of(e));
        assertFalse(Files.exists(absent));
    }

    @Test
    void aFolderWithoutTilesIsRefusedSayingWhatAProjectHolds() {
        IOException e = assertThrows(IOException.class, () -> Project.open(dir));
        assertContains(e.getMessage(), dir.toAbsolutePath().normalize().toString(), "tiles/", "labels/",
                "meander.json");
        assertFalse(Files.exists(dir.resolve("labels")), "a folder that is not a project is left as it was");
    }

    @Test
    void twoImagesThatWouldShareALabelAreRefused() throws IOException {
        TestImages.tile(dir.resolve("tiles/a.png"), 2, 1);
        TestImages.tile(dir.resolve("tiles/a.jpg"), 2, 1);
        IOException e = assertThrows(IOException.class, () -> Project.open(dir));
        assertContains(e.getMessage(), "a.png", "a.jpg", "labels/a.png", "rename");
    }

    @Test
    void aDamagedMeanderJsonIsReportedWithItsPath() throws IOException {
        TestImages.tile(dir.resolve("tiles/a.png"), 2, 1);
        Files.writeString(dir.resolve("meander.json"), "{\"labels\": {\"a\": {\"status\": \"DONE\"}}}");
        IOException unknown = assertThrows(IOException.class, () -> Project.open(dir));
        assertContains(unknown.getMessage(), dir.resolve("meander.json").toString(), "DONE", "EDITED, ACCEPTED");

        Files.writeString(dir.resolve("meander.json"), "{\"labels\": {}");
        IOException truncated = assertThrows(IOException.class, () -> Project.open(dir));
        assertContains(truncated.getMessage(), dir.resolve("meander.json").toString(), "not valid JSON",
                "start marker at line 1, column 1)");
        assertFalse(truncated.getMessage().contains("Source"), "Jackson's internals: " + truncated.getMessage());
    }

    @Test
    void aTileOfAnotherProjectIsRejected() throws IOException {
        TestImages.tile(dir.resolve("tiles/a.png"), 2, 1);
        Project project = Project.open(dir);
        Tile stranger = new Tile("a", dir.resolve("elsewhere/a.png"), dir.resolve("labels/a.png"));
        assertThrows(IllegalArgumentException.class, () -> project.status(stranger));
    }
}
