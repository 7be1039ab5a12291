package org.meander.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meander.project.raster.BandChoice;
import org.meander.prompts.NearInfraredBand;
import org.meander.testing.TestRasters;

/**
 * Reflectance maps, floating-point samples from 0 to 1 with NaN where nothing was seen (Pix4D, Metashape, a scene
 * converted to reflectance): cut or imported into stretched tiles, their near-infrared kept as reflectances.
 */
class FloatingPointImageryTest {

    private static final int WIDTH = 300;
    private static final int HEIGHT = 200;
    private static final BandChoice RGB_AND_NIR = new BandChoice(1, 2, 3, OptionalInt.of(4));

    @TempDir
    Path temp;

    /** Band b (from 0) of pixel (x, y): a reflectance rising across the image, NaN in its first 10 columns. */
    private static float reflectance(int x, int y, int band) {
        return x < 10 ? Float.NaN : 0.02f * (band + 1) + (x + 2 * y) / 2000f;
    }

    @Test
    void aReflectanceRasterIsCutIntoStretchedTilesWithItsNearInfraredAsReflectances() throws IOException {
        Path raster = TestRasters.tiff(temp.resolve("reflectance.tif"),
                TestRasters.floatRaster(WIDTH, HEIGHT, 4, FloatingPointImageryTest::reflectance), 64, List.of());
        Path dir = temp.resolve("project");

        RasterTiling.tile(dir, raster, new RasterTiling.Settings(128, 32, RGB_AND_NIR), (d, t) -> { });

        JsonNode stretch = new ObjectMapper().readTree(dir.resolve("meander.json").toFile())
                .path("rasters").path("reflectance").path("stretch");
        for (int c = 0; c < 3; c++) {
            float[] values = finiteValues(c);
            assertEquals(values[(int) Math.ceil(0.02 * values.length) - 1], stretch.path("low").get(c).asDouble(),
                    "2nd percentile of band " + c + ", NaN left out");
            assertEquals(values[(int) Math.ceil(0.98 * values.length) - 1], stretch.path("high").get(c).asDouble(),
                    "98th percentile of band " + c);
        }
        Project project = Project.open(dir);
        Tile tile = project.tiles().get(0);
        BufferedImage rgb = ImageIO.read(tile.image().toFile());
        assertEquals(0, rgb.getRGB(5, 40) & 0xffffff, "no number is black");
        int x = 100;
        int y = 50;
        double red = reflectance(x, y, 0);
        double low = stretch.path("low").get(0).asDouble();
        double high = stretch.path("high").get(0).asDouble();
        assertEquals(Math.round((red - low) * 255 / (high - low)), rgb.getRGB(x, y) >> 16 & 0xff, 1, "red");

        NearInfraredBand nir = NearInfraredBand.read(project.nearInfraredFile(tile));
        assertEquals(reflectance(x, y, 3), nir.values()[y * 128 + x], 1e-5, "read back as a reflectance");
    }

    private static float[] finiteValues(int band) {
        float[] values = new float[(WIDTH - 10) * HEIGHT];
        int count = 0;
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 10; x < WIDTH; x++) {
                values[count++] = reflectance(x, y, band);
            }
        }
        Arrays.sort(values);
        return values;
    }

    @Test
    void aReflectanceTiffIsImportedAsAStretchedTileWithItsNearInfrared() throws IOException {
        Path images = temp.resolve("images");
        TestRasters.tiff(images.resolve("scene.tif"),
                TestRasters.floatRaster(WIDTH, HEIGHT, 4, FloatingPointImageryTest::reflectance), 0, List.of());

        ImportReport report = ProjectImport.create(temp.resolve("project"), images, null, null,
                new ImageryOptions(RGB_AND_NIR, null));

        assertEquals(List.of("scene"), report.importedTiles(), report.problems().toString());
        Project project = Project.open(temp.resolve("project"));
        Tile tile = project.tiles().get(0);
        Raster rgb = ImageIO.read(tile.image().toFile()).getRaster();
        assertEquals(0, rgb.getSample(5, 5, 0), "no number is black");
        assertEquals(255, rgb.getSample(WIDTH - 1, HEIGHT - 1, 0), "the brightest corner is white");
        assertEquals(128, rgb.getSample(155, 100, 1), 8, "green halfway");
        NearInfraredBand nir = NearInfraredBand.read(project.nearInfraredFile(tile));
        assertEquals(reflectance(200, 150, 3), nir.values()[150 * WIDTH + 200], 1e-5);
    }
}
