package org.meander.project.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.meander.project.Tile;
import org.meander.testing.TestRasters;
import org.meander.testing.TiledRasterProject;

/** GeoTIFF masks of tiles cut from a georeferenced raster, and the raster's mask stitched back from them. */
class GeoTiffExportTest {

    static final int WIDTH = TiledRasterProject.WIDTH;
    static final int HEIGHT = TiledRasterProject.HEIGHT;

    @TempDir
    Path temp;
    Path dir;
    Path raster;

    @BeforeEach
    void tiledRasterWithLabels() throws IOException {
        // GDAL's nodata value and band names describe the imagery, not the masks made of it
        List<TestRasters.Field> fields = new ArrayList<>(TestRasters.georeferencing());
        fields.add(TestRasters.bandNames("Red", "Green", "Blue"));
        raster = TiledRasterProject.raster(temp.resolve("ortho.tif"), fields);
        dir = TiledRasterProject.create(raster, temp.resolve("project"));
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
        for (int tag : new int[] {33550, 34735, 34737}) {
            assertEquals(source.get(tag), tile.get(tag), "tag " + tag);
        }
        assertImageryOnlyFieldsLeftOut(source, tile);
        Tile r1c2 = project.tiles().get(5);
        assertEquals("ortho_r1_c2", r1c2.name());
        assertArrayEquals(project.readLabel(r1c2).orElseThrow().pixels(), pixels(out.resolve("ortho_r1_c2.tif")));
    }

    @Test
    void theStitchedMaskIsTheKnownMaskExactlyWithTheRastersOwnFields() throws IOException {
        Project project = Project.open(dir);
        Path out = temp.resolve("out");

        List<String> stitched = StitchedExport.write(project, out, StitchedExport.Format.TIFF, 0);

        assertEquals(List.of("ortho"), stitched);
        Path mask = out.resolve("stitched/ortho.tif");
        assertArrayEquals(TiledRasterProject.knownMask(), pixels(mask));
        Map<Integer, List<String>> source = TestRasters.fields(raster);
        Map<Integer, List<String>> fields = TestRasters.fields(mask);
        for (int tag : new int[] {33550, 33922, 34735, 34737}) {
            assertEquals(source.get(tag), fields.get(tag), "tag " + tag);
        }
        assertImageryOnlyFieldsLeftOut(source, fields);
        assertEquals(List.of("256"), fields.get(322), "tiled, 256 pixels wide");
        assertEquals(List.of("8"), fields.get(259), "zlib compressed");
    }

    /** GDAL would take the imagery's nodata value 0 for every background pixel, and its scales and band names. */
    private static void assertImageryOnlyFieldsLeftOut(Map<Integer, List<String>> source,
            Map<Integer, List<String>> mask) {
        assertEquals(List.of("0"), source.get(42113));
        assertTrue(source.containsKey(42112));
        assertFalse(mask.containsKey(42113), "GDAL's nodata field");
        assertFalse(mask.containsKey(42112), "GDAL's metadata field");
    }

    @Test
    void theStitchedTiffMarksWhereNoLabelledTileLiesAsGdalsNodataMask() throws IOException {
        Project project = Project.open(dir);
        // ortho_r0_c0 (window 0..127 x 0..127) goes: the pixels no other tile covers (x < 86, y < 72) are
        // unknown
        project.remove(project.tile("ortho_r0_c0").orElseThrow());
        Path out = temp.resolve("out");

        StitchedExport.write(project, out, StitchedExport.Format.TIFF, 0);

        Path stitched = out.resolve("stitched/ortho.tif");
        byte[] values = pixels(stitched);
        byte[] known = TestRasters.page(stitched, 1);
        byte[] expected = TiledRasterProject.knownMask();
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int i = y * WIDTH + x;
                // (256, 0) is 0 in every band, the raster's nodata value: it holds no data, so is unknown too
                boolean covered = (x >= 86 || y >= 72) && !(x == 256 && y == 0);
                assertEquals(covered ? 1 : 0, known[i], "mask at " + x + ", " + y);
                assertEquals(covered ? expected[i] : 0, values[i], "value at " + x + ", " + y);
            }
        }
        assertEquals(List.of("4"), TestRasters.fields(stitched, 1).get(254), "NewSubfileType: a mask");
    }

    @Test
    void theStitchedPngIsTheKnownMaskToo() throws IOException {
        Path out = temp.resolve("out");

        StitchedExport.write(Project.open(dir), out, StitchedExport.Format.PNG, 0);

        assertArrayEquals(TiledRasterProject.knownMask(), pixels(out.resolve("stitched/ortho.png")));
    }

    @Test
    void anImportedGeoTiffsMaskKeepsItsFieldsUnmoved() throws IOException {
        Path images = Files.createDirectories(temp.resolve("images"));
        Files.copy(raster, images.resolve("scene.tif"));
        Path imported = temp.resolve("imported");
        ProjectImport.create(imported, images, null, null);
        Project project = Project.open(imported);
        Tile scene = project.tiles().get(0);
        project.writeLabel(scene, new LabelMask(WIDTH, HEIGHT, TiledRasterProject.knownMask()), LabelStatus.EDITED);
        Path out = temp.resolve("out");

        GeoTiffExport.write(project, out, tile -> true);

        assertEquals(TestRasters.fields(raster).get(33922), TestRasters.fields(out.resolve("scene.tif")).get(33922));
        assertTrue(StitchedExport.write(project, out, StitchedExport.Format.TIFF, 0).isEmpty(), "no raster was cut");
    }
}
