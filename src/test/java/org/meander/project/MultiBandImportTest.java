package org.meander.project;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meander.project.raster.BandChoice;
import org.meander.project.raster.Georeferencing;
import org.meander.testing.TestRasters;

/** Importing 8- and 16-bit, multi-band and georeferenced TIFFs with a choice of bands. */
class MultiBandImportTest {

    @TempDir
    Path temp;

    Path images() throws IOException {
        return Files.createDirectories(temp.resolve("images"));
    }

    Path project() {
        return temp.resolve("project");
    }

    /** 20 x 10 pixels, four 16-bit bands: band b (from 0) holds 10000 b + 100 + the pixel's index (0..199). */
    static WritableRaster fourBands() {
        return TestRasters.raster(20, 10, 4, 16, (x, y, b) -> 10000 * b + 100 + y * 20 + x);
    }

    static ImportReport create(Path project, Path images, BandChoice bands) throws IOException {
        return ProjectImport.create(project, images, null, null, new ImageryOptions(bands, null));
    }

    @Test
    void aSixteenBitMultiBandTiffBecomesAStretchedRgbPngOfTheChosenBandsAndKeepsItsNir() throws IOException {
        TestRasters.tiff(images().resolve("scene.tif"), fourBands(), 0, List.of());

        ImportReport report = create(project(), images(), new BandChoice(3, 2, 1, OptionalInt.of(4)));

        assertEquals(List.of("scene"), report.importedTiles(), report.problems().toString());
        assertEquals(List.of(), report.problems());
        assertTrue(Files.notExists(project().resolve("tiles/scene.tif")), "the workbench does not show TIFF");
        BufferedImage rgb = ImageIO.read(project().resolve("tiles/scene.png").toFile());
        assertEquals(BufferedImage.TYPE_3BYTE_BGR, rgb.getType());
        // each band holds 200 values in a row: its 2nd percentile is the 4th value, its 98th the 196th
        int first = rgb.getRGB(0, 0);
        assertEquals(0, first >> 16 & 0xff, "red, from band 3, at its 2nd percentile or below");
        int middle = rgb.getRGB(0, 5); // the 101st value: (100 - 3) / (195 - 3) of the way
        assertEquals(Math.round(97 * 255 / 192.0), middle & 0xff, "blue, from band 1");
        assertEquals(255, rgb.getRGB(19, 9) >> 8 & 0xff, "green at its top");
        // band 4, unstretched, 16-bit
        Project opened = Project.open(project());
        BufferedImage nir = ImageIO.read(opened.nearInfraredFile(opened.tiles().get(0)).toFile());
        assertEquals(BufferedImage.TYPE_USHORT_GRAY, nir.getType());
        assertEquals(30000 + 100 + 3 * 20 + 7, nir.getRaster().getSample(7, 3, 0));
    }

    @Test
    void anEightBitPictureIsCopiedAsItIsAndAnEightBitTiffBecomesTheSamePixelsAsPng() throws IOException {
        WritableRaster rgb = TestRasters.raster(12, 8, 3, 8, (x, y, b) -> x * 20 + y + b * 7);
        TestRasters.tiff(images().resolve("a.tif"), rgb, 0, List.of());
        BufferedImage picture = new BufferedImage(12, 8, BufferedImage.TYPE_3BYTE_BGR);
        picture.setData(rgb);
        TestImages.write(picture, images().resolve("b.png"));

        ImportReport report = create(project(), images(), BandChoice.DEFAULT);

        assertEquals(List.of("a", "b"), report.importedTiles());
        assertArrayEquals(Files.readAllBytes(images().resolve("b.png")),
                Files.readAllBytes(project().resolve("tiles/b.png")), "a plain picture is copied byte for byte");
        BufferedImage a = ImageIO.read(project().resolve("tiles/a.png").toFile());
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 12; x++) {
                assertEquals(picture.getRGB(x, y), a.getRGB(x, y), "8-bit samples are not stretched");
            }
        }
        assertTrue(Files.notExists(project().resolve("nir")), "no near-infrared band was asked for");
    }

    @Test
    void badFilesAreReportedByNameAndTheRestIsImported() throws IOException {
        TestRasters.tiff(images().resolve("good.tif"), fourBands(), 16, List.of());
        byte[] whole = Files.readAllBytes(TestRasters.tiff(temp.resolve("whole.tif"), fourBands(), 0, List.of()));
        Files.write(images().resolve("cut.tif"), Arrays.copyOf(whole, whole.length * 2 / 3));
        TestImages.tile(images().resolve("three.png"), 20, 10);

        ImportReport report = create(project(), images(), new BandChoice(1, 2, 3, OptionalInt.of(4)));

        assertEquals(List.of("good"), report.importedTiles());
        assertEquals(2, report.problems().size(), report.problems().toString());
        assertTrue(ProjectImportTest.mentions(report, "cut.tif", "truncated", "skipped"), report.problems().toString());
        assertTrue(ProjectImportTest.mentions(report, "three.png", "band 4", "out of range", "3 bands", "skipped"),
                report.problems().toString());
        assertEquals(List.of("good"), Project.open(project()).tiles().stream().map(Tile::name).toList());
    }

    @Test
    void aGeoTiffsGeoreferencingIsRecordedForItsTile() throws IOException {
        TestRasters.tiff(images().resolve("scene.tif"), fourBands(), 0, TestRasters.georeferencing());
        TestImages.tile(images().resolve("plain.png"), 20, 10);

        create(project(), images(), BandChoice.DEFAULT);

        Project opened = Project.open(project());
        Georeferencing georeferencing = opened.georeferencing(opened.tiles().get(1)).orElseThrow();
        assertEquals("scene", opened.tiles().get(1).name());
        assertEquals(List.of("0.0", "0.0", "0.0", "500000.0", "4000000.0", "0.0"),
                georeferencing.field(Georeferencing.MODEL_TIEPOINT).orElseThrow().values());
        assertEquals(List.of("0"), georeferencing.field(Georeferencing.GDAL_NODATA).orElseThrow().values(),
                "GDAL's nodata, not a tag ImageIO knows, is kept");
        assertFalse(opened.georeferencing(opened.tiles().get(0)).isPresent(), "a PNG has none");
        assertFalse(opened.rasterWindow(opened.tiles().get(1)).isPresent(), "an imported image is no raster's tile");
    }
}
