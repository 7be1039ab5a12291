package org.meander.project.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.meander.project.ImageryOptions;
import org.meander.project.LabelMask;
import org.meander.project.LabelStatus;
import org.meander.project.Project;
import org.meander.project.ProjectImport;
import org.meander.project.Tile;
import org.meander.project.raster.Window;
import org.meander.testing.TestRasters;
import org.meander.testing.TestRasters.Page;
import org.meander.testing.TiledRasterProject;

/**
 * GeoTIFF masks of tiles at the edge of a flight carry GDAL's nodata mask where the imagery holds no data, so that
 * "no river" and "not flown" differ; the stitched mask counts those pixels as unknown. A 300 x 200 orthomosaic, cut
 * into 128-pixel tiles overlapping by 32, holds data right of a slanted edge: the left column of tiles and the
 * bottom middle one reach outside the flight, the others lie wholly inside.
 */
class EdgeTileMaskTest {

    private static final int WIDTH = TiledRasterProject.WIDTH;
    private static final int HEIGHT = TiledRasterProject.HEIGHT;

    @TempDir
    Path temp;

    private static boolean flown(int x, int y) {
        return x >= 40 + y / 4;
    }

    /** The ways an orthomosaic marks what lies outside its flight, each with near-black samples there. */
    static Stream<Arguments> orthomosaics() {
        TestRasters.Samples nearBlack = (x, y, b) -> flown(x, y) ? 90 + b + x % 7 : (x + y + b) % 5;
        return Stream.of(
                Arguments.of("alpha", List.of(new Page(TestRasters.raster(WIDTH, HEIGHT, 4, 8,
                        (x, y, b) -> b == 3 ? (flown(x, y) ? 255 : 0) : nearBlack.value(x, y, b)), List.of(), true))),
                Arguments.of("GDAL's internal mask", List.of(
                        new Page(TestRasters.raster(WIDTH, HEIGHT, 3, 8, nearBlack), TestRasters.georeferencing()),
                        TestRasters.mask(WIDTH, HEIGHT, false, EdgeTileMaskTest::flown))),
                Arguments.of("GDAL's nodata value", List.of(new Page(TestRasters.raster(WIDTH, HEIGHT, 3, 16,
                        (x, y, b) -> flown(x, y) ? 3000 + x : 0), TestRasters.georeferencing()))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("orthomosaics")
    void anEdgeTilesMaskMarksWhatLiesOutsideTheFlightAsNodata(String marked, List<Page> pages) throws IOException {
        Path raster = TestRasters.tiff(temp.resolve("ortho.tif"), pages, 0, null);
        Project project = Project.open(TiledRasterProject.create(raster, temp.resolve("project")));
        Path out = temp.resolve("out");

        GeoTiffExport.write(project, out, tile -> true);

        int edgeTiles = 0;
        for (Tile tile : project.tiles()) {
            Path mask = out.resolve(tile.name() + ".tif");
            Window w = project.rasterWindow(tile).orElseThrow().window();
            byte[] expected = new byte[w.width() * w.height()];
            boolean edge = false;
            for (int y = 0; y < w.height(); y++) {
                for (int x = 0; x < w.width(); x++) {
                    expected[y * w.width() + x] = (byte) (flown(w.x() + x, w.y() + y) ? 1 : 0);
                    edge |= !flown(w.x() + x, w.y() + y);
                }
            }
            assertArrayEquals(project.readLabel(tile).orElseThrow().pixels(), GeoTiffExportTest.pixels(mask),
                    tile.name() + ": the label, unchanged");
            if (edge) {
                edgeTiles++;
                assertArrayEquals(expected, TestRasters.page(mask, 1), tile.name() + ": GDAL's nodata mask");
                assertEquals(List.of("4"), TestRasters.fields(mask, 1).get(254), "NewSubfileType: a mask");
            } else {
                assertThrows(IndexOutOfBoundsException.class, () -> TestRasters.page(mask, 1),
                        tile.name() + " lies inside the flight: no mask");
            }
        }
        assertEquals(3, edgeTiles, "the left column and the bottom middle tile");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("orthomosaics")
    void theStitchedMaskCountsWhatLiesOutsideTheFlightAsUnknown(String marked, List<Page> pages)
            throws IOException {
        Path raster = TestRasters.tiff(temp.resolve("ortho.tif"), pages, 0, null);
        Project project = Project.open(TiledRasterProject.create(raster, temp.resolve("project")));
        Path out = temp.resolve("out");

        StitchedExport.write(project, out, StitchedExport.Format.TIFF, 0);

        Path stitched = out.resolve("stitched/ortho.tif");
        byte[] known = TestRasters.page(stitched, 1);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                assertEquals(flown(x, y) ? 1 : 0, known[y * WIDTH + x], "known at " + x + ", " + y);
            }
        }
        assertArrayEquals(TiledRasterProject.knownMask(), GeoTiffExportTest.pixels(stitched), "the labels");
    }

    /**
     * Imported pictures: a PNG with transparent pixels is kept as it is; a TIFF at GDAL's nodata value in places
     * becomes a PNG tile, transparent there. Both masks mark those pixels; an opaque picture's has no mask.
     */
    @Test
    void anImportedPicturesTransparentPixelsAreNodataInItsMask() throws IOException {
        Path images = Files.createDirectories(temp.resolve("images"));
        BufferedImage partly = new BufferedImage(64, 48, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                partly.setRGB(x, y, x + y < 30 ? 0x00000000 : 0xff2060a0 + x);
            }
        }
        ImageIO.write(partly, "png", images.resolve("a_clipped.png").toFile());
        WritableRaster sixteen = TestRasters.raster(64, 48, 3, 16, (x, y, b) -> y < 10 ? 0 : 3000 + x * y);
        TestRasters.tiff(images.resolve("b_scene.tif"), sixteen, 0, TestRasters.georeferencing()); // nodata 0
        BufferedImage opaque = new BufferedImage(64, 48, BufferedImage.TYPE_3BYTE_BGR);
        ImageIO.write(opaque, "png", images.resolve("c_opaque.png").toFile());
        ProjectImport.create(temp.resolve("project"), images, null, null, ImageryOptions.DEFAULT);
        Project project = Project.open(temp.resolve("project"));
        for (Tile tile : project.tiles()) {
            project.writeLabel(tile, new LabelMask(64, 48, new byte[64 * 48]), LabelStatus.EDITED);
        }
        Path out = temp.resolve("out");

        GeoTiffExport.write(project, out, tile -> true);

        byte[] clipped = TestRasters.page(out.resolve("a_clipped.tif"), 1);
        byte[] scene = TestRasters.page(out.resolve("b_scene.tif"), 1);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                assertEquals(x + y < 30 ? 0 : 1, clipped[y * 64 + x], "a_clipped at " + x + ", " + y);
                assertEquals(y < 10 ? 0 : 1, scene[y * 64 + x], "b_scene at " + x + ", " + y);
            }
        }
        assertThrows(IndexOutOfBoundsException.class, () -> TestRasters.page(out.resolve("c_opaque.tif"), 1));
        assertTrue(Files.exists(out.resolve("c_opaque.tif")));
    }
}
