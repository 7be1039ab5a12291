package org.meander.sam;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.meander.testing.Fixtures;
import org.meander.weights.SafetensorsFile;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class SamImageProcessorTest {

    @ParameterizedTest
    @CsvSource({"640,1024,640,1024", "480,640,768,1024", "2048,1536,1024,768", "1024,1024,1024,1024",
            "1,2048,1,1024", "333,500,682,1024"})
    void resizedSizeScalesTheLongestSideTo1024(int h, int w, int newH, int newW) {
        assertEquals(new ImageSize(newH, newW), SamImageProcessor.resizedSize(new ImageSize(h, w), 1024));
    }

    /**
     * The fixtures' {@code pixel_values_stats} were computed by torch in float32 and stored as float64, so they hold
     * about 7 digits; a relative 1e-6 is what they can check (and what tells a wrong normalisation apart).
     */
    @ParameterizedTest
    @CsvSource({"tiny,river_a", "tiny,river_b", "base,river_a"})
    void pixelStatisticsMatchTransformers(String fixture, String image) throws IOException {
        Path dir = Fixtures.fixture(fixture);
        BufferedImage png = ImageIO.read(dir.resolve("images").resolve(image + ".png").toFile());
        float[] expected;
        try (SafetensorsFile reference = SafetensorsFile.open(dir.resolve("reference_" + image + ".safetensors"))) {
            // F64 read as float32: rounding costs 6e-8 relative, far inside the 1e-6 checked
            expected = reference.readFloats(fixture + "/" + image + "/pixel_values_stats");
        }

        PreprocessedImage processed = SamImageProcessor.preprocess(png);
        PixelStatistics actual = processed.statistics();

        assertEquals(new ImageSize(640, 1024), processed.original());
        assertEquals(new ImageSize(640, 1024), processed.resized());
        assertRelative(expected[0], actual.mean(), "mean");
        assertRelative(expected[1], actual.std(), "std");
        assertRelative(expected[2], actual.sumOfAbs(), "sum of abs");
        assertRelative(expected[3], actual.meanUnpadded(), "mean of the unpadded region");
    }

    @Test
    void aSideOf1024IsNotResampled() {
        RgbImage image = new RgbImage(new ImageSize(1024, 640), new byte[1024 * 640 * 3]);
        assertSame(image, PilBilinearResize.resize(image, SamImageProcessor.resizedSize(image.size(), 1024)));
    }

    @Test
    void paddingIsZeroAndPixelsAreNormalisedPerChannel() {
        // One white pixel, enlarged to 1024 x 1024: every pixel is white, rescaled to 1 and normalised.
        RgbImage white = new RgbImage(new ImageSize(1, 1), new byte[] {(byte) 255, (byte) 255, (byte) 255});
        float[] pixels = SamImageProcessor.preprocess(white).pixels();
        int plane = 1024 * 1024;
        assertEquals((1 - 0.485f) / 0.229f, pixels[0]);
        assertEquals((1 - 0.456f) / 0.224f, pixels[plane + 1023]);
        assertEquals((1 - 0.406f) / 0.225f, pixels[3 * plane - 1]);

        // A 2 x 4 black image becomes 512 x 1024: rows 512 and below are padding.
        PreprocessedImage wide = SamImageProcessor.preprocess(new RgbImage(new ImageSize(2, 4), new byte[24]));
        assertEquals(new ImageSize(512, 1024), wide.resized());
        assertEquals(-0.485f / 0.229f, wide.pixels()[511 * 1024 + 1023]);
        assertEquals(0f, wide.pixels()[512 * 1024]);
        assertEquals(0f, wide.pixels()[2 * plane + 1023 * 1024 + 1023]);
    }

    @Test
    void grayAndAlphaImagesAreReadAsPilConvertsThem() {
        BufferedImage gray = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_GRAY);
        gray.getRaster().setSample(0, 0, 0, 100);
        gray.getRaster().setSample(1, 0, 0, 200);
        // Raw samples, replicated: not getRGB's gamma-converted values.
        assertArrayEquals(new byte[] {100, 100, 100, (byte) 200, (byte) 200, (byte) 200}, RgbImage.from(gray).rgb());

        BufferedImage argb = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
        argb.setRGB(0, 0, 0x40_0A_14_1E);
        assertArrayEquals(new byte[] {10, 20, 30}, RgbImage.from(argb).rgb());

        BufferedImage gray16 = new BufferedImage(1, 1, BufferedImage.TYPE_USHORT_GRAY);
        gray16.getRaster().setSample(0, 0, 0, 0xAB_CD);
        assertArrayEquals(new byte[] {(byte) 0xAB, (byte) 0xAB, (byte) 0xAB}, RgbImage.from(gray16).rgb());

        BufferedImage bgr = new BufferedImage(1, 1, BufferedImage.TYPE_3BYTE_BGR);
        bgr.setRGB(0, 0, 0x0A_14_1E);
        assertArrayEquals(new byte[] {10, 20, 30}, RgbImage.from(bgr).rgb());
    }

    private static void assertRelative(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-6 * Math.abs(expected), what);
    }
}
