package org.meander.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meander.project.LabelMask;
import org.meander.project.LabelStatus;
import org.meander.project.Project;
import org.meander.project.SampleProject;
import org.meander.project.Split;
import org.meander.project.Tile;

/** {@code meander project accept} on the sample project, whose labels come imported. */
class ProjectAcceptCommandTest {

    @TempDir
    Path temp;

    Path dir;
    List<Tile> tiles;

    @BeforeEach
    void sample() throws IOException {
        dir = temp.resolve("sample");
        tiles = SampleProject.create(dir, 4).tiles();
    }

    LabelStatus status(Tile tile) throws IOException {
        Project project = Project.open(dir);
        return project.status(project.tile(tile.name()).orElseThrow());
    }

    @Test
    void acceptsNamedTilesKeepingTheirPixelsAndTheImportedFileInTheHistory() throws IOException {
        Tile first = tiles.get(0);
        byte[] importedFile = Files.readAllBytes(first.label());
        LabelMask before = Project.open(dir).readLabel(first).orElseThrow();

        EmbedCommandTest.Result result = ProjectCommandTest.project("accept", dir.toString(), first.name());
        EmbedCommandTest.Result again = ProjectCommandTest.project("accept", dir.toString(), first.name());

        assertEquals(0, result.exit(), result.err());
        assertEquals(List.of(first.name()), names(result, "accepted"));
        assertEquals(LabelStatus.ACCEPTED, status(first));
        assertEquals(LabelStatus.IMPORTED, status(tiles.get(1)), "only the tile named");
        Project project = Project.open(dir);
        assertArrayEquals(before.pixels(), project.readLabel(first).orElseThrow().pixels());
        List<Path> history = project.history(first);
        assertArrayEquals(importedFile, Files.readAllBytes(history.get(history.size() - 1)));
        assertEquals(List.of(), names(again, "accepted"));
        assertEquals(List.of(first.name()), names(again, "already_accepted"));
        assertEquals(history, Project.open(dir).history(first), "accepting again keeps no other version");
    }

    @Test
    void acceptsByStatusWithinASplit() throws IOException {
        Project project = Project.open(dir);
        Tile edited = tiles.get(0);
        project.writeLabel(edited, project.readLabel(edited).orElseThrow(), LabelStatus.EDITED);
        for (Tile tile : tiles) {
            project.setSplit(tile, tile.equals(tiles.get(1)) ? Split.TEST : Split.TRAIN);
        }

        EmbedCommandTest.Result result = ProjectCommandTest.project("accept", dir.toString(), "--status",
                "imported", "--split", "train");

        assertEquals(0, result.exit(), result.err());
        List<String> expected = new ArrayList<>();
        for (Tile tile : tiles.subList(2, tiles.size())) {
            expected.add(tile.name());
        }
        assertEquals(expected, names(result, "accepted"));
        assertEquals(LabelStatus.EDITED, status(edited), "another status");
        assertEquals(LabelStatus.IMPORTED, status(tiles.get(1)), "another split");
    }

    @Test
    void refusesWithoutAChoiceAndMarksNoneWhenANamedTileCannotBeAccepted() throws IOException {
        Tile unlabelled = tiles.get(1);
        Files.delete(unlabelled.label());

        EmbedCommandTest.Result nothing = ProjectCommandTest.project("accept", dir.toString());
        EmbedCommandTest.Result badStatus = ProjectCommandTest.project("accept", dir.toString(), "--status",
                "accepted");
        EmbedCommandTest.Result noLabel = ProjectCommandTest.project("accept", dir.toString(), tiles.get(0).name(),
                unlabelled.name());
        EmbedCommandTest.Result unknown = ProjectCommandTest.project("accept", dir.toString(), tiles.get(0).name(),
                "no_such_tile");

        assertEquals(2, nothing.exit());
        assertTrue(nothing.err().contains("--status"), nothing.err());
        assertEquals(2, badStatus.exit());
        assertTrue(badStatus.err().contains("imported, edited or predicted"), badStatus.err());
        assertEquals(1, noLabel.exit());
        assertTrue(noLabel.err().contains(unlabelled.name() + " has no label to accept"), noLabel.err());
        assertEquals(1, unknown.exit());
        assertTrue(unknown.err().contains("no tile named no_such_tile"), unknown.err());
        assertEquals(LabelStatus.IMPORTED, status(tiles.get(0)), "nothing marked when a name is refused");
    }

    private static List<String> names(EmbedCommandTest.Result result, String key) throws IOException {
        List<String> names = new ArrayList<>();
        result.json().path(key).forEach(name -> names.add(name.asText()));
        return names;
    }
}
