package org.meander.project.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meander.project.LabelMask;
import org.meander.project.LabelStatus;
import org.meander.project.Project;
import org.meander.project.ProjectImport;
import org.meander.project.RasterTiling;
import org.meander.project.Tile;
import org.meander.project.raster.BandChoice;
import org.meander.project.raster.Window;
import org.meander.testing.TestRasters;

/** GeoTIFF masks of tiles cut from a georeferenced raster, and the raster's mask stitched back from them. */
class GeoTiffExportTest {

    static final int WIDTH = 300;
    static final int HEIGHT = 200;

    @TempDir
    Path temp;
    Path dir;
    Path raster;

    /** A river meandering across the raster, with scattered specks that a misplaced tile would move. */
    static byte[] knownMask() {
        byte[] mask = new byte[WIDTH * HEIGHT];
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                double centre = HEIGHT / 2.0 + 40 * Math.sin(x / 23.0);
                boolean river = Math.abs(y - centre) < 12 + x % 4;
                mask[y * WIDTH + x] = (byte) (river || (x * 7 + y * 11) % 53 == 0 ? 1 : 0);
            }
        }
        return mask;
    }

    @BeforeEach
    void tiledRasterWithLabels() throws IOException {
        raster = georeferencedRaster(temp.resolve("ortho.tif"));
        dir = tiledProject(raster, temp.resolve("project"));
    }

    /** A 300 x 200 RGB GeoTIFF, 0.5 m pixels in UTM zone 10N (see {@link TestRasters#georeferencing()}). */
    static Path georeferencedRaster(Path file) throws IOException {
        return TestRasters.tiff(file, TestRasters.raster(WIDTH, HEIGHT, 3, 8, (x, y, b) -> (x + y * b) % 256), 0,
                TestRasters.georeferencing());
    }

    /** The raster cut into six 128-pixel tiles overlapping by 32, each labelled with its window of the known mask. */
    static Path tiledProject(Path raster, Path dir) throws IOException {
        RasterTiling.tile(dir, raster, new RasterTiling.Settings(128, 32, BandChoice.DEFAULT), (d, t) -> { });
        Project project = Project.open(dir);
        byte[] mask = knownMask();
        for (Tile tile : project.tiles()) {
            Window w = project.rasterWindow(tile).orElseThrow().window();
            byte[] label = new byte[w.width() * w.height()];
            for (int y = 0; y < w.height(); y++) {
                System.arraycopy(mask, (w.y() + y) * WIDTH + w.x(), label, y * w.width(), w.width());
            }
            project.writeLabel(tile, new LabelMask(w.width(), w.height(), label), LabelStatus.EDITED);
        }
        return dir;
    }

    static byte[] pixels(Path image) throws IOException {
        BufferedImage read = ImageIO.read(image.toFile());
        int[] samples = read.getRaster().getSamples(0, 0, read.getWidth(), read.getHeight(), 0, (int[]) null);
        byte[] out = new byte[samples.length];
        for (int i = 0; i < samples.length; i++) {
            out[i] = (byte) (samples[i] == 255 ? 1 : samples[i] == 0 ? 0 : 9);
        }
        return out;
    }

    @Test
    void eachTilesMaskKeepsTheRastersFieldsWithTheTiePointMovedToItsWindow() throws IOException {
        Project project = Project.open(dir);
        Path out = temp.resolve("out");

        GeoTiffExport.Written written = GeoTiffExport.write(project, out, tile -> true);

        assertEquals(new GeoTiffExport.Written(6, 6), written);
        Map<Integer, List<String>> source = TestRasters.fields(raster);
        Map<Integer, List<String>> tile = TestRasters.fields(out.resolve("ortho_r1_c2.tif"));
        // ortho_r1_c2 starts at x 172, y 72; pixels are 0.5 m, y runs south
        assertEquals(List.of("0.0", "0.0", "0.0", "500086.0", "3999964.0", "0.0"), tile.get(33922));
        for (int tag : new int[] {33550, 34735, 34737, 42113}) {
            assertEquals(source.get(tag), tile.get(tag), "tag " + tag);
        }
        Tile r1c2 = project.tiles().get(5);
        assertEquals("ortho_r1_c2", r1c2.name());
        assertArrayEquals(project.readLabel(r1c2).orElseThrow().pixels(), pixels(out.resolve("ortho_r1_c2.tif")));
    }

    @Test
    void theStitchedMaskIsTheKnownMaskExactlyWithTheRastersOwnFields() throws IOException {
        Project project = Project.open(dir);
        Path out = temp.resolve("out");

        List<String> stitched = StitchedExport.write(project, out, StitchedExport.Format.TIFF);

        assertEquals(List.of("ortho"), stitched);
        Path mask = out.resolve("stitched/ortho.tif");
        assertArrayEquals(knownMask(), pixels(mask));
        Map<Integer, List<String>> source = TestRasters.fields(raster);
        Map<Integer, List<String>> fields = TestRasters.fields(mask);
        for (int tag : new int[] {33550, 33922, 34735, 34737, 42113}) {
            assertEquals(source.get(tag), fields.get(tag), "tag " + tag);
        }
        assertEquals(List.of("256"), fields.get(322), "tiled, 256 pixels wide");
        assertEquals(List.of("8"), fields.get(259), "zlib compressed");
    }

    @Test
    void theStitchedPngIsTheKnownMaskToo() throws IOException {
        Path out = temp.resolve("out");

        StitchedExport.write(Project.open(dir), out, StitchedExport.Format.PNG);

        assertArrayEquals(knownMask(), pixels(out.resolve("stitched/ortho.png")));
    }

    @Test
    void anImportedGeoTiffsMaskKeepsItsFieldsUnmoved() throws IOException {
        Path images = Files.createDirectories(temp.resolve("images"));
        Files.copy(raster, images.resolve("scene.tif"));
        Path imported = temp.resolve("imported");
        ProjectImport.create(imported, images, null, null);
        Project project = Project.open(imported);
        Tile scene = project.tiles().get(0);
        project.writeLabel(scene, new LabelMask(WIDTH, HEIGHT, knownMask()), LabelStatus.EDITED);
        Path out = temp.resolve("out");

        GeoTiffExport.write(project, out, tile -> true);

        assertEquals(TestRasters.fields(raster).get(33922), TestRasters.fields(out.resolve("scene.tif")).get(33922));
        assertTrue(StitchedExport.write(project, out, StitchedExport.Format.TIFF).isEmpty(), "no raster was cut");
    }
}
