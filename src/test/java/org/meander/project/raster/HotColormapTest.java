package org.meander.project.raster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.meander.testing.Fixtures;

class HotColormapTest {

    static final Path FRAMES = Fixtures.shared().resolve("data/elwha-airborne");

    @Test
    void everyLevelsColourInvertsToItsLevel() {
        for (int level = 0; level < HotColormap.LEVELS; level++) {
            int[] rgb = colour(level);
            assertEquals(level, HotColormap.level(rgb[0], rgb[1], rgb[2]), "level " + level);
        }
    }

    @Test
    void theMapRunsBlackRedYellowWhite() {
        assertEquals(10, colour(0)[0], "matplotlib's hot starts at a dark red, 0.0416");
        assertEquals(0, colour(0)[1]);
        assertArrayEquals(new int[] {255, 255, 255}, colour(255));
        assertArrayEquals(new int[] {254, 0, 0}, colour(93));
        assertArrayEquals(new int[] {255, 2, 0}, colour(94), "green rises once red is full");
        assertEquals(0, HotColormap.level(0, 0, 0), "pure black, darker than the map, is its lowest level");
    }

    /** The real frames hold the map's own colours, so their values come back exactly. */
    @Test
    void realNearInfraredFramesAreHotRenderingsAndInvertExactly() throws IOException {
        assumeTrue(Files.isDirectory(FRAMES), "the shared Elwha frames are not here: " + FRAMES);
        for (String frame : new String[] {"airborne_ir_3.png", "airborne_ir_10.png"}) {
            BufferedImage image = ImageIO.read(FRAMES.resolve(frame).toFile());
            long exact = 0;
            long pixels = (long) image.getWidth() * image.getHeight();
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    int argb = image.getRGB(x, y);
                    int r = argb >> 16 & 0xff;
                    int g = argb >> 8 & 0xff;
                    int b = argb & 0xff;
                    if (HotColormap.distance(HotColormap.level(r, g, b), r, g, b) == 0) {
                        exact++;
                    }
                }
            }
            assertEquals(pixels, exact, frame + ": every colour is one of the map's");
            NearInfrared.Frame converted = NearInfrared.fromFile(image);
            assertFalse(converted.offMap(), frame);
            assertEquals(BufferedImage.TYPE_BYTE_GRAY, converted.grey().getType());
        }
    }

    @Test
    void aFrameInOtherColoursIsFlagged() {
        BufferedImage blue = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                blue.setRGB(x, y, 0x2040c0);
            }
        }
        assertTrue(NearInfrared.fromFile(blue).offMap());
    }

    @Test
    void aGreyFrameIsTakenAsItIs() {
        BufferedImage grey = new BufferedImage(2, 1, BufferedImage.TYPE_USHORT_GRAY);
        grey.getRaster().setSamples(0, 0, 2, 1, 0, new int[] {7, 60000});

        NearInfrared.Frame frame = NearInfrared.fromFile(grey);

        assertEquals(60000, frame.grey().getRaster().getSample(1, 0, 0));
        assertFalse(frame.offMap());
    }

    private static int[] colour(int level) {
        return HotColormap.colour(level);
    }
}
