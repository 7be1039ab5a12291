package org.meander.project.raster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.meander.testing.Fixtures;

/** The near-infrared views of a real Elwha frame: each band where it belongs, stretched to the full range. */
class NearInfraredViewsTest {

    private static BufferedImage colour() throws IOException {
        return ImageIO.read(Fixtures.shared().resolve("data/elwha-airborne/airborne_3.png").toFile());
    }

    /** The frame's band as the import keeps it: grey levels recovered from the "hot" colour map. */
    private static BufferedImage band() throws IOException {
        return NearInfrared.fromFile(ImageIO.read(Fixtures.shared()
                .resolve("data/elwha-airborne/airborne_ir_3.png").toFile())).grey();
    }

    /** The Elwha band fills little of its range; shown grey it spans black to white, brighter where the band is. */
    @Test
    void theBandAloneIsGreyStretchedToTheFullRange() throws IOException {
        BufferedImage band = band();

        BufferedImage grey = NearInfraredViews.grey(band.getRaster());

        assertStretched(grey, 0);
        for (int c = 1; c < 3; c++) {
            assertEquals(grey.getRaster().getSample(100, 200, 0), grey.getRaster().getSample(100, 200, c));
        }
        assertOrdered(band, grey, 0, 0);
    }

    @Test
    void colourInfraredPutsTheBandInRedAndRedAndGreenBelow() throws IOException {
        BufferedImage colour = colour();
        BufferedImage band = band();

        BufferedImage falseColour = NearInfraredViews.falseColour(colour, band.getRaster());
        BufferedImage grey = NearInfraredViews.grey(band.getRaster());

        for (int c = 0; c < 3; c++) {
            assertStretched(falseColour, c);
        }
        for (int y = 0; y < colour.getHeight(); y += 7) {
            for (int x = 0; x < colour.getWidth(); x += 5) {
                assertEquals(grey.getRaster().getSample(x, y, 0), falseColour.getRaster().getSample(x, y, 0),
                        "red is the band, stretched alike");
            }
        }
        // green and blue follow the tile's red and green: brighter in, brighter out
        assertOrdered(colour, falseColour, 0, 1);
        assertOrdered(colour, falseColour, 1, 2);
    }

    /** The band warped onto its tile, as the import keeps it: where the frame does not reach, both views are black. */
    @Test
    void pixelsTheFrameDoesNotReachShowBlack() throws IOException {
        BufferedImage band = band();
        BufferedImage warped = NearInfrared.warped(band, FrameRegistration.register(colour(), band).warp(), 480, 640);

        for (BufferedImage view : new BufferedImage[] {NearInfraredViews.grey(warped.getRaster()),
                NearInfraredViews.falseColour(colour(), warped.getRaster())}) {
            long black = 0;
            long shown = 0;
            for (int y = 0; y < 640; y++) {
                for (int x = 0; x < 480; x++) {
                    boolean reached = warped.getRaster().getSample(x, y, 1) > 0;
                    if (!reached) {
                        assertEquals(0, view.getRGB(x, y) & 0xffffff, "no value at " + x + ", " + y);
                    }
                    black += reached && (view.getRGB(x, y) & 0xff0000) == 0 ? 1 : 0;
                    shown += reached ? 1 : 0;
                }
            }
            // stretched by the pixels the frame reaches alone: about 2% of them at the low end, not a quarter
            assertTrue(black < 0.05 * shown, black + " of " + shown + " reached pixels show no near-infrared");
        }
    }

    @Test
    void aSixteenBitBandIsStretchedByItsPercentiles() {
        BufferedImage band = new BufferedImage(100, 100, BufferedImage.TYPE_USHORT_GRAY);
        for (int i = 0; i < 10000; i++) {
            band.getRaster().setSample(i % 100, i / 100, 0, 20000 + i); // a narrow part of 0..65535
        }

        BufferedImage grey = NearInfraredViews.grey(band.getRaster());

        assertEquals(0, grey.getRaster().getSample(0, 0, 0));
        assertEquals(255, grey.getRaster().getSample(99, 99, 0));
        assertEquals(128, grey.getRaster().getSample(0, 50, 0), 2.0, "the middle sample, mid-grey");
    }

    @Test
    void aBandOfAnotherSizeIsRefused() throws IOException {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> NearInfraredViews.falseColour(colour(), new BufferedImage(10, 20,
                        BufferedImage.TYPE_BYTE_GRAY).getRaster()));
        assertEquals("the near-infrared band is 10 x 20 but the tile 480 x 640", error.getMessage());
    }

    /** At least 2% of the pixels at 0 and at 255: the 2nd and 98th percentiles are the ends of the range. */
    private static void assertStretched(BufferedImage image, int channel) {
        long black = 0;
        long white = 0;
        long pixels = (long) image.getWidth() * image.getHeight();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int value = image.getRaster().getSample(x, y, channel);
                black += value == 0 ? 1 : 0;
                white += value == 255 ? 1 : 0;
            }
        }
        assertTrue(black >= 0.02 * pixels && white >= 0.02 * pixels, "channel " + channel + ": " + black
                + " black, " + white + " white of " + pixels);
    }

    private static void assertOrdered(BufferedImage source, BufferedImage view, int sourceChannel, int viewChannel) {
        for (int y = 0; y < source.getHeight(); y += 11) {
            for (int x = 1; x < source.getWidth(); x += 13) {
                int a = sample(source, x - 1, y, sourceChannel);
                int b = sample(source, x, y, sourceChannel);
                int va = view.getRaster().getSample(x - 1, y, viewChannel);
                int vb = view.getRaster().getSample(x, y, viewChannel);
                assertTrue(a < b ? va <= vb : a > b ? va >= vb : va == vb, "pixel " + x + ", " + y);
            }
        }
    }

    /** Red, green or blue of a colour picture (whatever its layout); the value of a grey one. */
    private static int sample(BufferedImage image, int x, int y, int channel) {
        if (image.getRaster().getNumBands() == 1) {
            return image.getRaster().getSample(x, y, 0);
        }
        return image.getRGB(x, y) >> (16 - 8 * channel) & 0xff;
    }
}
