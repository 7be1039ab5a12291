package org.meander.project.raster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.meander.testing.Fixtures;

/** The colour view's stretch: each band from its own 2nd-98th percentiles to the full 0-255, black left out. */
class StretchedColourTest {

    /**
     * A hazy tile: red 100-149, green 60-109, blue a constant 200 but for black padding over a third of it. Each band
     * spans 0-255 after, by its own range; the padding stays black and sets no band's low end.
     */
    @Test
    void eachBandSpansTheFullRangeByItsOwnPercentiles() {
        BufferedImage hazy = new BufferedImage(100, 60, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 60; y++) {
            for (int x = 0; x < 100; x++) {
                int level = x / 2; // 0-49, each level on 2 columns
                hazy.setRGB(x, y, y < 20 ? 0 : (100 + level) << 16 | (60 + level) << 8 | 200);
            }
        }

        BufferedImage stretched = StretchedColour.of(hazy);

        Raster out = stretched.getRaster();
        int[] first = out.getPixel(0, 30, (int[]) null);
        int[] last = out.getPixel(99, 30, (int[]) null);
        int[] middle = out.getPixel(50, 30, (int[]) null);
        assertEquals(0, first[0], "red's 2nd percentile, 100, becomes 0");
        assertEquals(255, last[0]);
        assertEquals(0, first[1], "green by its own range");
        assertEquals(255, last[1]);
        assertTrue(middle[0] > 110 && middle[0] < 145, "in between, linearly: " + middle[0]);
        assertEquals(middle[0], middle[1], "both bands the same way");
        assertEquals(0, out.getPixel(10, 5, (int[]) null)[0], "the padding stays black");
    }

    /** An Elwha frame: its colours fill more of the range after, and what was brighter stays brighter. */
    @Test
    void anElwhaFrameGainsContrastInOrder() throws IOException {
        BufferedImage frame = ImageIO.read(Fixtures.shared().resolve("data/elwha-airborne/airborne_3.png").toFile());

        BufferedImage stretched = StretchedColour.of(frame);

        assertEquals(frame.getWidth(), stretched.getWidth());
        Raster before = StretchedColour.plainRgb(frame).getRaster();
        Raster after = stretched.getRaster();
        for (int band = 0; band < 3; band++) {
            assertTrue(spread(after, band) > spread(before, band) * 1.2,
                    "band " + band + ": " + spread(before, band) + " to " + spread(after, band));
        }
        // one mapping per band, never reversing: a brighter sample never comes out darker
        for (int band = 0; band < 3; band++) {
            int[] darkestAfter = new int[256];
            java.util.Arrays.fill(darkestAfter, 256);
            int[] brightestAfter = new int[256];
            java.util.Arrays.fill(brightestAfter, -1);
            for (int y = 0; y < frame.getHeight(); y += 7) {
                for (int x = 0; x < frame.getWidth(); x += 7) {
                    int level = before.getSample(x, y, band);
                    int shown = after.getSample(x, y, band);
                    darkestAfter[level] = Math.min(darkestAfter[level], shown);
                    brightestAfter[level] = Math.max(brightestAfter[level], shown);
                }
            }
            int highest = -1;
            for (int level = 0; level < 256; level++) {
                if (brightestAfter[level] < 0) {
                    continue;
                }
                assertEquals(darkestAfter[level], brightestAfter[level], "band " + band + ", level " + level);
                assertTrue(brightestAfter[level] >= highest, "band " + band + " reversed at level " + level);
                highest = brightestAfter[level];
            }
        }
    }

    /** The standard deviation of a band's samples. */
    private static double spread(Raster raster, int band) {
        double sum = 0;
        double squares = 0;
        int n = raster.getWidth() * raster.getHeight();
        int[] row = new int[raster.getWidth()];
        for (int y = 0; y < raster.getHeight(); y++) {
            raster.getSamples(0, y, raster.getWidth(), 1, band, row);
            for (int v : row) {
                sum += v;
                squares += (double) v * v;
            }
        }
        double mean = sum / n;
        return Math.sqrt(squares / n - mean * mean);
    }
}
