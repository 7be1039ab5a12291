package org.meander.project.raster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meander.testing.TestRasters;

class BandPreviewTest {

    @TempDir
    Path temp;

    private static int red(BufferedImage picture, int x, int y) {
        return picture.getRGB(x, y) >> 16 & 0xff;
    }

    private static int blue(BufferedImage picture, int x, int y) {
        return picture.getRGB(x, y) & 0xff;
    }

    @Test
    void deepBandsAreStretchedAndShownAsTheChoiceMakesThem() throws IOException {
        // stored blue, green, red: blue rises down the raster, red to the right, over a narrow 16-bit range
        Path stack = TestRasters.tiff(temp.resolve("stack.tif"), TestRasters.raster(1200, 900, 4, 16,
                (x, y, b) -> b == 0 ? 3000 + y : b == 2 ? 3000 + x : 3000), 0, List.of());

        BufferedImage picture = new BandPreview(stack).picture(new BandChoice(3, 2, 1, OptionalInt.empty()));

        assertTrue(picture.getWidth() * (long) picture.getHeight() <= BandPreview.PIXELS, picture.getWidth() + " x "
                + picture.getHeight());
        assertEquals(400, picture.getWidth(), "every third pixel of 1200");
        int right = picture.getWidth() - 1;
        assertEquals(0, red(picture, 0, 10), "the 2nd percentile of red is black");
        assertEquals(255, red(picture, right, 10), "and its 98th white");
        assertEquals(red(picture, 0, 10), red(picture, 0, picture.getHeight() - 1), "red does not rise down");
        assertTrue(blue(picture, 5, picture.getHeight() - 1) > blue(picture, 5, 0) + 200, "blue rises down");
    }

    @Test
    void eightBitBandsAreShownAsTheyAre() throws IOException {
        Path picture = TestRasters.tiff(temp.resolve("rgbn.tif"), TestRasters.raster(64, 48, 4, 8,
                (x, y, b) -> 40 * b + 10), 0, List.of());

        BufferedImage preview = new BandPreview(picture).picture(new BandChoice(4, 3, 2, OptionalInt.empty()));

        assertEquals(64, preview.getWidth());
        assertEquals(130, red(preview, 3, 3), "band 4 as stored");
        assertEquals(50, blue(preview, 3, 3), "band 2 as stored");
    }

    /** The file is read at the first picture only: a JPEG 2000 scene is decoded whole to be read. */
    @Test
    void laterChoicesOfBandsAreDrawnFromWhatTheFirstRead() throws IOException {
        Path file = Files.copy(Jpeg2000RasterTest.resource("rgbn8-wgs84.jp2"), temp.resolve("scene.jp2"));
        BandPreview pictures = new BandPreview(file);
        BufferedImage first = pictures.picture(BandChoice.DEFAULT);
        Files.delete(file);

        BufferedImage falseColour = pictures.picture(new BandChoice(4, 1, 2, OptionalInt.empty()));

        assertEquals(64, falseColour.getWidth());
        assertEquals(3 * 5 + 5 * 5, red(first, 5, 5), "band 1 as stored");
        assertEquals(3 * 5 + 5 * 5 + 40 * 3, red(falseColour, 5, 5), "band 4 as stored");
        assertThrows(IllegalArgumentException.class, () -> pictures.picture(new BandChoice(5, 1, 2,
                OptionalInt.empty())), "a band not in the file");
    }

    /** What the file marks as holding no data (outside the flight) is transparent, as GIS viewers show it. */
    @Test
    void whereTheFileHoldsNoDataThePictureIsTransparent() throws IOException {
        Path rgba = TestRasters.rgbaTiff(temp.resolve("rgba.tif"), TestRasters.raster(64, 48, 4, 8,
                (x, y, b) -> b == 3 ? (x < 20 ? 0 : 255) : 100));
        Path masked = TestRasters.tiff(temp.resolve("masked.tif"), List.of(
                new TestRasters.Page(TestRasters.raster(64, 48, 3, 8, (x, y, b) -> 100), List.of()),
                TestRasters.mask(64, 48, false, (x, y) -> x >= 20)), 16, "ZLib");

        for (Path file : List.of(rgba, masked)) {
            BufferedImage picture = new BandPreview(file).picture(BandChoice.DEFAULT);
            assertEquals(0, picture.getRGB(5, 5) >>> 24, file + ": outside");
            assertEquals(255, picture.getRGB(40, 5) >>> 24, file + ": inside");
            assertEquals(100, red(picture, 40, 5), file + ": inside");
        }
    }

    @Test
    void aBandTheFileDoesNotHaveIsRefused() throws IOException {
        Path picture = TestRasters.tiff(temp.resolve("rgb.tif"), TestRasters.raster(16, 16, 3, 8, (x, y, b) -> b),
                0, List.of());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BandPreview(picture).picture(new BandChoice(4, 3, 2, OptionalInt.empty())));
        assertTrue(e.getMessage().contains("band 4 (red) is out of range"), e.getMessage());
    }
}
