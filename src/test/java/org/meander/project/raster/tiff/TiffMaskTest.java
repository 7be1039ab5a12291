package org.meander.project.raster.tiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.meander.testing.RawTiff;
import org.meander.testing.TestRasters;
import org.meander.testing.TestRasters.Coverage;
import org.meander.testing.TestRasters.Page;

/**
 * Meander's own reader reads GDAL's internal nodata masks: a directory of one bit a pixel (rows packed from the high
 * bit, each padded to a whole byte, in strips or tiles), NewSubfileType 4 and the image's size, or 5 and an
 * overview's. The image is 150 pixels wide, so that a row of the mask ends part way into a byte.
 */
class TiffMaskTest {

    private static final int WIDTH = 150;
    private static final int HEIGHT = 97;
    /** A corridor running diagonally across the image, as a flight along a river leaves one. */
    private static final Coverage CORRIDOR = (x, y) -> Math.abs(x - y - 20) < 30;

    @TempDir
    Path folder;

    static Stream<Arguments> layouts() {
        return Stream.of(null, "ZLib", "LZW", "PackBits").flatMap(compression ->
                Stream.of(Arguments.of(compression, 0), Arguments.of(compression, 32)));
    }

    private static Page image(int width, int height) {
        return new Page(TestRasters.raster(width, height, 3, 8, (x, y, b) -> 100 + b), List.of());
    }

    private static Page overview(int width, int height) {
        return new Page(TestRasters.raster(width, height, 3, 8, (x, y, b) -> 100 + b),
                List.of(new TestRasters.Field(TiffDirectory.NEW_SUBFILE_TYPE, "TIFFLongs", "1")));
    }

    @ParameterizedTest(name = "{0}, tile {1}")
    @MethodSource("layouts")
    void readsTheImagesMaskBitForBit(String compression, int tile) throws IOException {
        Path file = TestRasters.tiff(folder.resolve("masked.tif"),
                List.of(image(WIDTH, HEIGHT), TestRasters.mask(WIDTH, HEIGHT, false, CORRIDOR)), tile, compression);
        try (FileChannel channel = FileChannel.open(file)) {
            TiffRasterReader mask = TiffRasterReader.open(TiffBytes.of(channel)).mask().orElseThrow();

            assertEquals(WIDTH, mask.width());
            assertEquals(1, mask.bitsPerSample());
            assertCoverage(CORRIDOR, new Rectangle(0, 0, WIDTH, HEIGHT), 1,
                    mask.read(new Rectangle(0, 0, WIDTH, HEIGHT)));
            Rectangle acrossBlocks = new Rectangle(37, 21, 90, 60);
            assertCoverage(CORRIDOR, acrossBlocks, 1, mask.read(acrossBlocks));
            assertCoverage(CORRIDOR, acrossBlocks, 3, mask.read(acrossBlocks, 3));
        }
    }

    @Test
    void anOverviewsMaskIsTheOneOfItsSize() throws IOException {
        Coverage overviewCoverage = (x, y) -> x < 20;
        Path file = TestRasters.tiff(folder.resolve("masked.tif"), List.of(image(128, 128),
                TestRasters.mask(128, 128, false, CORRIDOR), overview(64, 64),
                TestRasters.mask(64, 64, true, overviewCoverage)), 16, "ZLib");
        try (FileChannel channel = FileChannel.open(file)) {
            TiffRasterReader reader = TiffRasterReader.open(TiffBytes.of(channel));

            TiffRasterReader overview = reader.overviews().get(0);
            assertEquals(1, reader.overviews().size(), "the masks are no overviews");
            assertCoverage(overviewCoverage, new Rectangle(0, 0, 64, 64), 1,
                    overview.mask().orElseThrow().read(new Rectangle(0, 0, 64, 64)));
            assertEquals(128, reader.mask().orElseThrow().width());
        }
    }

    @Test
    void anImageWithoutAMaskHasNone() throws IOException {
        Path file = TestRasters.tiff(folder.resolve("plain.tif"), List.of(image(64, 64), image(32, 32)), 16, null);
        try (FileChannel channel = FileChannel.open(file)) {
            TiffRasterReader reader = TiffRasterReader.open(TiffBytes.of(channel));

            assertTrue(reader.mask().isEmpty());
            assertTrue(reader.overviews().isEmpty(), "a second image of no NewSubfileType is no overview");
        }
    }

    @Test
    void aMaskItCannotDecodeIsRefusedSayingWhy() throws IOException {
        Path file = TestRasters.tiff(folder.resolve("masked.tif"),
                List.of(image(WIDTH, HEIGHT), TestRasters.mask(WIDTH, HEIGHT, false, CORRIDOR)), 32, "ZLib");
        TestRasters.setShortField(file, 1, 259, 7); // JPEG, which holds no single bits
        try (FileChannel channel = FileChannel.open(file)) {
            TiffRasterReader reader = TiffRasterReader.open(TiffBytes.of(channel));

            IOException error = assertThrows(IOException.class, reader::mask);
            assertTrue(error.getMessage().startsWith("JPEG-compressed 1-bit samples, which Meander does not read;"),
                    error.getMessage());
        }
    }

    /** Horizontal differencing has no meaning for single bits: GDAL writes a mask without a predictor. */
    @Test
    void oneBitSamplesWithAPredictorAreRefused() {
        byte[] file = RawTiff.write(ByteOrder.LITTLE_ENDIAN, false, List.of(new RawTiff.Field(256, RawTiff.SHORT, 16),
                new RawTiff.Field(257, RawTiff.SHORT, 2), new RawTiff.Field(258, RawTiff.SHORT, 1),
                new RawTiff.Field(259, RawTiff.SHORT, 1), new RawTiff.Field(262, RawTiff.SHORT, 4),
                new RawTiff.Field(278, RawTiff.SHORT, 2), new RawTiff.Field(317, RawTiff.SHORT, 2)),
                List.of(new byte[] {(byte) 0xff, 0, 0x0f, 0}), false);

        IOException error = assertThrows(IOException.class, () -> TiffRasterReader.open(TiffBytes.of(file)));
        assertTrue(error.getMessage().startsWith("one-bit samples with SampleFormat 1 and Predictor 2, where Meander"
                + " reads them unsigned (1) and without a predictor (1); rewrite it with gdal_translate"),
                error.getMessage());
    }

    @Test
    void aStripOfOneBitSamplesIsUnpackedFromTheHighBit() throws IOException {
        byte[] file = RawTiff.write(ByteOrder.LITTLE_ENDIAN, false, List.of(new RawTiff.Field(256, RawTiff.SHORT, 10),
                new RawTiff.Field(257, RawTiff.SHORT, 2), new RawTiff.Field(258, RawTiff.SHORT, 1),
                new RawTiff.Field(259, RawTiff.SHORT, 1), new RawTiff.Field(262, RawTiff.SHORT, 4),
                new RawTiff.Field(278, RawTiff.SHORT, 2)),
                List.of(new byte[] {(byte) 0b1011_0000, (byte) 0b0100_0000, 0b0000_0001, (byte) 0b1100_0000}), false);

        Raster mask = TiffRasterReader.open(TiffBytes.of(file)).read(new Rectangle(0, 0, 10, 2));

        assertEquals("1011000001", row(mask, 0), "a row ends two bits into its second byte, the rest padding");
        assertEquals("0000000111", row(mask, 1));
    }

    private static String row(Raster mask, int y) {
        StringBuilder row = new StringBuilder();
        for (int x = 0; x < mask.getWidth(); x++) {
            row.append(mask.getSample(x, y, 0));
        }
        return row.toString();
    }

    /** Every step-th pixel of the window, from its top left one, is 1 where the coverage holds data, else 0. */
    private static void assertCoverage(Coverage coverage, Rectangle window, int step, Raster mask) {
        assertEquals((window.width + step - 1) / step, mask.getWidth());
        assertEquals((window.height + step - 1) / step, mask.getHeight());
        for (int y = 0; y < mask.getHeight(); y++) {
            for (int x = 0; x < mask.getWidth(); x++) {
                int imageX = window.x + x * step;
                int imageY = window.y + y * step;
                assertEquals(coverage.holdsData(imageX, imageY) ? 1 : 0, mask.getSample(x, y, 0),
                        imageX + ", " + imageY);
            }
        }
    }
}
