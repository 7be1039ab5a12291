package org.meander.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meander.project.Project;
import org.meander.project.SampleProject;
import org.meander.project.Tile;

/** {@code meander project rename}, {@code remove} and {@code split} on the sample project. */
class ProjectHousekeepingCommandsTest {

    @TempDir
    Path temp;

    Path dir;

    @BeforeEach
    void sample() throws IOException {
        dir = temp.resolve("sample");
        SampleProject.create(dir, 4);
    }

    List<String> names() throws IOException {
        return Project.open(dir).tiles().stream().map(Tile::name).toList();
    }

    @Test
    void renamePrintsTheNewImageAndMovesTheLabel() throws IOException {
        String first = names().get(0);

        EmbedCommandTest.Result result = ProjectCommandTest.project("rename", dir.toString(), first, "renamed");

        assertEquals(0, result.exit(), result.err());
        JsonNode json = result.json();
        assertEquals(first, json.path("renamed").asText());
        assertEquals("renamed", json.path("to").asText());
        assertTrue(Files.exists(Path.of(json.path("image").asText())));
        assertTrue(Files.exists(dir.resolve("labels/renamed.png")));
        assertTrue(names().contains("renamed") && !names().contains(first));

        EmbedCommandTest.Result again = ProjectCommandTest.project("rename", dir.toString(), first, "renamed");
        assertEquals(0, again.exit(), "given again after a rename that stopped: " + again.err());
        assertTrue(again.json().path("already_renamed").asBoolean());
        assertTrue(again.err().contains("renamed already"), again.err());
    }

    @Test
    void removeMovesTilesToTheTrashAndAnUnknownNameRemovesNone() throws IOException {
        List<String> before = names();

        EmbedCommandTest.Result unknown = ProjectCommandTest.project("remove", dir.toString(), before.get(0),
                "no_such_tile");
        assertEquals(1, unknown.exit());
        assertTrue(unknown.err().contains("no tile named no_such_tile"), unknown.err());
        assertEquals(before, names());

        EmbedCommandTest.Result result = ProjectCommandTest.project("remove", dir.toString(), before.get(0),
                before.get(1));
        assertEquals(0, result.exit(), result.err());
        assertEquals(2, result.json().path("removed").size());
        assertEquals(before.subList(2, before.size()), names());
        Path trash = Path.of(result.json().path("trash").get(0).asText());
        assertTrue(Files.exists(trash.resolve("labels").resolve(before.get(0) + ".png")), trash.toString());

        EmbedCommandTest.Result listed = ProjectCommandTest.project("restore", dir.toString());
        EmbedCommandTest.Result restored = ProjectCommandTest.project("restore", dir.toString(), before.get(0),
                Path.of(result.json().path("trash").get(1).asText()).getFileName().toString());

        assertEquals(2, listed.json().path("removed").size(), listed.out());
        assertEquals(0, restored.exit(), restored.err());
        assertEquals(before, names(), "both back, by a tile's name and by its removal's folder");
    }

    /** A list given again after a removal or a restore that stopped part way finishes it, the tiles done left be. */
    @Test
    void removeAndRestoreGivenTheSameListAgainLeaveTheTilesDoneAlone() throws IOException {
        List<String> before = names();
        ProjectCommandTest.project("remove", dir.toString(), before.get(0));

        EmbedCommandTest.Result removed = ProjectCommandTest.project("remove", dir.toString(), before.get(0),
                before.get(1));
        ProjectCommandTest.project("restore", dir.toString(), before.get(0));
        EmbedCommandTest.Result restored = ProjectCommandTest.project("restore", dir.toString(), before.get(0),
                before.get(1));

        assertEquals(0, removed.exit(), removed.err());
        assertEquals(before.get(1), removed.json().path("removed").get(0).asText());
        assertEquals(before.get(0), removed.json().path("already_removed").get(0).asText());
        assertTrue(removed.err().contains("removed already"), removed.err());
        assertEquals(0, restored.exit(), restored.err());
        assertEquals(before.get(1), restored.json().path("restored").get(0).asText());
        assertEquals(before.get(0), restored.json().path("already_restored").get(0).asText());
        assertEquals(before, names());
        EmbedCommandTest.Result unknown = ProjectCommandTest.project("restore", dir.toString(), "no_such_tile");
        assertEquals(1, unknown.exit());
        assertTrue(unknown.err().contains("no removed tile named no_such_tile"), unknown.err());
    }

    @Test
    void splitPrintsTheCountsAndTheSameSeedGivesTheSameSplit() throws IOException {
        EmbedCommandTest.Result result = ProjectCommandTest.project("split", dir.toString(), "--train", "0.5",
                "--validation", "0.5", "--seed", "3");

        assertEquals(0, result.exit(), result.err());
        JsonNode json = result.json();
        assertEquals(3, json.path("train").asInt());
        assertEquals(3, json.path("validation").asInt());
        assertEquals(0, json.path("test").asInt());
        String manifest = Files.readString(dir.resolve("meander.json"));
        ProjectCommandTest.project("split", dir.toString(), "--train", "0.5", "--validation", "0.5", "--seed", "3");
        assertEquals(manifest, Files.readString(dir.resolve("meander.json")));

        EmbedCommandTest.Result bad = ProjectCommandTest.project("split", dir.toString(), "--train", "0.9",
                "--validation", "0.2");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("--validation 0.2"), bad.err());
    }
}
