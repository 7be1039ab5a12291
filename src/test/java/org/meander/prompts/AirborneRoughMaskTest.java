package org.meander.prompts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meander.project.LabelMask;
import org.meander.project.Project;
import org.meander.project.Tile;
import org.meander.sam.Point;
import org.meander.sam.Prompt;
import org.meander.sam.RgbImage;
import org.meander.testing.Fixtures;

/**
 * Rough masks of the real Elwha airborne frames (no ground truth comes with them): the river pixels named here were
 * picked by eye in the RGB frames, as were the forest and meadow pixels.
 */
class AirborneRoughMaskTest {

    private static final Path FRAMES = Fixtures.shared().resolve("data/elwha-airborne");

    @TempDir
    Path dir;

    @Test
    void colourFindsTheRiverAndNotTheForest() throws IOException {
        RoughMask frame1 = byColour(1);
        assertPlausibleWater(frame1);
        assertWater(frame1, 380, 340, 250, 420, 120, 540);
        assertNotWater(frame1, 200, 250, 100, 420, 150, 150);

        RoughMask frame13 = byColour(13);
        assertPlausibleWater(frame13);
        assertWater(frame13, 215, 250, 360, 500, 400, 600);
        assertNotWater(frame13, 100, 300, 30, 200);

        assertPlausibleWater(byColour(11));
    }

    @Test
    void framesOfRoadsAndFieldsHaveNoWater() throws IOException {
        assertTrue(byColour(22).isEmpty());
        assertTrue(byColour(23).isEmpty());
    }

    @Test
    void promptsLieInsideTheRoughMask() throws IOException {
        for (int frame : new int[] {1, 11, 13}) {
            RoughMask rough = byColour(frame);
            for (PromptRecipe recipe : new PromptRecipe[] {PromptRecipe.DEFAULT, new PromptRecipe(5, 3, true)}) {
                Prompt prompt = RoughMaskPrompts.draw(rough, recipe, new SplittableRandom(frame));
                assertNotNull(prompt, "frame " + frame);
                assertEquals(recipe.positives() + recipe.negatives(), prompt.points().size(), "frame " + frame);
                for (Point point : prompt.points()) {
                    int expected = point.label() == Point.POSITIVE ? 1 : 0;
                    assertEquals(expected, at(rough.water(), point), "frame " + frame + ": " + point);
                    if (prompt.box() != null) {
                        assertTrue(point.label() != Point.POSITIVE || inside(prompt, point), point + " outside "
                                + prompt.box());
                    }
                }
            }
        }
    }

    /**
     * The near-infrared frame is rendered with a "hot" colour map, whose r + g + b rises with the band: written as
     * grey, it is a NIR band, uncalibrated and compressed towards dark, so water scores far above McFeeters' 0 and
     * so does forest; 0.8 separates them. The NIR frame is also shifted against the RGB one by some 20 pixels, so
     * only the broad water survives: the ocean and the river's wide bend.
     */
    @Test
    void theWaterIndexOfTheNearInfraredFrameFindsOceanAndRiver() throws IOException {
        Path project = dir.resolve("project");
        Files.createDirectories(project.resolve("tiles"));
        Files.copy(FRAMES.resolve("airborne_1.png"), project.resolve("tiles/airborne_1.png"));
        writeGrey(ImageIO.read(FRAMES.resolve("airborne_ir_1.png").toFile()), project.resolve("nir/airborne_1.png"));
        Project opened = Project.open(project);
        Tile tile = opened.tiles().get(0);
        RoughMaskSettings settings = new RoughMaskSettings(RoughMaskSource.NDWI, new WaterIndex(0.8),
                HsvRange.RIVER_WATER, RoughMaskCleanup.DEFAULT);

        RoughMask rough = RoughMasks.of(opened, tile, settings);

        assertPlausibleWater(rough);
        assertWater(rough, 440, 20, 380, 340);
        assertNotWater(rough, 200, 250, 100, 420, 150, 150);
        Prompt prompt = RoughMaskPrompts.draw(rough, PromptRecipe.DEFAULT, new SplittableRandom(1));
        for (Point point : prompt.points()) {
            assertEquals(point.label() == Point.POSITIVE ? 1 : 0, at(rough.water(), point), point.toString());
        }
    }

    private static RoughMask byColour(int frame) throws IOException {
        BufferedImage image = ImageIO.read(FRAMES.resolve("airborne_" + frame + ".png").toFile());
        return RoughMaskCleanup.DEFAULT.apply(HsvRange.RIVER_WATER.select(RgbImage.from(image)));
    }

    /** The river takes a few percent of a frame; a mask of half the frame would be taking forest or fields. */
    private static void assertPlausibleWater(RoughMask rough) {
        assertFalse(rough.isEmpty());
        assertTrue(rough.waterFraction() > 0.01 && rough.waterFraction() < 0.15, "water " + rough.waterFraction());
    }

    private static void assertWater(RoughMask rough, int... xys) {
        for (int i = 0; i < xys.length; i += 2) {
            assertEquals(1, rough.water().pixels()[xys[i + 1] * rough.water().width() + xys[i]],
                    "water at " + xys[i] + "," + xys[i + 1]);
        }
    }

    private static void assertNotWater(RoughMask rough, int... xys) {
        for (int i = 0; i < xys.length; i += 2) {
            assertEquals(0, rough.water().pixels()[xys[i + 1] * rough.water().width() + xys[i]],
                    "no water at " + xys[i] + "," + xys[i + 1]);
        }
    }

    private static int at(LabelMask mask, Point point) {
        return mask.pixels()[(int) point.y() * mask.width() + (int) point.x()];
    }

    private static boolean inside(Prompt prompt, Point point) {
        return point.x() >= prompt.box().x0() && point.x() <= prompt.box().x1() && point.y() >= prompt.box().y0()
                && point.y() <= prompt.box().y1();
    }

    private static void writeGrey(BufferedImage hot, Path file) throws IOException {
        BufferedImage grey = new BufferedImage(hot.getWidth(), hot.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Raster colours = hot.getRaster();
        int[] pixel = new int[colours.getNumBands()];
        for (int y = 0; y < hot.getHeight(); y++) {
            for (int x = 0; x < hot.getWidth(); x++) {
                colours.getPixel(x, y, pixel);
                grey.getRaster().setSample(x, y, 0, (pixel[0] + pixel[1] + pixel[2]) / 3);
            }
        }
        Files.createDirectories(file.getParent());
        ImageIO.write(grey, "png", file.toFile());
    }
}
