package org.meander.project;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meander.project.raster.BandChoice;
import org.meander.project.raster.Window;
import org.meander.testing.Messages;
import org.meander.testing.TestRasters;

/** Cutting rasters into overlapping tiles: windows, pixels, bands, near-infrared, and bad input. */
class RasterTilingTest {

    static final int WIDTH = 300;
    static final int HEIGHT = 200;
    static final BandChoice FALSE_COLOUR = new BandChoice(3, 2, 1, OptionalInt.of(4));

    @TempDir
    Path temp;

    /** Five 16-bit bands; band b (from 0) runs over 1000 (b + 1) + 0..999. */
    static int sample(int x, int y, int band) {
        return 1000 * (band + 1) + (x * 3 + y * 5) % 1000;
    }

    static WritableRaster fiveBands() {
        return TestRasters.raster(WIDTH, HEIGHT, 5, 16, RasterTilingTest::sample);
    }

    static RasterTiling.Report tile(Path project, Path raster, int tileSize, int overlap, BandChoice bands)
            throws IOException {
        return RasterTiling.tile(project, raster, new RasterTiling.Settings(tileSize, overlap, bands), (d, t) -> { });
    }

    @Test
    void aStripedSixteenBitRasterBecomesOverlappingRgbTilesWithTheirWindowsAndNir() throws IOException {
        Path raster = TestRasters.tiff(temp.resolve("ortho.tif"), fiveBands(), 0, TestRasters.georeferencing());
        Path dir = temp.resolve("project");

        RasterTiling.Report report = tile(dir, raster, 128, 32, FALSE_COLOUR);

        // 300 wide: 3 tiles at 0, 86, 172; 200 high: 2 at 0, 72
        assertEquals(List.of("ortho_r0_c0", "ortho_r0_c1", "ortho_r0_c2", "ortho_r1_c0", "ortho_r1_c1",
                "ortho_r1_c2"), report.tiles());
        Project project = Project.open(dir);
        assertEquals(report.tiles(), project.tiles().stream().map(Tile::name).toList());
        Tile tile = project.tiles().get(4);
        assertEquals(new RasterWindow("ortho", new Window(86, 72, 128, 128)), project.rasterWindow(tile).orElseThrow());
        SourceRaster source = project.rasters().get(0);
        assertEquals("ortho", source.name());
        assertEquals(WIDTH, source.width());
        assertTrue(source.georeferencing().isPresent());

        // band 3 is shown red, stretched by the percentiles recorded for the whole raster
        JsonNode stretch = new ObjectMapper().readTree(dir.resolve("meander.json").toFile())
                .path("rasters").path("ortho").path("stretch");
        BufferedImage rgb = ImageIO.read(tile.image().toFile());
        assertEquals(128, rgb.getWidth());
        for (int[] p : new int[][] {{0, 0}, {50, 17}, {127, 127}}) {
            int x = 86 + p[0];
            int y = 72 + p[1];
            int pixel = rgb.getRGB(p[0], p[1]);
            assertEquals(stretched(sample(x, y, 2), stretch, 0), pixel >> 16 & 0xff, "red at " + x + "," + y);
            assertEquals(stretched(sample(x, y, 1), stretch, 1), pixel >> 8 & 0xff, "green");
            assertEquals(stretched(sample(x, y, 0), stretch, 2), pixel & 0xff, "blue");
        }
        // band 4 kept at 16 bits, unchanged
        BufferedImage nir = ImageIO.read(project.nearInfraredFile(tile).toFile());
        assertEquals(BufferedImage.TYPE_USHORT_GRAY, nir.getType());
        assertEquals(sample(86 + 5, 72 + 9, 3), nir.getRaster().getSample(5, 9, 0));
    }

    static int stretched(int value, JsonNode stretch, int channel) {
        int low = stretch.path("low").get(channel).asInt();
        int high = stretch.path("high").get(channel).asInt();
        return (int) Math.max(0, Math.min(255, Math.round((value - low) * 255.0 / (high - low))));
    }

    @Test
    void stripedTiledAndPngRastersGiveTheSameTiles() throws IOException {
        WritableRaster rgb = TestRasters.raster(WIDTH, HEIGHT, 3, 8, (x, y, b) -> (x * (b + 1) + y * 7) % 256);
        Path striped = TestRasters.tiff(temp.resolve("striped/scene.tif"), rgb, 0, List.of());
        Path tiled = TestRasters.tiff(temp.resolve("tiled/scene.tif"), rgb, 64, List.of());
        BufferedImage picture = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
        picture.setData(rgb);
        Path png = TestImages.write(picture, temp.resolve("png/scene.png"));

        List<List<byte[]>> results = new ArrayList<>();
        for (Path raster : List.of(striped, tiled, png)) {
            Path dir = temp.resolve("project-" + raster.getParent().getFileName());
            tile(dir, raster, 100, 10, BandChoice.DEFAULT);
            List<byte[]> pixels = new ArrayList<>();
            for (Tile tile : Project.open(dir).tiles()) {
                BufferedImage image = ImageIO.read(tile.image().toFile());
                pixels.add((byte[]) image.getRaster().getDataElements(0, 0, image.getWidth(), image.getHeight(),
                        null));
            }
            results.add(pixels);
        }

        assertEquals(12, results.get(0).size(), "4 x 3 tiles");
        for (int i = 0; i < 12; i++) {
            assertArrayEquals(results.get(0).get(i), results.get(1).get(i), "tile " + i + ": striped and tiled");
            assertArrayEquals(results.get(0).get(i), results.get(2).get(i), "tile " + i + ": TIFF and PNG");
        }
        // the last tile of the first row is the raster's top right corner, unchanged
        BufferedImage corner = ImageIO.read(temp.resolve("project-tiled/tiles/scene_r0_c3.png").toFile());
        assertEquals(picture.getRGB(WIDTH - 1, 0), corner.getRGB(99, 0));
    }

    @Test
    void aBandOutOfRangeIsRefusedNamingTheFileAndNothingIsWritten() throws IOException {
        Path raster = TestRasters.tiff(temp.resolve("ortho.tif"), fiveBands(), 0, List.of());
        Path dir = temp.resolve("project");

        IOException e = assertThrows(IOException.class,
                () -> tile(dir, raster, 128, 32, new BandChoice(6, 2, 1, OptionalInt.empty())));

        Messages.assertContains(e.getMessage(), "ortho.tif", "band 6", "5 bands");
        assertFalse(Files.exists(dir), "nothing is written, not even the project's folder");
    }

    @Test
    void aTruncatedRasterIsReportedNamingTheFile() throws IOException {
        Path whole = TestRasters.tiff(temp.resolve("whole.tif"), fiveBands(), 0, List.of());
        byte[] bytes = Files.readAllBytes(whole);
        // ImageIO's TIFF writer puts the directory first: keep it, lose the second half of the pixels
        Path cut = Files.write(temp.resolve("cut.tif"), Arrays.copyOf(bytes, bytes.length / 2));

        IOException e = assertThrows(IOException.class,
                () -> tile(temp.resolve("project"), cut, 128, 32, BandChoice.DEFAULT));

        Messages.assertContains(e.getMessage(), "cut.tif", "truncated");
    }

    @Test
    void aRasterIsNotCutTwiceIntoOneProject() throws IOException {
        Path raster = TestRasters.tiff(temp.resolve("ortho.tif"), fiveBands(), 0, List.of());
        Path dir = temp.resolve("project");
        tile(dir, raster, 128, 32, BandChoice.DEFAULT);

        IOException e = assertThrows(IOException.class, () -> tile(dir, raster, 64, 8, BandChoice.DEFAULT));

        Messages.assertContains(e.getMessage(), "ortho.tif", "already cut");
        assertEquals(6, Project.open(dir).tiles().size());
    }
}
