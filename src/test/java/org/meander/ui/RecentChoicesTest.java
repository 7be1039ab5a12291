package org.meander.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meander.weights.hub.KnownModel;
import org.meander.weights.hub.ModelStore;

class RecentChoicesTest {

    @TempDir
    Path home;

    private final Preferences node = Preferences.userRoot().node("meander-test-" + System.nanoTime());

    @AfterEach
    void forget() throws BackingStoreException {
        node.removeNode();
    }

    @Test
    void firstStartOpensAGeneratedSampleProjectAndNoModel() throws Exception {
        RecentChoices recent = recent();
        Path project = recent.project(null);
        assertEquals(home.resolve("sample-project"), project);
        assertTrue(Files.isDirectory(project.resolve("tiles")), "the sample project was generated");
        assertNull(recent.model(null));
    }

    @Test
    void theLastProjectAndModelAreRemembered() throws Exception {
        Path project = Files.createDirectories(home.resolve("rivers"));
        Path model = Files.createDirectories(home.resolve("sam-vit-base"));
        recent().remember(project, model);

        RecentChoices later = recent();
        assertEquals(project.toAbsolutePath(), later.project(null));
        assertEquals(model.toAbsolutePath(), later.model(null));
        Path asked = home.resolve("other");
        assertEquals(asked, later.project(asked), "what is asked for wins over what was remembered");
    }

    @Test
    void theTileLastOpenIsRememberedForEachProject() throws Exception {
        Path rivers = Files.createDirectories(home.resolve("rivers"));
        Path deltas = Files.createDirectories(home.resolve("deltas"));
        recent().rememberTile(rivers, "tile_12");
        recent().rememberTile(deltas, "delta_3");
        recent().rememberTile(rivers, "tile_40");

        RecentChoices later = recent();
        assertEquals(java.util.Optional.of("tile_40"), later.lastTile(rivers));
        assertEquals(java.util.Optional.of("delta_3"), later.lastTile(deltas.resolve("../deltas")));
        assertEquals(java.util.Optional.empty(), later.lastTile(home.resolve("other")));
    }

    @Test
    void aRememberedFolderThatIsGoneIsForgotten() throws Exception {
        Path project = Files.createDirectories(home.resolve("gone"));
        recent().remember(project, null);
        Files.delete(project);
        assertEquals(home.resolve("sample-project"), recent().project(null));
    }

    @Test
    void withoutARememberedModelADownloadedOneIsUsedSamViTBFirst() throws Exception {
        ModelStore store = new ModelStore(home.resolve("models"));
        Path other = Files.createDirectories(store.root().resolve("someone").resolve("sam-river"));
        Files.writeString(other.resolve("config.json"), "{}");
        assertEquals(other, recent().model(null));
        Path base = Files.createDirectories(store.folderOf(KnownModel.SAM_VIT_BASE.repo()));
        Files.writeString(base.resolve("config.json"), "{}");
        assertEquals(base, recent().model(null));
    }

    private RecentChoices recent() {
        return new RecentChoices(node, home, new ModelStore(home.resolve("models")));
    }
}
