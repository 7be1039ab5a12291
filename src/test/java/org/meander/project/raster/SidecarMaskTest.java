package org.meander.project.raster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.meander.testing.TestRasters;
import org.meander.testing.TestRasters.Coverage;
import org.meander.testing.TestRasters.Field;
import org.meander.testing.TestRasters.Page;

/**
 * GDAL's sidecar nodata mask, {@code <file>.msk} beside the image (where GDAL before 3.9 writes a mask unless told to
 * keep it inside): an 8-bit TIFF of the image's size, 255 where the image holds data, 0 where not, with overviews of
 * its own beside the image's. It marks no data as an internal mask does, for both TIFF readers.
 */
class SidecarMaskTest {

    private static final int WIDTH = 150;
    private static final int HEIGHT = 97;
    private static final Coverage CORRIDOR = (x, y) -> Math.abs(x - y - 20) < 30;
    private static final Rectangle WINDOW = new Rectangle(37, 21, 90, 60);
    private static final List<Field> OVERVIEW = List.of(new Field(254, "TIFFLongs", "1"));

    @TempDir
    Path temp;

    /** The image, striped, as 8-bit samples (Java's reader) or floating-point ones (Meander's own). */
    private Path image(boolean floatingPoint) throws IOException {
        WritableRaster samples = floatingPoint ? TestRasters.floatRaster(WIDTH, HEIGHT, 3, (x, y, b) -> 0.25f)
                : TestRasters.raster(WIDTH, HEIGHT, 3, 8, (x, y, b) -> 100);
        return TestRasters.tiff(temp.resolve("ortho.tif"), samples, 0, List.of(), "ZLib");
    }

    /** As GDAL 3.6 writes a sidecar: one 8-bit band, tiled, Deflate, 0 or 255. */
    private static Path sidecar(Path image, int width, int height, Coverage coverage) throws IOException {
        return TestRasters.tiff(image.resolveSibling(image.getFileName() + ".msk"), maskSamples(width, height,
                coverage), 32, List.of(), "ZLib");
    }

    private static WritableRaster maskSamples(int width, int height, Coverage coverage) {
        return TestRasters.raster(width, height, 1, 8, (x, y, b) -> coverage.holdsData(x, y) ? 255 : 0);
    }

    @ParameterizedTest(name = "floating point {0}")
    @ValueSource(booleans = {false, true})
    void theSidecarIsReadWithTheWindowItMarks(boolean floatingPoint) throws IOException {
        Path image = image(floatingPoint);
        sidecar(image, WIDTH, HEIGHT, CORRIDOR);
        try (RasterFile raster = RasterFile.open(image)) {
            assertTrue(raster.hasMask());
            Raster mask = raster.noData(WINDOW).mask().orElseThrow();
            assertEquals(WINDOW.width, mask.getWidth());
            assertEquals(1, mask.getNumBands());
            for (int y = 0; y < WINDOW.height; y++) {
                for (int x = 0; x < WINDOW.width; x++) {
                    boolean data = CORRIDOR.holdsData(WINDOW.x + x, WINDOW.y + y);
                    assertEquals(data, mask.getSample(x, y, 0) != 0, (WINDOW.x + x) + ", " + (WINDOW.y + y));
                }
            }
        }
    }

    @Test
    void withoutASidecarThereIsNoMask() throws IOException {
        try (RasterFile raster = RasterFile.open(image(false))) {
            assertFalse(raster.hasMask());
        }
    }

    /** GDAL reads a mask inside the TIFF first; so does Meander, whatever a stale sidecar says. */
    @Test
    void aMaskInsideTheImageComesBeforeTheSidecar() throws IOException {
        Path image = TestRasters.tiff(temp.resolve("inside.tif"), List.of(
                new Page(TestRasters.raster(WIDTH, HEIGHT, 3, 8, (x, y, b) -> 100), List.of()),
                TestRasters.mask(WIDTH, HEIGHT, false, (x, y) -> true)), 32, "ZLib");
        sidecar(image, WIDTH, HEIGHT, (x, y) -> false);
        try (RasterFile raster = RasterFile.open(image)) {
            Raster mask = raster.noData(WINDOW).mask().orElseThrow();
            assertEquals(1, mask.getSample(5, 5, 0), "the internal mask's bit, not the sidecar's 0");
        }
    }

    @Test
    void theSidecarsOverviewMarksTheImagesOverview() throws IOException {
        Path image = TestRasters.tiff(temp.resolve("pyramid.tif"), List.of(
                new Page(TestRasters.raster(WIDTH, HEIGHT, 3, 8, (x, y, b) -> 100), List.of()),
                new Page(TestRasters.raster(75, 49, 3, 8, (x, y, b) -> 100), OVERVIEW)), 32, "ZLib");
        TestRasters.tiff(image.resolveSibling("pyramid.tif.msk"), List.of(
                new Page(maskSamples(WIDTH, HEIGHT, CORRIDOR), List.of()),
                new Page(maskSamples(75, 49, (x, y) -> x < 10), OVERVIEW)), 32, "ZLib");
        try (RasterFile raster = RasterFile.open(image)) {
            Overview overview = raster.readOverview(75 * 49);
            Raster mask = overview.noData().mask().orElseThrow();
            assertEquals(75, overview.pixels().getWidth(), "read from the image's overview");
            assertEquals(75, mask.getWidth());
            assertTrue(mask.getSample(5, 40, 0) != 0 && mask.getSample(40, 5, 0) == 0,
                    "the sidecar's overview (x < 10), not its image subsampled");
        }
    }

    @Test
    void aSidecarOfAnotherSizeIsNamed() throws IOException {
        Path image = image(false);
        Path sidecar = sidecar(image, 64, 64, CORRIDOR);
        try (RasterFile raster = RasterFile.open(image)) {
            IOException error = assertThrows(IOException.class, raster::hasMask);
            assertTrue(error.getMessage().startsWith(image + ": its nodata mask (" + sidecar + ") cannot be read ("
                    + sidecar + " is 64 x 64 pixels, not the image's 150 x 97"), error.getMessage());
        }
    }
}
