package org.meander.project.raster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.meander.project.raster.tiff.TiffBytes;
import org.meander.project.raster.tiff.TiffDirectory;
import org.meander.testing.TestRasters;
import org.meander.testing.TestRasters.Coverage;
import org.meander.testing.TestRasters.Page;

/**
 * A raster's GDAL nodata mask is read with the window it marks, through Java's TIFF reader (8-bit samples, JPEG with
 * YCbCr as GDAL writes orthomosaics, or Deflate) and Meander's own (floating point) alike; a mask that cannot be read
 * is named with the file. The raster is 150 pixels wide, so that a row of its mask ends part way into a byte.
 */
class NodataMaskTest {

    private static final int WIDTH = 150;
    private static final int HEIGHT = 97;
    private static final Coverage CORRIDOR = (x, y) -> Math.abs(x - y - 20) < 30;
    private static final Rectangle WINDOW = new Rectangle(37, 21, 90, 60);

    @TempDir
    Path temp;

    static Stream<Arguments> layouts() {
        return Stream.of(Arguments.of("JPEG", 32, false), Arguments.of("ZLib", 0, false),
                Arguments.of("ZLib", 32, true), Arguments.of(null, 0, true));
    }

    private Path masked(String compression, int tile, boolean floatingPoint) throws IOException {
        WritableRaster samples = floatingPoint ? TestRasters.floatRaster(WIDTH, HEIGHT, 3, (x, y, b) -> 0.25f)
                : TestRasters.raster(WIDTH, HEIGHT, 3, 8, (x, y, b) -> 100);
        return TestRasters.tiff(temp.resolve("raster.tif"), List.of(new Page(samples, List.of()),
                TestRasters.mask(WIDTH, HEIGHT, false, CORRIDOR)), tile, compression);
    }

    @ParameterizedTest(name = "{0}, tile {1}, floating point {2}")
    @MethodSource("layouts")
    void theMaskIsReadWithItsWindow(String compression, int tile, boolean floatingPoint) throws IOException {
        try (RasterFile raster = RasterFile.open(masked(compression, tile, floatingPoint))) {
            assertTrue(raster.hasMask());
            assertEquals(3, raster.bandCount(), "the mask is no band");
            Raster mask = raster.noData(WINDOW).mask().orElseThrow();

            assertEquals(WINDOW.width, mask.getWidth());
            assertEquals(WINDOW.height, mask.getHeight());
            for (int y = 0; y < WINDOW.height; y++) {
                for (int x = 0; x < WINDOW.width; x++) {
                    boolean data = CORRIDOR.holdsData(WINDOW.x + x, WINDOW.y + y);
                    assertEquals(data, mask.getSample(x, y, 0) != 0, (WINDOW.x + x) + ", " + (WINDOW.y + y));
                }
            }
        }
    }

    @Test
    void filesWithoutAMaskHaveNone() throws IOException {
        Path tiff = TestRasters.tiff(temp.resolve("plain.tif"), List.of(
                new Page(TestRasters.raster(64, 64, 3, 8, (x, y, b) -> 100), List.of()),
                new Page(TestRasters.raster(32, 32, 3, 8, (x, y, b) -> 100),
                        List.of(new TestRasters.Field(254, "TIFFLongs", "1")))), 16, null);
        Path png = temp.resolve("plain.png");
        ImageIO.write(new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB), "png", png.toFile());

        for (Path file : List.of(tiff, png)) {
            try (RasterFile raster = RasterFile.open(file)) {
                assertFalse(raster.hasMask(), file.toString());
                assertTrue(raster.noData(new Rectangle(0, 0, 64, 64)).mask().isEmpty(), file.toString());
            }
        }
    }

    @ParameterizedTest(name = "floating point {0}")
    @MethodSource("readers")
    void aDamagedMaskIsNamedWithTheFile(boolean floatingPoint) throws IOException {
        Path file = masked("ZLib", 32, floatingPoint);
        long block;
        try (FileChannel channel = FileChannel.open(file)) {
            block = TiffDirectory.readMasks(TiffBytes.of(channel)).get(0).offsets()[0];
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff}), block);
        }

        try (RasterFile raster = RasterFile.open(file)) {
            IOException error = assertThrows(IOException.class, () -> raster.noData(new Rectangle(0, 0, 32, 32)));
            assertTrue(error.getMessage().startsWith(file + ": damaged or truncated TIFF, reading its nodata mask"
                    + " (the TIFF directory of NewSubfileType 4), the window at x 0, y 0, 32 x 32 ("),
                    error.getMessage());
        }
    }

    /** A mask the own reader cannot decode (LERC, which GDAL never writes for a mask) is named, not passed over. */
    @Test
    void aMaskTheOwnReaderCannotDecodeIsNamedWithTheFile() throws IOException {
        Path file = masked("ZLib", 32, true);
        TestRasters.setShortField(file, 1, 259, 34887);

        try (RasterFile raster = RasterFile.open(file)) {
            IOException error = assertThrows(IOException.class, raster::hasMask);
            assertEquals(file + ": its nodata mask (the TIFF directory of NewSubfileType 4) cannot be read (compressed"
                    + " with LERC (TIFF compression 34887), which Meander cannot decode", error.getMessage()
                    .substring(0, error.getMessage().indexOf(" (it reads")));
        }
    }

    static Stream<Boolean> readers() {
        return Stream.of(false, true);
    }
}
