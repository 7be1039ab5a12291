package org.meander.project.raster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.meander.project.raster.tiff.TiffBytes;
import org.meander.project.raster.tiff.TiffDirectory;
import org.meander.testing.TestRasters;
import org.meander.testing.TestRasters.Page;

/**
 * The overview a stretch is measured on comes from the file's own overviews when it has one large enough (as gdaladdo
 * and cloud-optimised GeoTIFFs write them), through Java's TIFF reader and Meander's own alike; masks, overviews of
 * other bands and damaged ones are passed over. GDAL's nodata mask of a file that has one is read with the overview:
 * the overview's own mask, or the image's where the overview has none.
 */
class RasterOverviewTest {

    @TempDir
    Path temp;

    private static Page image(WritableRaster raster) {
        return new Page(raster, List.of());
    }

    private static Page overview(WritableRaster raster) {
        return new Page(raster, List.of(new TestRasters.Field(254, "TIFFLongs", "1")));
    }

    private static Page mask(WritableRaster raster) {
        return new Page(raster, List.of(new TestRasters.Field(254, "TIFFLongs", "4")));
    }

    /** 16-bit bands whose samples say which image they are in: the image's rise to the right, an overview's not. */
    private static WritableRaster bands(int width, int height, int bands, int value) {
        return TestRasters.raster(width, height, bands, 16, (x, y, b) -> value < 0 ? x : value + b);
    }

    private static WritableRaster floats(int width, int height, int value) {
        return TestRasters.floatRaster(width, height, 2, (x, y, b) -> value < 0 ? x : value + b);
    }

    private Raster overviewOf(List<Page> pages, long wanted) throws IOException {
        Path file = TestRasters.tiff(temp.resolve("raster.tif"), pages, 16, null);
        try (RasterFile raster = RasterFile.open(file)) {
            return raster.readOverview(wanted).pixels();
        }
    }

    @Test
    void theSmallestOverviewLargeEnoughIsReadNotTheImage() throws IOException {
        List<Page> pages = List.of(image(bands(128, 128, 4, -1)), mask(bands(64, 64, 1, 7)),
                overview(bands(64, 64, 4, 500)), overview(bands(32, 32, 4, 900)));

        Raster wanted1000 = overviewOf(pages, 1000);
        assertEquals(32, wanted1000.getWidth(), "32 x 32 holds 1000 pixels");
        assertEquals(900 + 3, wanted1000.getSample(5, 5, 3));
        Raster wanted2000 = overviewOf(pages, 2000);
        assertEquals(64, wanted2000.getWidth(), "the mask is passed over");
        assertEquals(500, wanted2000.getSample(5, 5, 0));
        Raster wanted5000 = overviewOf(pages, 5000);
        assertEquals(64, wanted5000.getWidth(), "no overview holds 5000: every other pixel of the image");
        assertEquals(10, wanted5000.getSample(5, 5, 0), "the image's pixel 10 of its row");
    }

    /** Two bands: 16-bit (Java's reader) or floating point (Meander's own), rising to the right for the image. */
    private static WritableRaster pixels(boolean floatingPoint, int width, int height, int value) {
        return floatingPoint ? floats(width, height, value) : bands(width, height, 2, value);
    }

    private Overview maskedOverviewOf(List<Page> pages, long wanted) throws IOException {
        Path file = TestRasters.tiff(temp.resolve("raster.tif"), pages, 16, "ZLib");
        try (RasterFile raster = RasterFile.open(file)) {
            return raster.readOverview(wanted);
        }
    }

    @ParameterizedTest(name = "floating point {0}")
    @ValueSource(booleans = {false, true})
    void anOverviewIsReadWithItsOwnMask(boolean floatingPoint) throws IOException {
        Overview overview = maskedOverviewOf(List.of(image(pixels(floatingPoint, 128, 128, -1)),
                TestRasters.mask(128, 128, false, (x, y) -> true), overview(pixels(floatingPoint, 64, 64, 500)),
                TestRasters.mask(64, 64, true, (x, y) -> x >= 40)), 1000);

        assertEquals(500, overview.pixels().getSampleDouble(5, 5, 0), "the overview, every other pixel");
        Raster mask = overview.noData().mask().orElseThrow();
        assertEquals(32, mask.getWidth());
        assertEquals(0, mask.getSample(19, 5, 0), "the overview's mask at its pixel 38");
        assertEquals(1, mask.getSample(20, 5, 0), "at its pixel 40");
    }

    @ParameterizedTest(name = "floating point {0}")
    @ValueSource(booleans = {false, true})
    void anOverviewWithoutAMaskLeavesTheImageAndItsMaskToRead(boolean floatingPoint) throws IOException {
        Overview overview = maskedOverviewOf(List.of(image(pixels(floatingPoint, 128, 128, -1)),
                TestRasters.mask(128, 128, false, (x, y) -> x >= 40), overview(pixels(floatingPoint, 64, 64, 500))),
                4096); // the overview, whole, would be read: it holds as many

        assertEquals(64, overview.pixels().getWidth(), "every other pixel of the image");
        assertEquals(10, overview.pixels().getSampleDouble(5, 5, 0), "the image's pixel 10 of its row");
        Raster mask = overview.noData().mask().orElseThrow();
        assertEquals(64, mask.getWidth());
        assertEquals(0, mask.getSample(19, 5, 0), "the image's mask at its pixel 38");
        assertEquals(1, mask.getSample(20, 5, 0), "at its pixel 40");
    }

    /** A mask of an overview (NewSubfileType 5: reduced resolution and mask) is no overview, whatever its bands. */
    @ParameterizedTest(name = "floating point {0}")
    @ValueSource(booleans = {false, true})
    void theMaskOfAnOverviewIsNoOverview(boolean floatingPoint) throws IOException {
        Page overviewMask = new Page(pixels(floatingPoint, 32, 32, 900),
                List.of(new TestRasters.Field(254, "TIFFLongs", "5")));
        List<Page> pages = List.of(image(pixels(floatingPoint, 128, 128, -1)), overviewMask,
                overview(pixels(floatingPoint, 64, 64, 500)));

        Raster overview = overviewOf(pages, 1000);

        assertEquals(500, overview.getSampleDouble(5, 5, 0), "the 64 x 64 overview, not the 32 x 32 mask");
        try (FileChannel channel = FileChannel.open(temp.resolve("raster.tif"))) {
            assertEquals(List.of(64), TiffDirectory.readOverviews(TiffBytes.of(channel)).stream()
                    .map(TiffDirectory::width).toList());
        }
    }

    @Test
    void meandersOwnReaderReadsTheOverviewsOfAFloatingPointRaster() throws IOException {
        Raster overview = overviewOf(List.of(image(floats(128, 128, -1)), overview(floats(64, 64, 40))), 1000);

        assertEquals(32, overview.getWidth(), "every other pixel of the 64 x 64 overview");
        assertEquals(41.0f, overview.getSampleFloat(3, 3, 1));
    }

    @Test
    void anOverviewOfOtherBandsIsPassedOver() throws IOException {
        Raster overview = overviewOf(List.of(image(bands(64, 64, 4, -1)), overview(bands(32, 32, 3, 500))), 1024);

        assertEquals(32, overview.getWidth());
        assertEquals(10, overview.getSample(5, 5, 0), "every other pixel of the image");
    }

    @Test
    void aDamagedOverviewLeavesTheImageToRead() throws IOException {
        Path file = TestRasters.tiff(temp.resolve("raster.tif"), List.of(image(bands(64, 64, 4, -1)),
                overview(bands(32, 32, 4, 500))), 16, "Deflate");
        long[] blocks;
        try (FileChannel channel = FileChannel.open(file)) {
            blocks = TiffDirectory.readOverviews(TiffBytes.of(channel)).get(0).offsets();
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff}),
                    blocks[0]); // not a Deflate stream
        }

        try (RasterFile raster = RasterFile.open(file)) {
            Raster overview = raster.readOverview(1024).pixels();
            assertEquals(10, overview.getSample(5, 5, 0), "every other pixel of the image");
        }
    }
}
