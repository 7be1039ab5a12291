package org.meander.project;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meander.project.raster.BandChoice;
import org.meander.testing.Messages;
import org.meander.testing.TestRasters;

/**
 * A raster's cut stopped part way (a crash, Ctrl+C) is finished by asking for it again, keeping the tiles it wrote;
 * and a cut does not drop what the window recorded in meander.json meanwhile.
 */
class InterruptedTilingTest {

    private static final BandChoice WITH_NIR = new BandChoice(3, 2, 1, OptionalInt.of(4));

    @TempDir
    Path temp;

    /** Thrown by a progress listener to stop a cut after its first row of tiles, as a crash would. */
    private static final class Crash extends RuntimeException {
    }

    @Test
    void anInterruptedCutIsFinishedByTheSameCutKeepingItsTilesAndEndsAsAFreshOne() throws IOException {
        Path raster = TestRasters.tiff(temp.resolve("ortho.tif"), RasterTilingTest.fiveBands(), 0,
                TestRasters.georeferencing());
        Path mask = TestRasters.tiff(temp.resolve("river.tif"), TestRasters.raster(RasterTilingTest.WIDTH,
                RasterTilingTest.HEIGHT, 1, 8, (x, y, b) -> (x * y) % 7 == 0 ? 255 : 0), 0, List.of());
        Path dir = temp.resolve("project");
        RasterTiling.Settings settings = new RasterTiling.Settings(128, 32, WITH_NIR);
        RasterTiling.Mask river = new RasterTiling.Mask(mask, null);

        assertThrows(Crash.class, () -> RasterTiling.tile(dir, raster, settings, river, (done, total) -> {
            if (done == 3) {
                throw new Crash();
            }
        }));

        Project interrupted = Project.open(dir);
        assertEquals(3, interrupted.tiles().size(), "the first row of tiles was written");
        assertEquals(List.of(), interrupted.rasters(), "a raster part cut is no raster to map or stitch yet");
        Path kept = interrupted.tiles().get(0).image();
        FileTime before = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(kept, before);

        RasterTiling.Report report = RasterTiling.tile(dir, raster, settings, river, (done, total) -> { });

        assertEquals(3, report.resumed());
        assertEquals(before, Files.getLastModifiedTime(kept), "a tile written whole is not written again");
        Path fresh = temp.resolve("fresh");
        RasterTiling.tile(fresh, raster, settings, river, (done, total) -> { });
        Project finished = Project.open(dir);
        Project reference = Project.open(fresh);
        assertEquals(6, finished.tiles().size());
        assertEquals(1, finished.rasters().size());
        for (Tile tile : reference.tiles()) {
            Tile same = finished.tile(tile.name()).orElseThrow();
            assertArrayEquals(Files.readAllBytes(tile.image()), Files.readAllBytes(same.image()), tile.name());
            assertArrayEquals(Files.readAllBytes(reference.nearInfraredFile(tile)),
                    Files.readAllBytes(finished.nearInfraredFile(same)), tile.name());
            assertEquals(reference.readLabel(tile), finished.readLabel(same), tile.name());
            assertEquals(reference.rasterWindow(tile), finished.rasterWindow(same), tile.name());
        }
        JsonNode expected = new ObjectMapper().readTree(fresh.resolve("meander.json").toFile());
        JsonNode actual = new ObjectMapper().readTree(dir.resolve("meander.json").toFile());
        assertEquals(expected.path("rasters"), actual.path("rasters"), "recorded as a fresh cut records it");
        assertEquals(expected.path("sources"), actual.path("sources"));
        assertEquals(6, actual.path("splits").size(), "every tile has a split");
    }

    @Test
    void anInterruptedCutAskedForWithOtherSettingsIsRefusedSayingHowToGoOn() throws IOException {
        Path raster = TestRasters.tiff(temp.resolve("ortho.tif"), RasterTilingTest.fiveBands(), 0, List.of());
        Path dir = temp.resolve("project");
        assertThrows(Crash.class, () -> RasterTiling.tile(dir, raster, new RasterTiling.Settings(128, 32,
                BandChoice.DEFAULT), (done, total) -> {
                    throw new Crash();
                }));

        IOException e = assertThrows(IOException.class, () -> RasterTiling.tile(dir, raster,
                new RasterTiling.Settings(128, 64, BandChoice.DEFAULT), (done, total) -> { }));

        Messages.assertContains(e.getMessage(), "ortho.tif", "was interrupted, with other settings",
                "run it again with those", "./meander project remove-raster " + dir + " ortho");
    }

    /**
     * The stretch the first tiles were made with is the one the rest are made with, even where the raster measures
     * otherwise now (an earlier version measured it on other pixels): a resumed cut is not refused for it.
     */
    @Test
    void aResumedCutStretchesItsTilesAsItsFirstOnes() throws IOException {
        Path raster = TestRasters.tiff(temp.resolve("ortho.tif"), RasterTilingTest.fiveBands(), 0, List.of());
        Path dir = temp.resolve("project");
        RasterTiling.Settings settings = new RasterTiling.Settings(128, 32, WITH_NIR);
        assertThrows(Crash.class, () -> RasterTiling.tile(dir, raster, settings, null, (done, total) -> {
            if (done == 3) {
                throw new Crash();
            }
        }));
        Path manifest = dir.resolve("meander.json");
        ObjectNode recorded = (ObjectNode) new ObjectMapper().readTree(manifest.toFile());
        ObjectNode stretch = (ObjectNode) recorded.path("rasters").path("ortho").path("stretch");
        stretch.putArray("low").add(0).add(0).add(0);
        stretch.putArray("high").add(65535).add(65535).add(65535);
        Files.writeString(manifest, recorded.toPrettyString());

        RasterTiling.tile(dir, raster, settings, null, (done, total) -> { });

        JsonNode finished = new ObjectMapper().readTree(manifest.toFile()).path("rasters").path("ortho");
        assertEquals("[0,0,0]", finished.path("stretch").path("low").toString());
        assertEquals("[65535,65535,65535]", finished.path("stretch").path("high").toString());
        Path fresh = temp.resolve("fresh");
        RasterTiling.tile(fresh, raster, settings, null, (done, total) -> { });
        Tile resumed = Project.open(dir).tiles().get(5);
        assertFalse(Arrays.equals(Files.readAllBytes(resumed.image()),
                Files.readAllBytes(Project.open(fresh).tile(resumed.name()).orElseThrow().image())),
                "stretched between 0 and 65535, not as measured");
    }

    /** The window open on the project saves labels while a raster is cut into it from the command line. */
    @Test
    void aLabelStatusRecordedDuringACutIsKept() throws IOException {
        Path first = TestRasters.tiff(temp.resolve("upstream.tif"), RasterTilingTest.fiveBands(), 0, List.of());
        Path second = TestRasters.tiff(temp.resolve("downstream.tif"), RasterTilingTest.fiveBands(), 0, List.of());
        Path dir = temp.resolve("project");
        RasterTiling.Settings settings = new RasterTiling.Settings(128, 32, BandChoice.DEFAULT);
        RasterTiling.tile(dir, first, settings, (done, total) -> { });
        Project window = Project.open(dir);
        Tile labelled = window.tiles().get(0);

        RasterTiling.tile(dir, second, settings, (done, total) -> {
            if (done == 1) {
                try {
                    window.writeLabel(labelled, new LabelMask(128, 128, new byte[128 * 128]), LabelStatus.ACCEPTED);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        });

        Project after = Project.open(dir);
        assertEquals(12, after.tiles().size());
        assertEquals(LabelStatus.ACCEPTED, after.status(after.tile(labelled.name()).orElseThrow()));
        assertEquals(2, after.rasters().size());
    }
}
