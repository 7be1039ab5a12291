package org.meander.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meander.project.raster.BandChoice;
import org.meander.testing.TiledRasterProject;

/**
 * One project open in several places at once (the window, and a command run beside it): each change to meander.json
 * is made to the file as it is then, so none undoes another's.
 */
class SharedManifestTest {

    @TempDir
    Path dir;

    @Test
    void statusesSavedByTwoOpenProjectsAreAllKept() throws IOException {
        for (String name : List.of("a", "b")) {
            TestImages.tile(dir.resolve("tiles/" + name + ".png"), 2, 1);
        }
        Project window = Project.open(dir);
        Project command = Project.open(dir);

        command.writeLabel(command.tile("a").orElseThrow(), TestImages.mask(2, 1, 1, 0), LabelStatus.ACCEPTED);
        window.writeLabel(window.tile("b").orElseThrow(), TestImages.mask(2, 1, 0, 1), LabelStatus.EDITED);

        Project reopened = Project.open(dir);
        assertEquals(LabelStatus.ACCEPTED, reopened.status(reopened.tile("a").orElseThrow()));
        assertEquals(LabelStatus.EDITED, reopened.status(reopened.tile("b").orElseThrow()));
    }

    /** The window saves a label after {@code project tile} cut a raster into its project from a terminal. */
    @Test
    void aRasterCutBesideAnOpenWindowKeepsItsWindowsWhenTheWindowSaves() throws IOException {
        TestImages.tile(dir.resolve("tiles/frame.png"), 2, 1);
        Project window = Project.open(dir);
        RasterTiling.tile(dir, TiledRasterProject.raster(dir.resolveSibling("ortho.tif")),
                new RasterTiling.Settings(128, 32, BandChoice.DEFAULT), (done, total) -> { });

        window.writeLabel(window.tile("frame").orElseThrow(), TestImages.mask(2, 1, 1, 1), LabelStatus.EDITED);

        Project reopened = Project.open(dir);
        assertEquals(1, reopened.rasters().size());
        assertTrue(reopened.rasterWindow(reopened.tile("ortho_r0_c0").orElseThrow()).isPresent());
        assertEquals(LabelStatus.EDITED, reopened.status(reopened.tile("frame").orElseThrow()));
    }

    @Test
    void anOpenProjectReadAgainTakesInTilesAnotherProgramAddedOrRemoved() throws IOException {
        TestImages.tile(dir.resolve("tiles/frame.png"), 2, 1);
        TestImages.tile(dir.resolve("tiles/other.png"), 2, 1);
        Project window = Project.open(dir);
        RasterTiling.tile(dir, TiledRasterProject.raster(dir.resolveSibling("ortho.tif")),
                new RasterTiling.Settings(128, 32, BandChoice.DEFAULT), (done, total) -> { });
        Project command = Project.open(dir);
        command.remove(command.tile("frame").orElseThrow());

        Project.Changes changes = window.refresh();

        assertEquals(6, changes.added().size());
        assertEquals(List.of("frame"), changes.removed().stream().map(Tile::name).toList());
        assertEquals(7, window.tiles().size());
        assertEquals(1, window.rasters().size());
        Tile cut = window.tile("ortho_r1_c2").orElseThrow();
        assertTrue(window.rasterWindow(cut).isPresent());
        assertEquals(new Project.Changes(List.of(), List.of(), List.of()), window.refresh(),
                "nothing new the second time");
        Tile other = command.tile("other").orElseThrow();
        command.writeLabel(other, TestImages.mask(2, 1, 1, 1), LabelStatus.PREDICTED);
        window.writeLabel(cut, new LabelMask(128, 128, new byte[128 * 128]), LabelStatus.EDITED);
        assertEquals(List.of(other), window.refresh().relabelled(), "the labels others wrote, not its own");
    }

    @Test
    void labelsSavedFromManyThreadsAtOnceAllRecordTheirStatuses() throws Exception {
        int tiles = 24;
        for (int i = 0; i < tiles; i++) {
            TestImages.tile(dir.resolve("tiles/t" + i + ".png"), 2, 1);
        }
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> saves = new ArrayList<>();
            for (int i = 0; i < tiles; i++) {
                String name = "t" + i;
                saves.add(threads.submit(() -> {
                    Project own = Project.open(dir);
                    own.writeLabel(own.tile(name).orElseThrow(), TestImages.mask(2, 1, 1, 0), LabelStatus.ACCEPTED);
                    return null;
                }));
            }
            for (Future<?> save : saves) {
                save.get();
            }
        } finally {
            threads.shutdown();
        }

        Project reopened = Project.open(dir);
        for (Tile tile : reopened.tiles()) {
            assertEquals(LabelStatus.ACCEPTED, reopened.status(tile), tile.name());
        }
    }
}
