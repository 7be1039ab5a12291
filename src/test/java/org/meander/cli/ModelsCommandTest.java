package org.meander.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meander.cli.EmbedCommandTest.Result;
import org.meander.testing.FakeHub;
import org.meander.testing.Fixtures;
import org.meander.weights.SamLoader;
import org.meander.weights.hub.Hub;
import org.meander.weights.hub.ModelStore;

/** {@code meander models list|download|path} against a hub on loopback, with the models folder in a temp dir. */
class ModelsCommandTest {

    @TempDir
    Path models;

    private FakeHub hub;

    @BeforeEach
    void pointAtALoopbackHub() throws Exception {
        hub = FakeHub.start();
        hub.serve("facebook/sam-vit-base", FakeHub.folder(Fixtures.model("tiny")));
        System.setProperty(Hub.URL_PROPERTY, hub.url().toString());
        System.setProperty(ModelStore.FOLDER_PROPERTY, models.toString());
    }

    @AfterEach
    void restore() {
        System.clearProperty(Hub.URL_PROPERTY);
        System.clearProperty(ModelStore.FOLDER_PROPERTY);
        hub.close();
    }

    @Test
    void downloadThenPathThenList() throws Exception {
        Result missing = EmbedCommandTest.runCapturing("models", "path", "facebook/sam-vit-base");
        assertEquals(1, missing.exit());
        assertTrue(missing.err().contains("is not downloaded"), missing.err());
        assertTrue(missing.err().contains("./meander models download facebook/sam-vit-base"), missing.err());

        Result download = EmbedCommandTest.runCapturing("models", "download", "facebook/sam-vit-base");
        assertEquals(0, download.exit(), download.err());
        JsonNode json = new ObjectMapper().readTree(download.out());
        Path folder = models.resolve("facebook").resolve("sam-vit-base");
        assertEquals(folder.toString(), json.get("path").asText());
        assertTrue(download.err().contains("1.8/1.8 MB"), download.err());
        SamLoader.load(folder).close();

        Result path = EmbedCommandTest.runCapturing("models", "path", "facebook/sam-vit-base");
        assertEquals(0, path.exit());
        assertEquals(folder.toString(), path.out().strip());

        Result list = EmbedCommandTest.runCapturing("models", "list");
        assertEquals(0, list.exit());
        assertTrue(list.out().startsWith("Models folder: " + models), list.out());
        assertTrue(list.out().matches("(?s).*facebook/sam-vit-base +downloaded .*"), list.out());
        assertTrue(list.out().matches("(?s).*facebook/sam-vit-huge +not downloaded .*"), list.out());
    }

    @Test
    void offlineEndsWithOneClearLine() throws Exception {
        System.setProperty(Hub.URL_PROPERTY, FakeHub.refusingUrl().toString());

        Result offline = EmbedCommandTest.runCapturing("models", "download", "facebook/sam-vit-base");

        assertEquals(1, offline.exit());
        assertTrue(offline.err().contains("meander: Cannot reach the Hugging Face hub"), offline.err());
        assertTrue(offline.err().contains("seems to be offline"), offline.err());
    }
}
