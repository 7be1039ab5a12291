package org.meander.project.raster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.meander.project.raster.FrameRegistration.Registration;
import org.meander.project.raster.FrameRegistration.Verdict;
import org.meander.testing.Fixtures;

/** Near-infrared frames of the real Elwha data laid on their colour frames, and warps made on purpose found again. */
class FrameRegistrationTest {

    static BufferedImage colour(int n) throws IOException {
        return ImageIO.read(Fixtures.shared().resolve("data/elwha-airborne/airborne_" + n + ".png").toFile());
    }

    /** The frame's band as the import keeps it: grey levels recovered from the "hot" colour map. */
    static BufferedImage band(int n) throws IOException {
        return NearInfrared.fromFile(ImageIO.read(Fixtures.shared()
                .resolve("data/elwha-airborne/airborne_ir_" + n + ".png").toFile())).grey();
    }

    /**
     * The two Elwha cameras sit on one mount: every pair differs by about the same warp (the near-infrared frame 12%
     * larger in scale, its corner about 63 px right of and 52 px below the colour frame's; a few pixels more or less,
     * as the exposures are a moment apart).
     */
    @Test
    void elwhaNearInfraredFramesAreFoundOnTheirColourFrames() throws IOException {
        Registration first = FrameRegistration.register(colour(3), band(3));
        Registration second = FrameRegistration.register(colour(12), band(12));

        for (Registration registration : new Registration[] {first, second}) {
            assertEquals(Verdict.ALIGNED, registration.verdict(), registration.toString());
            assertEquals(1.12, registration.warp().scale(), 0.01, registration.toString());
            assertTrue(registration.correlation() > 0.4, registration.toString());
            // the frame reaches from about (63, 51) to past the colour frame's right and bottom edges
            assertEquals(0.77, registration.coverage(), 0.03, registration.toString());
        }
        assertTrue(first.warp().distance(second.warp(), 480, 640) < 8,
                "one mount, one warp: " + first.warp() + " and " + second.warp());
    }

    /** A frame from the same camera, in another band: other brightness, the same edges; left as it is. */
    @Test
    void aFrameInPlaceLinesUpAsItIs() throws IOException {
        BufferedImage tile = colour(3);
        BufferedImage inverted = greyOf(tile);
        WritableRaster raster = inverted.getRaster();
        for (int y = 0; y < raster.getHeight(); y++) {
            for (int x = 0; x < raster.getWidth(); x++) {
                raster.setSample(x, y, 0, 255 - raster.getSample(x, y, 0));
            }
        }

        Registration registration = FrameRegistration.register(tile, inverted);

        assertEquals(Verdict.LINES_UP, registration.verdict(), registration.toString());
        assertEquals(FrameWarp.IDENTITY, registration.warp());
        assertEquals(1.0, registration.coverage());
    }

    /** A frame made from the tile by a known shift, scale and turn: the warp is found to within half a pixel. */
    @Test
    void aKnownWarpIsFoundAgain() throws IOException {
        BufferedImage tile = colour(12);
        double turn = Math.toRadians(2);
        double scale = 1.1;
        FrameWarp known = new FrameWarp(scale * Math.cos(turn), -scale * Math.sin(turn), -40,
                scale * Math.sin(turn), scale * Math.cos(turn), -30);
        // the frame sees only the tile's ground: no border of its own to match
        BufferedImage frame = NearInfrared.warped(greyOf(tile), known.inverse(), 400, 520);

        Registration registration = FrameRegistration.register(tile, frame);

        assertEquals(Verdict.ALIGNED, registration.verdict(), registration.toString());
        assertTrue(registration.warp().distance(known, 480, 640) < 0.5,
                "found " + registration.warp() + ", made with " + known);
    }

    @Test
    void noiseIsNoFrameOfTheTile() throws IOException {
        BufferedImage noise = new BufferedImage(480, 640, BufferedImage.TYPE_BYTE_GRAY);
        Random random = new Random(7);
        for (int y = 0; y < 640; y++) {
            for (int x = 0; x < 480; x++) {
                noise.getRaster().setSample(x, y, 0, random.nextInt(256));
            }
        }

        Registration registration = FrameRegistration.register(colour(3), noise);

        assertEquals(Verdict.UNCERTAIN, registration.verdict(), registration.toString());
        assertEquals(FrameWarp.IDENTITY, registration.warp());
    }

    /** Too small for edges to say anything: laid as it is, uncertain, without an error. */
    @Test
    void aFewPixelsAreUncertain() {
        for (int side : new int[] {1, 2, 5}) {
            BufferedImage tile = new BufferedImage(side, side + 1, BufferedImage.TYPE_INT_RGB);
            BufferedImage frame = new BufferedImage(side, side + 1, BufferedImage.TYPE_BYTE_GRAY);
            tile.setRGB(0, 0, 0xffffff);

            Registration registration = FrameRegistration.register(tile, frame);

            assertEquals(Verdict.UNCERTAIN, registration.verdict(), side + ": " + registration);
            assertEquals(FrameWarp.IDENTITY, registration.warp());
        }
    }

    static BufferedImage greyOf(BufferedImage colour) {
        BufferedImage grey = new BufferedImage(colour.getWidth(), colour.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < colour.getHeight(); y++) {
            for (int x = 0; x < colour.getWidth(); x++) {
                int rgb = colour.getRGB(x, y);
                grey.getRaster().setSample(x, y, 0, ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3);
            }
        }
        return grey;
    }
}
