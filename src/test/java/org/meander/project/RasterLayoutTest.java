package org.meander.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meander.project.export.LabelExport;
import org.meander.project.raster.BandChoice;
import org.meander.project.raster.Window;
import org.meander.testing.TestRasters;
import org.meander.testing.TiledRasterProject;

/** A raster cut into six overlapping tiles, laid out as a map: each tile owns what the stitched mask takes from it. */
class RasterLayoutTest {

    @TempDir
    Path temp;

    @Test
    void eachTileOwnsExactlyWhatStitchingTakesFromIt() throws IOException {
        Project project = Project.open(TiledRasterProject.create(TiledRasterProject.raster(temp.resolve("ortho.tif")),
                temp.resolve("project")));
        List<RasterLayout> layouts = RasterLayout.of(project);
        assertEquals(1, layouts.size());
        RasterLayout layout = layouts.get(0);
        assertEquals("ortho", layout.raster().name());
        assertEquals(6, layout.cells().size());

        assertEachOwnsWhatStitchingTakes(project, layout, "ortho");
    }

    /** The first column of windows held no data and made no tile: no tile owns its pixels, nor does stitching. */
    @Test
    void aColumnLeftOutForHoldingNoDataIsOwnedByNoTile() throws IOException {
        Path raster = TestRasters.tiff(temp.resolve("ortho.tif"), TestRasters.raster(300, 200, 3, 16,
                (x, y, b) -> x >= 140 ? 3000 + x : 0), 0, TestRasters.georeferencing()); // nodata 0
        RasterTiling.tile(temp.resolve("project"), raster, new RasterTiling.Settings(128, 32, BandChoice.DEFAULT),
                (done, total) -> { });
        Project project = Project.open(temp.resolve("project"));
        RasterLayout layout = RasterLayout.of(project).get(0);
        assertEquals(4, layout.cells().size());

        assertEachOwnsWhatStitchingTakes(project, layout, "ortho");
        assertTrue(layout.at(10, 10).isEmpty(), "outside every tile's window");
    }

    private void assertEachOwnsWhatStitchingTakes(Project project, RasterLayout layout, String raster)
            throws IOException {
        for (RasterLayout.Cell cell : layout.cells()) {
            for (Tile tile : project.tiles()) {
                Window w = project.rasterWindow(tile).orElseThrow().window();
                byte[] pixels = new byte[w.width() * w.height()];
                Arrays.fill(pixels, (byte) (tile.equals(cell.tile()) ? 1 : 0));
                project.writeLabel(tile, new LabelMask(w.width(), w.height(), pixels), LabelStatus.EDITED);
            }
            Path out = temp.resolve("export-" + cell.tile().name());
            LabelExport.write(project, LabelExport.Format.PNG, out, LabelExport.Options.EVERY_LABEL, false);
            BufferedImage stitched = ImageIO.read(out.resolve("stitched/" + raster + ".png").toFile());
            Rectangle own = cell.own();
            assertTrue(cell.window().rectangle().contains(own), cell.tile().name() + " owns part of its window");
            for (int y = 0; y < stitched.getHeight(); y++) {
                for (int x = 0; x < stitched.getWidth(); x++) {
                    boolean stitchedFromIt = stitched.getRaster().getSample(x, y, 0) > 0;
                    assertEquals(own.contains(x, y), stitchedFromIt, cell.tile().name() + " at " + x + ", " + y);
                }
            }
            assertEquals(cell, layout.at(own.x, own.y).orElseThrow());
        }
    }
}
