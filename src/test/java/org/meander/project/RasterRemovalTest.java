package org.meander.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meander.project.raster.BandChoice;
import org.meander.testing.Messages;
import org.meander.testing.TiledRasterProject;

/** {@code project remove-raster}: a raster's tiles to the trash with their labels, its record out, cut again. */
class RasterRemovalTest {

    @TempDir
    Path temp;

    @Test
    void aCutRastersTilesGoToTheTrashWithTheirLabelsAndItCanBeCutAgain() throws IOException {
        Path raster = TiledRasterProject.raster(temp.resolve("ortho.tif"));
        Path dir = TiledRasterProject.create(raster, temp.resolve("project"));
        TestImages.tile(dir.resolve("tiles/frame.png"), 8, 8);
        IOException twice = assertThrows(IOException.class, () -> RasterTiling.tile(dir, raster,
                new RasterTiling.Settings(64, 16, BandChoice.DEFAULT), (d, t) -> { }));
        Messages.assertContains(twice.getMessage(), "./meander project remove-raster " + dir + " ortho");

        RasterRemoval.Report report = RasterRemoval.remove(Project.open(dir), "ortho");

        assertEquals(6, report.tiles().size());
        Project after = Project.open(dir);
        assertEquals(List.of("frame"), after.tiles().stream().map(Tile::name).toList());
        assertEquals(List.of(), after.rasters());
        Path trash = report.trash().get(0);
        assertTrue(Files.isRegularFile(trash.resolve("labels").resolve(report.tiles().get(0) + ".png")),
                "the label went with its tile");
        RasterTiling.Report again = RasterTiling.tile(dir, raster,
                new RasterTiling.Settings(64, 16, BandChoice.DEFAULT), (d, t) -> { });
        assertEquals(Project.open(dir).tiles().size() - 1, again.tiles().size());
    }

    @Test
    void anInterruptedCutIsTakenOutByItsTilesNames() throws IOException {
        Path raster = TiledRasterProject.raster(temp.resolve("ortho.tif"));
        Path dir = temp.resolve("project");
        assertThrows(IllegalStateException.class, () -> RasterTiling.tile(dir, raster,
                new RasterTiling.Settings(128, 32, BandChoice.DEFAULT), (done, total) -> {
                    throw new IllegalStateException("stopped");
                }));
        assertEquals(List.of("ortho"), Project.open(dir).interruptedCuts());

        RasterRemoval.Report report = RasterRemoval.remove(Project.open(dir), "ortho");

        assertEquals(3, report.tiles().size(), "the first row of tiles");
        assertEquals(List.of(), Project.open(dir).tiles());
        assertEquals(List.of(), Project.open(dir).interruptedCuts());
    }

    @Test
    void aRasterTheProjectDoesNotHaveIsNamedWithThoseItHas() throws IOException {
        Path dir = TiledRasterProject.create(TiledRasterProject.raster(temp.resolve("ortho.tif")),
                temp.resolve("project"));

        IOException e = assertThrows(IOException.class, () -> RasterRemoval.remove(Project.open(dir), "orth"));

        Messages.assertContains(e.getMessage(), "has no raster named orth; its rasters: ortho");
        assertEquals(6, Project.open(dir).tiles().size());
    }
}
