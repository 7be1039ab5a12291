package org.meander.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meander.project.raster.BandChoice;
import org.meander.project.raster.NearInfraredRaster;
import org.meander.project.raster.RasterFile;
import org.meander.project.raster.Window;
import org.meander.testing.Messages;
import org.meander.testing.TestRasters;
import org.meander.testing.TiledRasterProject;

/**
 * {@code project tile --nir FILE}: a near-infrared band in a raster of its own, cut along with the imagery, pixel for
 * pixel on the same grid and resampled through map coordinates on another.
 */
class NearInfraredRasterTilingTest {

    private static final int WIDTH = TiledRasterProject.WIDTH;
    private static final int HEIGHT = TiledRasterProject.HEIGHT;

    @TempDir
    Path temp;

    /** GDAL's nodata, 0 here, marks the pixels outside a flight, which have no value. */
    @Test
    void aBandOnTheRastersGridIsCutPixelForPixelAtItsOwnDepthItsNodataKnownAsNoValue() throws IOException {
        Path raster = TiledRasterProject.raster(temp.resolve("ortho.tif"));
        Path nir = TestRasters.tiff(temp.resolve("ortho_nir.tif"), TestRasters.raster(WIDTH, HEIGHT, 1, 16,
                (x, y, b) -> value(x, y)), 0, TestRasters.georeferencing());
        Path dir = temp.resolve("project");

        RasterTiling.Report report = RasterTiling.tile(dir, raster, settings(nir), (done, total) -> { });

        assertEquals(NearInfraredRaster.Fit.GRID, report.nearInfraredFit());
        Project project = Project.open(dir);
        assertEquals(6, project.tiles().size());
        for (Tile tile : project.tiles()) {
            Window w = project.rasterWindow(tile).orElseThrow().window();
            Raster band = ImageIO.read(project.nearInfraredFile(tile).toFile()).getRaster();
            assertEquals(16, band.getSampleModel().getSampleSize(0), "16 bits kept");
            for (int y = 0; y < w.height(); y++) {
                for (int x = 0; x < w.width(); x++) {
                    int expected = value(w.x() + x, w.y() + y);
                    String where = tile.name() + " at " + x + "," + y;
                    assertEquals(expected, band.getSample(x, y, 0), where);
                    assertEquals(expected == 0 ? 0 : 65535, band.getSample(x, y, 1), where);
                }
            }
        }
        JsonNode entry = new ObjectMapper().readTree(dir.resolve("meander.json").toFile())
                .path("rasters").path("ortho");
        assertEquals("grid", entry.path("nir_fit").asText());
        assertEquals(nir.toAbsolutePath().normalize().toString(), entry.path("nir_file").asText());
    }

    private static int value(int x, int y) {
        return x < 20 || (x + y) % 41 == 0 ? 0 : 1000 + 37 * x + 101 * y;
    }

    @Test
    void aBandOfTheRastersSizeWithoutGeoreferencingIsLaidPixelForPixel() throws IOException {
        Path raster = TestRasters.tiff(temp.resolve("scan.tif"), TestRasters.raster(WIDTH, HEIGHT, 3, 8,
                (x, y, b) -> (x + y) % 256), 0, List.of());
        Path nir = TestRasters.tiff(temp.resolve("scan_nir.tif"), TestRasters.raster(WIDTH, HEIGHT, 1, 8,
                (x, y, b) -> (3 * x + y) % 256), 0, List.of());

        RasterTiling.Report report = RasterTiling.tile(temp.resolve("project"), raster, settings(nir), (d, t) -> { });

        assertEquals(NearInfraredRaster.Fit.GRID, report.nearInfraredFit());
        Project project = Project.open(temp.resolve("project"));
        Tile last = project.tiles().get(5);
        Window w = project.rasterWindow(last).orElseThrow().window();
        BufferedImage band = ImageIO.read(project.nearInfraredFile(last).toFile());
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, band.getType(), "no alpha and no nodata: every pixel known");
        assertEquals((3 * (w.x() + 100) + w.y() + 60) % 256, band.getRaster().getSample(100, 60, 0));
    }

    /** A band with alpha, as Pix4D writes its transparent maps: resampled, no value next to a transparent pixel. */
    @Test
    void aBandsAlphaMarksPixelsWithNoValueAlsoWhenResampled() throws IOException {
        Path raster = TiledRasterProject.raster(temp.resolve("ortho.tif"));
        Path nir = TestRasters.tiff(temp.resolve("nir.tif"), TestRasters.raster(WIDTH / 2, HEIGHT / 2, 2, 8,
                (i, j, b) -> b == 0 ? 200 : (i >= 40 && i < 60 ? 0 : 255)), 0,
                TestRasters.georeferencing(1.0, 500000, 4000000, 32610));

        RasterTiling.tile(temp.resolve("project"), raster, settings(nir), (d, t) -> { });

        Project project = Project.open(temp.resolve("project"));
        Tile first = project.tiles().get(0);
        Raster band = ImageIO.read(project.nearInfraredFile(first).toFile()).getRaster();
        // band column i = (x + 0.5) / 2 - 0.5: transparent from x 80 to 119, and one pixel around it
        assertEquals(255, band.getSample(20, 50, 1));
        assertEquals(200, band.getSample(20, 50, 0));
        assertEquals(0, band.getSample(100, 50, 1));
        assertEquals(0, band.getSample(79, 50, 1), "bilinear reads its transparent neighbour");
        assertEquals(255, band.getSample(77, 50, 1));
    }

    /** A band with GDAL's nodata mask instead of alpha: resampled, no value next to a pixel the mask leaves out. */
    @Test
    void aBandsNodataMaskMarksPixelsWithNoValueAlsoWhenResampled() throws IOException {
        Path raster = TiledRasterProject.raster(temp.resolve("ortho.tif"));
        Path nir = TestRasters.tiff(temp.resolve("nir.tif"), List.of(
                new TestRasters.Page(TestRasters.raster(WIDTH / 2, HEIGHT / 2, 1, 8, (i, j, b) -> 200),
                        TestRasters.georeferencing(1.0, 500000, 4000000, 32610)),
                TestRasters.mask(WIDTH / 2, HEIGHT / 2, false, (i, j) -> i < 40 || i >= 60)), 0, "ZLib");

        RasterTiling.tile(temp.resolve("project"), raster, settings(nir), (d, t) -> { });

        Project project = Project.open(temp.resolve("project"));
        Raster band = ImageIO.read(project.nearInfraredFile(project.tiles().get(0)).toFile()).getRaster();
        // band column i = (x + 0.5) / 2 - 0.5: left out from x 80 to 119, and one pixel around it
        assertEquals(255, band.getSample(20, 50, 1));
        assertEquals(200, band.getSample(20, 50, 0));
        assertEquals(0, band.getSample(100, 50, 1));
        assertEquals(0, band.getSample(79, 50, 1), "bilinear reads its neighbour the mask leaves out");
        assertEquals(255, band.getSample(77, 50, 1));
    }

    /**
     * A coarser multispectral map (1 m pixels against the imagery's 0.5 m) that starts 10 m west and 6 m north of the
     * imagery and ends before its east and south edges. Its values rise linearly across the ground, which a bilinear
     * read reproduces exactly, so every tile pixel it reaches must hold the value at the pixel's centre on the map.
     */
    @Test
    void aCoarserBandIsResampledWhereTheRastersPixelsLieOnTheMapWithNoValueBeyondIt() throws IOException {
        Path raster = TiledRasterProject.raster(temp.resolve("ortho.tif"));
        int bandWidth = 120;
        int bandHeight = 60;
        Path nir = TestRasters.tiff(temp.resolve("multispectral_nir.tif"), TestRasters.raster(bandWidth, bandHeight,
                1, 16, (i, j, b) -> 1000 + 40 * i + 70 * j), 0,
                TestRasters.georeferencing(1.0, 500000 - 10, 4000000 + 6, 32610));
        Path dir = temp.resolve("project");

        RasterTiling.Report report = RasterTiling.tile(dir, raster, settings(nir), (done, total) -> { });

        assertEquals(NearInfraredRaster.Fit.MAP, report.nearInfraredFit());
        Project project = Project.open(dir);
        int known = 0;
        int unknown = 0;
        for (Tile tile : project.tiles()) {
            Window w = project.rasterWindow(tile).orElseThrow().window();
            Raster band = ImageIO.read(project.nearInfraredFile(tile).toFile()).getRaster();
            assertEquals(2, band.getNumBands(), "grey and alpha");
            for (int y = 0; y < w.height(); y++) {
                for (int x = 0; x < w.width(); x++) {
                    // the imagery pixel's centre in the band's pixels, centres at whole numbers
                    double i = 10 + (w.x() + x + 0.5) * 0.5 - 0.5;
                    double j = 6 + (w.y() + y + 0.5) * 0.5 - 0.5;
                    String where = tile.name() + " at " + x + "," + y;
                    if (i >= 0 && j >= 0 && i <= bandWidth - 1 && j <= bandHeight - 1) {
                        assertEquals(65535, band.getSample(x, y, 1), where);
                        assertEquals(Math.round(1000 + 40 * i + 70 * j), band.getSample(x, y, 0), where);
                        known++;
                    } else {
                        assertEquals(0, band.getSample(x, y, 1), "no value beyond the band: " + where);
                        unknown++;
                    }
                }
            }
        }
        assertTrue(known > 0 && unknown > 0, known + " known, " + unknown + " unknown");
        assertEquals("map", new ObjectMapper().readTree(dir.resolve("meander.json").toFile())
                .path("rasters").path("ortho").path("nir_fit").asText());
    }

    /**
     * A band four times finer than the imagery (0.125 m pixels against 0.5 m): each tile pixel takes the value at its
     * centre, and the chunks read count the sixteen band pixels under each imagery pixel, so that a finer band
     * cannot blow the memory budget.
     */
    @Test
    void aFinerBandIsReadWithinTheChunkBudget() throws IOException {
        Path raster = TiledRasterProject.raster(temp.resolve("ortho.tif"));
        Path nir = TestRasters.tiff(temp.resolve("fine.tif"), TestRasters.raster(WIDTH * 4, HEIGHT * 4, 1, 16,
                (i, j, b) -> 100 + i + 2 * j), 0, TestRasters.georeferencing(0.125, 500000, 4000000, 32610));

        try (RasterFile imagery = RasterFile.open(raster);
             NearInfraredRaster laid = NearInfraredRaster.lay(nir, imagery)) {
            // 16 band pixels read (2 bytes), made grey and alpha (2 x 2) and copied into ints (2 x 4); the result
            assertEquals(16 * (2 + 4 + 8) + 2 * 2, laid.bytesPerPixel(), 1e-9);
        }
        RasterTiling.tile(temp.resolve("project"), raster, settings(nir), (d, t) -> { });

        Project project = Project.open(temp.resolve("project"));
        Tile tile = project.tiles().get(4);
        Window w = project.rasterWindow(tile).orElseThrow().window();
        Raster band = ImageIO.read(project.nearInfraredFile(tile).toFile()).getRaster();
        // imagery pixel x's centre is band pixel 4 x + 1.5, between two band pixels
        double i = 4 * (w.x() + 30) + 1.5;
        double j = 4 * (w.y() + 40) + 1.5;
        assertEquals(Math.round(100 + i + 2 * j), band.getSample(30, 40, 0));
    }

    @Test
    void aBandOfAnotherSizeWithoutGeoreferencingIsRefusedBeforeATileIsWritten() throws IOException {
        Path raster = TestRasters.tiff(temp.resolve("scan.tif"), TestRasters.raster(WIDTH, HEIGHT, 3, 8,
                (x, y, b) -> 0), 0, List.of());
        Path nir = TestRasters.tiff(temp.resolve("scan_nir.tif"), TestRasters.raster(150, 100, 1, 8,
                (x, y, b) -> 0), 0, List.of());

        IOException e = assertThrows(IOException.class,
                () -> RasterTiling.tile(temp.resolve("project"), raster, settings(nir), (d, t) -> { }));

        Messages.assertContains(e.getMessage(), nir.toString(), "150 x 100", raster.toString(), "300 x 200",
                "gdalwarp");
        assertFalse(Files.exists(temp.resolve("project")), "nothing is written, not even the project's folder");
    }

    @Test
    void aBandInAnotherCrsOrElsewhereOnTheMapIsRefusedNamingWhatToDo() throws IOException {
        Path raster = TiledRasterProject.raster(temp.resolve("ortho.tif"));
        Path otherCrs = TestRasters.tiff(temp.resolve("zone11.tif"), TestRasters.raster(WIDTH, HEIGHT, 1, 8,
                (x, y, b) -> 0), 0, TestRasters.georeferencing(0.5, 500000, 4000000, 32611));
        Path elsewhere = TestRasters.tiff(temp.resolve("elsewhere.tif"), TestRasters.raster(WIDTH, HEIGHT, 1, 8,
                (x, y, b) -> 0), 0, TestRasters.georeferencing(1.0, 600000, 4000000, 32610));

        IOException crs = assertThrows(IOException.class,
                () -> RasterTiling.tile(temp.resolve("a"), raster, settings(otherCrs), (d, t) -> { }));
        IOException away = assertThrows(IOException.class,
                () -> RasterTiling.tile(temp.resolve("b"), raster, settings(elsewhere), (d, t) -> { }));

        Messages.assertContains(crs.getMessage(), otherCrs.toString(), "EPSG:32611", "EPSG:32610", "gdalwarp");
        Messages.assertContains(away.getMessage(), elsewhere.toString(), "elsewhere on the map");
    }

    @Test
    void aColourBandIsRefusedSayingHowToMakeOne() throws IOException {
        Path raster = TiledRasterProject.raster(temp.resolve("ortho.tif"));
        Path colour = TestRasters.tiff(temp.resolve("colour.tif"), TestRasters.raster(WIDTH, HEIGHT, 3, 8,
                (x, y, b) -> 0), 0, TestRasters.georeferencing());

        IOException bands = assertThrows(IOException.class,
                () -> RasterTiling.tile(temp.resolve("a"), raster, settings(colour), (d, t) -> { }));

        Messages.assertContains(bands.getMessage(), colour.toString(), "3 bands", "gdal_translate -b");
    }

    /**
     * A reflectance map (floating point, 0 to 1, NaN where the flight did not reach), as Pix4D and Metashape write
     * them: kept as 16-bit reflectances, 1 at 65535, so the water index reads reflectances; NaN has no value.
     */
    @Test
    void aFloatingPointReflectanceBandIsKeptAsReflectancesInSixteenBits() throws IOException {
        Path raster = TiledRasterProject.raster(temp.resolve("ortho.tif"));
        Path nir = TestRasters.tiff(temp.resolve("ortho_nir.tif"), TestRasters.floatRaster(WIDTH, HEIGHT, 1,
                (x, y, b) -> reflectance(x, y)), 0, TestRasters.georeferencing().subList(0, 4));
        Path dir = temp.resolve("project");

        RasterTiling.Report report = RasterTiling.tile(dir, raster, settings(nir), (done, total) -> { });

        assertEquals(NearInfraredRaster.Fit.GRID, report.nearInfraredFit());
        Project project = Project.open(dir);
        for (Tile tile : project.tiles()) {
            Window w = project.rasterWindow(tile).orElseThrow().window();
            Raster band = ImageIO.read(project.nearInfraredFile(tile).toFile()).getRaster();
            assertEquals(16, band.getSampleModel().getSampleSize(0));
            for (int y = 0; y < w.height(); y++) {
                for (int x = 0; x < w.width(); x++) {
                    float expected = reflectance(w.x() + x, w.y() + y);
                    String where = tile.name() + " at " + x + "," + y;
                    long level = Float.isNaN(expected) ? 0 : Math.round((double) expected * 65535);
                    assertEquals(level, band.getSample(x, y, 0), where);
                    // a tile the band covers whole is stored without alpha
                    int alpha = band.getNumBands() == 2 ? band.getSample(x, y, 1) : 65535;
                    assertEquals(Float.isNaN(expected) ? 0 : 65535, alpha, where);
                }
            }
        }
    }

    private static float reflectance(int x, int y) {
        return x < 20 ? Float.NaN : Math.min(1.1f, (37 * x + 101 * y) / 40000f);
    }

    /** Floating-point values in other units than reflectance (here reflectance times 10000) are kept as integers. */
    @Test
    void aFloatingPointBandInOtherUnitsIsKeptAsItsIntegers() throws IOException {
        Path raster = TiledRasterProject.raster(temp.resolve("ortho.tif"));
        Path nir = TestRasters.tiff(temp.resolve("ortho_nir.tif"), TestRasters.floatRaster(WIDTH, HEIGHT, 1,
                (x, y, b) -> 1000.4f + 37 * x + 101 * y), 0, List.of());

        RasterTiling.tile(temp.resolve("project"), raster, settings(nir), (done, total) -> { });

        Project project = Project.open(temp.resolve("project"));
        Tile last = project.tiles().get(5);
        Window w = project.rasterWindow(last).orElseThrow().window();
        Raster band = ImageIO.read(project.nearInfraredFile(last).toFile()).getRaster();
        assertEquals(1000 + 37 * (w.x() + 100) + 101 * (w.y() + 60), band.getSample(100, 60, 0));
    }

    @Test
    void aBandOfTheRasterAndABandFileTogetherAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RasterTiling.Settings(
                128, 32, new BandChoice(1, 2, 3, OptionalInt.of(4)), temp.resolve("nir.tif")));

        Messages.assertContains(e.getMessage(), "--nir-band", "--nir");
    }

    private static RasterTiling.Settings settings(Path nir) {
        return new RasterTiling.Settings(128, 32, BandChoice.DEFAULT, nir);
    }
}
