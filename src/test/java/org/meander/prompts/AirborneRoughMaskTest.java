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
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meander.project.ImageryOptions;
import org.meander.project.LabelMask;
import org.meander.project.Project;
import org.meander.project.ProjectImport;
import org.meander.project.Tile;
import org.meander.project.raster.BandChoice;
import org.meander.sam.Point;
import org.meander.sam.Prompt;
import org.meander.sam.RgbImage;
import org.meander.testing.Fixtures;
import org.meander.testing.TestRasters;

/**
 * Rough masks of the real Elwha airborne frames (no ground truth comes with them): the river pixels named here were
 * picked by eye in the RGB frames, as were the forest and meadow pixels.
 */
class AirborneRoughMaskTest {

    private static final Path FRAMES = Fixtures.shared().resolve("data/elwha-airborne");

    @TempDir
    Path dir;

    /** River and forest pixels of frame 1, picked by eye. */
    private static final int[] RIVER_1 = {380, 340, 250, 420, 120, 540};
    private static final int[] FOREST_1 = {200, 250, 100, 420, 150, 150};

    @Test
    void colourFindsTheRiverAndNotTheForest() throws IOException {
        RoughMask frame1 = byColour(1);
        assertPlausibleWater(frame1);
        assertWater(frame1, RIVER_1);
        assertNotWater(frame1, FOREST_1);

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
     * The near-infrared frame is rendered with a "hot" colour map, turned back into its levels on import: an
     * uncalibrated band compressed towards dark, so water scores far above McFeeters' 0 and so does forest; 0.8
     * separates them. The import warps the frame onto its image (its camera sees the ground shifted and 12% larger),
     * so the index finds the river's channels; where the frame does not reach (the top and left strips), nothing is
     * known, and no negative point lands there or near it.
     */
    @Test
    void theWaterIndexOfTheAlignedNearInfraredFrameFindsTheRiver() throws IOException {
        Path images = Files.createDirectories(dir.resolve("images"));
        Files.copy(FRAMES.resolve("airborne_1.png"), images.resolve("airborne_1.png"));
        Files.copy(FRAMES.resolve("airborne_ir_1.png"), images.resolve("airborne_ir_1.png"));
        ProjectImport.create(dir.resolve("project"), images, null, null,
                new ImageryOptions(BandChoice.DEFAULT, images));
        Project opened = Project.open(dir.resolve("project"));
        Tile tile = opened.tiles().get(0);
        RoughMaskSettings settings = new RoughMaskSettings(RoughMaskSource.NDWI, new WaterIndex(0.8),
                HsvRange.RIVER_WATER, RoughMaskCleanup.DEFAULT);

        RoughMask rough = RoughMasks.of(opened, tile, settings);

        assertPlausibleWater(rough);
        // the wetted channels, and the ocean at the top right, picked by eye in the colour infrared view
        assertWater(rough, 300, 335, 410, 390, 450, 460, 90, 452, 460, 80);
        assertNotWater(rough, FOREST_1);
        LabelMask unknown = NearInfraredBand.read(opened.nearInfraredFile(tile)).unknown();
        for (int seed = 1; seed <= 20; seed++) {
            Prompt prompt = RoughMaskPrompts.draw(rough, PromptRecipe.DEFAULT, new SplittableRandom(seed));
            for (Point point : prompt.points()) {
                assertEquals(point.label() == Point.POSITIVE ? 1 : 0, at(rough.water(), point), point.toString());
                for (int dy = -3; dy <= 3; dy++) {
                    for (int dx = -3; dx <= 3; dx++) {
                        int x = (int) point.x() + dx;
                        int y = (int) point.y() + dy;
                        boolean inside = x >= 0 && y >= 0 && x < unknown.width() && y < unknown.height();
                        assertTrue(!inside || unknown.pixels()[y * unknown.width() + x] == 0,
                                point + " lies within 3 pixels of where the band has no value");
                    }
                }
            }
        }
    }

    /**
     * The same frame as a 16-bit multispectral raster would hold it (red, green, blue and its aligned near-infrared,
     * each level times 20): the tile is stretched for the eye, and the water index, reading its green back as stored,
     * finds the river the 8-bit frame gives wherever the band has a value.
     */
    @Test
    void aSixteenBitVersionOfTheFrameGivesTheSameRiver() throws IOException {
        Path images = Files.createDirectories(dir.resolve("images"));
        Files.copy(FRAMES.resolve("airborne_1.png"), images.resolve("airborne_1.png"));
        Files.copy(FRAMES.resolve("airborne_ir_1.png"), images.resolve("airborne_ir_1.png"));
        ProjectImport.create(dir.resolve("eight"), images, null, null, new ImageryOptions(BandChoice.DEFAULT, images));
        Project eight = Project.open(dir.resolve("eight"));
        Tile frame = eight.tiles().get(0);
        RoughMaskSettings settings = new RoughMaskSettings(RoughMaskSource.NDWI, new WaterIndex(0.8),
                HsvRange.RIVER_WATER, RoughMaskCleanup.DEFAULT);
        Raster colours = ImageIO.read(frame.image().toFile()).getRaster();
        Raster band = ImageIO.read(eight.nearInfraredFile(frame).toFile()).getRaster();
        Path deep = dir.resolve("deep/airborne_1.tif");
        TestRasters.tiff(deep, TestRasters.raster(colours.getWidth(), colours.getHeight(), 4, 16,
                (x, y, b) -> 20 * (b < 3 ? colours.getSample(x, y, b) : band.getSample(x, y, 0))), 0, List.of());

        ProjectImport.create(dir.resolve("sixteen"), deep.getParent(), null, null,
                new ImageryOptions(new BandChoice(1, 2, 3, OptionalInt.of(4)), null));

        Project sixteen = Project.open(dir.resolve("sixteen"));
        LabelMask expected = RoughMasks.of(eight, frame, settings).water();
        LabelMask found = RoughMasks.of(sixteen, sixteen.tiles().get(0), settings).water();
        LabelMask unknown = NearInfraredBand.read(eight.nearInfraredFile(frame)).unknown();
        int known = 0;
        int agree = 0;
        int river = 0;
        for (int i = 0; i < expected.pixels().length; i++) {
            if (unknown.pixels()[i] == 0) {
                known++;
                agree += expected.pixels()[i] == found.pixels()[i] ? 1 : 0;
                river += expected.pixels()[i];
            }
        }
        assertTrue(river > 0.01 * known, "the 8-bit frame's river: " + river + " of " + known + " pixels");
        assertTrue(agree > 0.995 * known, agree + " of " + known + " known pixels agree");
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
}
