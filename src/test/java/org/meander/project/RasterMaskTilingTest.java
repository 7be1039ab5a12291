package org.meander.project;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meander.project.raster.BandChoice;
import org.meander.project.raster.Window;
import org.meander.testing.TestRasters;
import org.meander.testing.TiledRasterProject;

/** {@code project tile --mask}: a river mask of the whole raster, from another tool, cut into the tiles' labels. */
class RasterMaskTilingTest {

    private static final int WIDTH = TiledRasterProject.WIDTH;
    private static final int HEIGHT = TiledRasterProject.HEIGHT;
    private static final RasterTiling.Settings TILES = new RasterTiling.Settings(128, 32, BandChoice.DEFAULT);

    @TempDir
    Path temp;

    @Test
    void eachTileGetsItsWindowOfTheMaskAsAnImportedLabel() throws IOException {
        Path raster = TiledRasterProject.raster(temp.resolve("ortho.tif"));
        byte[] known = TiledRasterProject.knownMask();
        Path mask = TestRasters.tiff(temp.resolve("river.tif"), TestRasters.raster(WIDTH, HEIGHT, 1, 8,
                (x, y, b) -> known[y * WIDTH + x] * 255), 0, TestRasters.georeferencing());

        RasterTiling.Report report = RasterTiling.tile(temp.resolve("project"), raster, TILES,
                new RasterTiling.Mask(mask, null), (done, total) -> { });

        assertEquals(6, report.labelled());
        Project project = Project.open(temp.resolve("project"));
        for (Tile tile : project.tiles()) {
            Window w = project.rasterWindow(tile).orElseThrow().window();
            byte[] expected = new byte[w.width() * w.height()];
            for (int y = 0; y < w.height(); y++) {
                System.arraycopy(known, (w.y() + y) * WIDTH + w.x(), expected, y * w.width(), w.width());
            }
            assertArrayEquals(expected, project.readLabel(tile).orElseThrow().pixels(), tile.name());
            assertEquals(LabelStatus.IMPORTED, project.status(tile), "to be checked");
        }
    }

    @Test
    void aClassIndexMaskGivesTheClassAsked() throws IOException {
        Path raster = TiledRasterProject.raster(temp.resolve("ortho.tif"));
        // 0 land, 1 river left of x 150, 2 a lake right of it
        Path mask = TestRasters.tiff(temp.resolve("classes.tif"), TestRasters.raster(WIDTH, HEIGHT, 1, 8,
                (x, y, b) -> y < 100 ? 0 : x < 150 ? 1 : 2), 0, List.of());

        RasterTiling.tile(temp.resolve("project"), raster, TILES, new RasterTiling.Mask(mask, 1), (d, t) -> { });

        Project project = Project.open(temp.resolve("project"));
        for (Tile tile : project.tiles()) {
            Window w = project.rasterWindow(tile).orElseThrow().window();
            LabelMask label = project.readLabel(tile).orElseThrow();
            for (int y = 0; y < w.height(); y += 7) {
                for (int x = 0; x < w.width(); x += 7) {
                    int rx = x + w.x();
                    int ry = y + w.y();
                    assertEquals(ry >= 100 && rx < 150 ? 1 : 0, label.pixels()[y * w.width() + x], rx + ", " + ry);
                }
            }
        }
    }

    /**
     * Labelling tools write class masks as palette PNGs (index 1 shown blue, say): the class is the index, whatever
     * colour the palette gives it, as {@code project create --masks} reads it.
     */
    @Test
    void aPaletteMaskIsReadByItsIndicesNotItsColours() throws IOException {
        Path raster = TiledRasterProject.raster(temp.resolve("ortho.tif"));
        IndexColorModel palette = new IndexColorModel(8, 3, new byte[] {0, 0, (byte) 200}, new byte[] {0, 0, 0},
                new byte[] {0, (byte) 255, 0});
        BufferedImage classes = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_INDEXED, palette);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                classes.getRaster().setSample(x, y, 0, y < 100 ? 0 : x < 150 ? 1 : 2);
            }
        }
        Path mask = temp.resolve("classes.png");
        ImageIO.write(classes, "png", mask.toFile());

        RasterTiling.tile(temp.resolve("project"), raster, TILES, new RasterTiling.Mask(mask, 1), (d, t) -> { });

        Project project = Project.open(temp.resolve("project"));
        Tile corner = project.tiles().get(3);
        Window w = project.rasterWindow(corner).orElseThrow().window();
        LabelMask label = project.readLabel(corner).orElseThrow();
        for (int y = 0; y < w.height(); y += 5) {
            for (int x = 0; x < w.width(); x += 5) {
                int rx = x + w.x();
                int ry = y + w.y();
                assertEquals(ry >= 100 && rx < 150 ? 1 : 0, label.pixels()[y * w.width() + x], rx + ", " + ry);
            }
        }
    }

    @Test
    void aMaskOfAnotherSizeIsRefusedBeforeAnyTileIsWritten() throws IOException {
        Path raster = TiledRasterProject.raster(temp.resolve("ortho.tif"));
        Path mask = TestRasters.tiff(temp.resolve("small.tif"), TestRasters.raster(WIDTH / 2, HEIGHT / 2, 1, 8,
                (x, y, b) -> 0), 0, List.of());

        IOException refused = assertThrows(IOException.class, () -> RasterTiling.tile(temp.resolve("project"),
                raster, TILES, new RasterTiling.Mask(mask, null), (d, t) -> { }));

        assertTrue(refused.getMessage().contains("small.tif is 150 x 100 but the raster")
                && refused.getMessage().contains("300 x 200"), refused.getMessage());
        assertFalse(Files.exists(temp.resolve("project")), "nothing is written, not even the project's folder");
    }

    @Test
    void aRasterOfWideIntegersIsRefusedByNameBeforeAnythingIsWritten() throws IOException {
        WritableRaster wide = Raster.createBandedRaster(DataBuffer.TYPE_INT, WIDTH, HEIGHT, 3, null);
        for (int b = 0; b < 3; b++) {
            for (int y = 0; y < HEIGHT; y++) {
                for (int x = 0; x < WIDTH; x++) {
                    wide.setSample(x, y, b, (x * 1000 + y * 7 + b) * 1000);
                }
            }
        }
        Path raster = TestRasters.tiff(temp.resolve("int32.tif"), wide, 0, List.of());

        IOException refused = assertThrows(IOException.class, () -> RasterTiling.tile(temp.resolve("project"),
                raster, TILES, null, (d, t) -> { }));

        assertTrue(refused.getMessage().startsWith(raster + ": its samples are 32-bit integers"),
                refused.getMessage());
        assertFalse(Files.exists(temp.resolve("project")), "nothing is written, not even the project's folder");
    }

    @Test
    void aMaskPlacedElsewhereOnTheMapIsRefused() throws IOException {
        Path raster = TiledRasterProject.raster(temp.resolve("ortho.tif"));
        // the same UTM grid moved 100 m east
        Path mask = TestRasters.tiff(temp.resolve("shifted.tif"), TestRasters.raster(WIDTH, HEIGHT, 1, 8,
                (x, y, b) -> 0), 0, List.of(new TestRasters.Field(33550, "TIFFDoubles", "0.5", "0.5", "0.0"),
                new TestRasters.Field(33922, "TIFFDoubles", "0.0", "0.0", "0.0", "500100.0", "4000000.0", "0.0")));

        IOException refused = assertThrows(IOException.class, () -> RasterTiling.tile(temp.resolve("project"),
                raster, TILES, new RasterTiling.Mask(mask, null), (d, t) -> { }));

        assertTrue(refused.getMessage().contains("lies elsewhere on the map")
                && refused.getMessage().contains("gdalwarp"), refused.getMessage());
    }
}
