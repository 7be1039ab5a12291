package org.meander.project;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.meander.testing.Messages.assertContains;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Renaming, removing and restoring tiles: every file of the tile and its meander.json entries go together. */
class TileHousekeepingTest {

    @TempDir
    Path dir;

    Project project;

    /**
     * Tiles a (with a label edited once, so with one history version, a near-infrared band, a split set by hand
     * and a source entry) and c; a raster named "a" whose entry is not the tile's.
     */
    @BeforeEach
    void tiles() throws IOException {
        TestImages.tile(dir.resolve("tiles/a.jpg"), 4, 3);
        TestImages.tile(dir.resolve("tiles/c.png"), 4, 3);
        TestImages.grayPng(dir.resolve("labels/a.png"), 4, 3, new int[12]);
        TestImages.grayPng(dir.resolve("nir/a.png"), 4, 3, new int[12]);
        JsonNodeFactory json = JsonNodeFactory.instance;
        ProjectManifest.empty()
                .withEntries(TileSources.SOURCES, Map.of("a", json.objectNode().put("file", "/data/a.tif")))
                .withEntries(TileSources.RASTERS, Map.of("a", json.objectNode().put("file", "/data/big.tif")))
                .write(dir);
        project = Project.open(dir);
        project.setSplit(tile("a"), Split.TEST);
        project.writeLabel(tile("a"), TestImages.mask(4, 3, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0),
                LabelStatus.ACCEPTED);
    }

    Tile tile(String name) {
        return project.tile(name).orElseThrow();
    }

    JsonNode manifest() throws IOException {
        return new ObjectMapper().readTree(dir.resolve("meander.json").toFile());
    }

    @Test
    void renamingMovesImageLabelHistoryBandAndEntriesTogether() throws IOException {
        byte[] label = Files.readAllBytes(dir.resolve("labels/a.png"));
        byte[] original = Files.readAllBytes(dir.resolve("labels/.history/a/0001.png"));

        Tile old = tile("a");
        Tile renamed = project.rename(old, "d");

        assertEquals("d", renamed.name());
        assertEquals(dir.resolve("tiles/d.jpg"), renamed.image());
        assertEquals(List.of(".meander.json.lock", "cache/.leftovers-swept", "labels/.history/d/0001.png",
                "labels/d.png", "meander.json", "nir/d.png", "tiles/c.png", "tiles/d.jpg"), TestImages.filesBelow(dir));
        assertArrayEquals(label, Files.readAllBytes(dir.resolve("labels/d.png")));
        assertArrayEquals(original, Files.readAllBytes(dir.resolve("labels/.history/d/0001.png")));
        assertEquals(List.of("c", "d"), project.tiles().stream().map(Tile::name).toList());
        assertThrows(IllegalArgumentException.class, () -> project.readLabel(old), "the old tile is gone");

        Project reopened = Project.open(dir);
        Tile d = reopened.tile("d").orElseThrow();
        assertEquals(LabelStatus.ACCEPTED, reopened.status(d));
        assertEquals(Split.TEST, reopened.split(d));
        assertEquals(1, reopened.history(d).size());
        assertEquals(dir.resolve("nir/d.png"), reopened.nearInfraredFile(d));
        JsonNode json = manifest();
        assertEquals("/data/a.tif", json.path("sources").path("d").path("file").asText());
        assertFalse(json.path("labels").has("a") || json.path("splits").has("a") || json.path("sources").has("a"));
        assertEquals("/data/big.tif", json.path("rasters").path("a").path("file").asText(),
                "a raster named like the tile is not the tile's");
    }

    @Test
    void aNameTakenOrUnusableIsRefusedAndNothingMoves() throws IOException {
        List<String> before = TestImages.filesBelow(dir);
        String manifest = Files.readString(dir.resolve("meander.json"));

        assertContains(assertThrows(IllegalArgumentException.class, () -> project.rename(tile("a"), "c"))
                .getMessage(), "has a tile named c");
        for (String bad : List.of("x/y", "..", ".hidden", "", "a:b")) {
            assertContains(assertThrows(IllegalArgumentException.class, () -> project.rename(tile("a"), bad))
                    .getMessage(), "cannot name a tile");
        }
        TestImages.grayPng(dir.resolve("labels/z.png"), 4, 3, new int[12]); // a label left without its tile
        IOException e = assertThrows(IOException.class, () -> project.rename(tile("a"), "z"));
        assertContains(e.getMessage(), dir.resolve("labels/z.png").toString(), "exists already");

        assertEquals(before, TestImages.filesBelow(dir).stream().filter(f -> !f.equals("labels/z.png")).toList());
        assertEquals(manifest, Files.readString(dir.resolve("meander.json")));
        assertEquals(List.of("a", "c"), project.tiles().stream().map(Tile::name).toList());
    }

    @Test
    void removingMovesTheTileToTheTrashWithItsEntries() throws IOException {
        Path trash = project.remove(tile("a"));

        assertEquals(dir.resolve("trash"), trash.getParent());
        assertTrue(trash.getFileName().toString().startsWith("a-"), trash.toString());
        assertEquals(List.of("labels/.history/a/0001.png", "labels/a.png", "meander.json", "nir/a.png",
                "tiles/a.jpg"), TestImages.filesBelow(trash));
        JsonNode kept = new ObjectMapper().readTree(trash.resolve("meander.json").toFile());
        assertEquals("ACCEPTED", kept.path("labels").path("a").path("status").asText());
        assertEquals("test", kept.path("splits").path("a").asText());
        assertEquals("/data/a.tif", kept.path("sources").path("a").path("file").asText());
        assertFalse(kept.has("rasters"));
        assertEquals(List.of("c"), project.tiles().stream().map(Tile::name).toList());
        assertEquals(List.of("c"), Project.open(dir).tiles().stream().map(Tile::name).toList());
        JsonNode json = manifest();
        assertFalse(json.path("labels").has("a") || json.path("splits").has("a") || json.path("sources").has("a"));
        assertTrue(json.path("rasters").has("a"));

        TestImages.tile(dir.resolve("tiles/a.png"), 4, 3);
        Project again = Project.open(dir);
        Path second = again.remove(again.tile("a").orElseThrow());
        assertNotEquals(trash, second, "a tile removed twice keeps both in the trash");
        assertEquals(List.of("meander.json", "tiles/a.png"), TestImages.filesBelow(second));
    }

    @Test
    void resplittingBySeedIsRepeatableAndReplacesSplitsSetByHand() throws IOException {
        // 22 tiles with a and c: 11 train, 6 validation (5.5 rounded), 5 test
        for (int i = 0; i < 20; i++) {
            TestImages.tile(dir.resolve("tiles/t" + i + ".png"), 2, 2);
        }
        Project many = Project.open(dir);

        many.resplit(0.5, 0.25, 7);
        Map<String, Split> first = HfImportTest.splits(many);
        many.resplit(0.5, 0.25, 7);

        assertEquals(first, HfImportTest.splits(Project.open(dir)));
        assertEquals(11, first.values().stream().filter(s -> s == Split.TRAIN).count());
        assertEquals(6, first.values().stream().filter(s -> s == Split.VALIDATION).count());
    }

    /** Removed, then restored: every file where it was, with the same bytes; status, split and place back. */
    @Test
    void aRemovedTileIsRestoredWhole() throws IOException {
        Map<String, byte[]> before = new java.util.TreeMap<>();
        for (String file : TestImages.filesBelow(dir)) {
            if (!file.equals("meander.json") && !file.startsWith(".")) {
                before.put(file, Files.readAllBytes(dir.resolve(file)));
            }
        }
        JsonNode entries = manifest();
        Path trash = project.remove(tile("a"));

        List<RemovedTile> removed = RemovedTile.in(dir);
        assertEquals(1, removed.size());
        assertEquals("a", removed.get(0).name());
        assertEquals(trash.getFileName().toString(), removed.get(0).id());
        Tile restored = project.restore(removed.get(0));

        assertEquals("a", restored.name());
        assertEquals(tile("a"), restored);
        assertEquals(LabelStatus.ACCEPTED, project.status(restored));
        assertEquals(Split.TEST, project.split(restored));
        assertEquals(1, project.history(restored).size());
        for (Map.Entry<String, byte[]> file : before.entrySet()) {
            assertArrayEquals(file.getValue(), Files.readAllBytes(dir.resolve(file.getKey())), file.getKey());
        }
        for (String section : List.of("labels", "splits", TileSources.SOURCES)) {
            assertEquals(entries.path(section).path("a"), manifest().path(section).path("a"), section);
        }
        assertFalse(Files.exists(trash), "the emptied trash folder goes");
        assertTrue(RemovedTile.in(dir).isEmpty());
        assertEquals(LabelStatus.ACCEPTED, Project.open(dir).status(tile("a")), "as the file now says");
    }

    @Test
    void aRemovedTileIsNotRestoredOverAnotherOfItsName() throws IOException {
        project.remove(tile("a"));
        project.rename(tile("c"), "a");
        RemovedTile removed = RemovedTile.in(dir).get(0);

        IOException refused = assertThrows(IOException.class, () -> project.restore(removed));

        assertContains(refused.getMessage(), "the project has a tile named a already", "rename it");
        assertTrue(Files.exists(removed.folder().resolve("tiles/a.jpg")), "nothing moved");
        assertEquals(List.of("a"), project.tiles().stream().map(Tile::name).toList());
    }

    /**
     * A program killed part way through a rename (after {@code moved} of the tile's four files moved) leaves its
     * record; the next to open the project finishes it, so no file stays behind under the old name.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3, 4})
    void aRenameKilledPartWayIsFinishedWhenTheProjectIsNextOpened(int moved) throws IOException {
        byte[] label = Files.readAllBytes(dir.resolve("labels/a.png"));
        killedAfter(project.renaming(tile("a"), "d"), moved);

        Project reopened = Project.open(dir);

        assertEquals(List.of(".meander.json.lock", "cache/.leftovers-swept", "labels/.history/d/0001.png",
                "labels/d.png", "meander.json", "nir/d.png", "tiles/c.png", "tiles/d.jpg"), TestImages.filesBelow(dir));
        assertArrayEquals(label, Files.readAllBytes(dir.resolve("labels/d.png")));
        Tile d = reopened.tile("d").orElseThrow();
        assertEquals(LabelStatus.ACCEPTED, reopened.status(d));
        assertEquals(Split.TEST, reopened.split(d));
        assertEquals("/data/a.tif", manifest().path("sources").path("d").path("file").asText());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 2, 4})
    void aRemovalKilledPartWayIsFinishedWhenTheProjectIsNextOpened(int moved) throws IOException {
        TileChange removal = project.removing(tile("a"));
        killedAfter(removal, moved);

        Project reopened = Project.open(dir);

        assertEquals(List.of("c"), reopened.tiles().stream().map(Tile::name).toList());
        assertEquals(List.of("labels/.history/a/0001.png", "labels/a.png", "meander.json", "nir/a.png",
                "tiles/a.jpg"), TestImages.filesBelow(dir.resolve(removal.trash())));
        assertFalse(manifest().path("splits").has("a") || manifest().path("labels").has("a"));
        JsonNode kept = new ObjectMapper().readTree(dir.resolve(removal.trash()).resolve("meander.json").toFile());
        assertEquals("test", kept.path("splits").path("a").asText(), "its entries kept in the trash");
        assertEquals(List.of(removal.trash()), RemovedTile.in(dir).stream()
                .map(r -> dir.relativize(r.folder()).toString().replace('\\', '/')).toList(), "no other folder");
    }

    /**
     * A record of a change is read from the project, which may come from anyone: one that would move files outside
     * the tile's folders of the project is refused, naming the record, and moves nothing.
     */
    @Test
    void aRecordOfAChangeThatLeavesTheProjectIsRefused(@TempDir Path elsewhere) throws IOException {
        Path outside = Files.writeString(elsewhere.resolve("victim.txt"), "the user's");
        String fromInside = dir.relativize(outside).toString().replace('\\', '/'); // ../junit.../victim.txt
        Files.writeString(dir.resolve(TileChange.FILE_NAME), "{\"kind\": \"REMOVE\", \"tile\": \"a\", \"newName\":"
                + " \"\", \"trash\": \"trash/x\", \"moves\": [{\"from\": \"" + fromInside + "\", \"to\":"
                + " \"trash/x/victim.txt\"}]}");

        IOException refused = assertThrows(IOException.class, () -> Project.open(dir));

        assertContains(refused.getMessage(), dir.resolve(TileChange.FILE_NAME).toString(),
                "\"" + fromInside + "\" is not a place for a tile's file");
        assertEquals("the user's", Files.readString(outside));
    }

    /** The window saving a label of a tile that a command removed meanwhile leaves no label without its tile. */
    @Test
    void aLabelOfATileRemovedByAnotherProgramIsNotWritten() throws IOException {
        Project.open(dir).remove(tile("a"));

        assertThrows(NoSuchFileException.class, () -> project.writeLabel(tile("a"),
                TestImages.mask(4, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), LabelStatus.EDITED));

        assertFalse(Files.exists(dir.resolve("labels/a.png")));
    }

    /**
     * Killed part way through a restore, even with every file back but meander.json not yet told (which lost the
     * tile's status, split and place for good), the restore is finished: entries back, the trash folder gone.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 4})
    void aRestoreKilledPartWayIsFinishedWhenTheProjectIsNextOpened(int moved) throws IOException {
        JsonNode entries = manifest();
        project.remove(tile("a"));
        RemovedTile removed = RemovedTile.in(dir).get(0);
        killedAfter(project.restoring(removed, RemovedTile.imageIn(removed.folder())), moved);

        Project reopened = Project.open(dir);

        Tile a = reopened.tile("a").orElseThrow();
        assertEquals(LabelStatus.ACCEPTED, reopened.status(a));
        assertEquals(Split.TEST, reopened.split(a));
        for (String section : List.of("labels", "splits", TileSources.SOURCES)) {
            assertEquals(entries.path(section).path("a"), manifest().path(section).path("a"), section);
        }
        assertFalse(Files.exists(removed.folder()), "the emptied trash folder goes");
        assertFalse(Files.exists(dir.resolve(TileChange.FILE_NAME)));
    }

    /** As a program killed after recording the change and making its first {@code moved} moves leaves it. */
    private void killedAfter(TileChange change, int moved) throws IOException {
        change.record(dir);
        for (TileChange.Move move : change.moves().subList(0, moved)) {
            Files.createDirectories(dir.resolve(move.to()).getParent());
            Files.move(dir.resolve(move.from()), dir.resolve(move.to()));
        }
    }
}
