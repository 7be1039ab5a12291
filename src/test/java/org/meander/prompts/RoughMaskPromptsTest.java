package org.meander.prompts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.meander.project.LabelMask;
import org.meander.sam.Box;
import org.meander.sam.Point;
import org.meander.sam.Prompt;

class RoughMaskPromptsTest {

    /** The sampler tests' meandering river, with a 40 x 40 pond in a corner it does not reach. */
    private static final RoughMask RIVER_AND_POND = RoughMaskCleanup.DEFAULT.apply(
            RoughMaskCleanupTest.union(Masks.river(), Masks.rectangle(512, 512, 460, 0, 499, 39)));

    @Test
    void positivesLieInTheCoreAndNegativesBeyondTheReach() {
        for (int seed = 0; seed < 20; seed++) {
            Prompt prompt = RoughMaskPrompts.draw(RIVER_AND_POND, new PromptRecipe(5, 3, false),
                    new SplittableRandom(seed));

            assertNull(prompt.box());
            assertEquals(8, prompt.points().size(), "the river is large enough for every point");
            for (Point point : prompt.points()) {
                if (point.label() == Point.POSITIVE) {
                    assertEquals(1, at(RIVER_AND_POND.core(), point), "positive " + point);
                } else {
                    assertEquals(Point.NEGATIVE, point.label());
                    assertEquals(0, at(RIVER_AND_POND.reach(), point), "negative " + point);
                }
            }
        }
    }

    @Test
    void theBoxIsTheLargestBodysExtentAndThePositivesStayInIt() {
        for (int seed = 0; seed < 10; seed++) {
            Prompt prompt = RoughMaskPrompts.draw(RIVER_AND_POND, new PromptRecipe(4, 0, true),
                    new SplittableRandom(seed));

            // The river's band: y within 256 +- (120 + 25) across the whole width; the pond lies outside it.
            Box box = prompt.box();
            assertEquals(0, box.x0());
            assertEquals(511, box.x1());
            assertTrue(box.y0() >= 256 - 145 && box.y1() <= 256 + 145, box.toString());
            assertEquals(4, prompt.points().size());
            for (Point point : prompt.points()) {
                assertEquals(1, at(Masks.river(), point), "positive " + point + " outside the river");
            }
        }
    }

    @Test
    void theSameSeedGivesTheSamePrompt() {
        PromptRecipe recipe = new PromptRecipe(3, 2, true);
        assertEquals(RoughMaskPrompts.draw(RIVER_AND_POND, recipe, new SplittableRandom(42)),
                RoughMaskPrompts.draw(RIVER_AND_POND, recipe, new SplittableRandom(42)));
    }

    @Test
    void aRegionTooSmallGivesFewerPointsNotPadding() {
        // A 20 x 20 pond's core is 14 x 14 = 196 pixels; asked for 300 points, each clears a disc of radius
        // 2.75 * 14 / 300 < 1, its own pixel alone, so every pixel of the core becomes a point and the rest is not
        // padded.
        RoughMask pond = new RoughMaskCleanup(0, 3).apply(Masks.rectangle(64, 64, 10, 10, 29, 29));
        Prompt prompt = RoughMaskPrompts.draw(pond, new PromptRecipe(300, 0, false), new SplittableRandom(1));

        assertEquals(196, prompt.points().size());
        prompt.points().forEach(point -> assertEquals(Point.POSITIVE, point.label()));
    }

    @Test
    void nothingToDrawGivesNoPrompt() {
        RoughMask allWater = new RoughMaskCleanup(0, 0).apply(Masks.rectangle(8, 8, 0, 0, 7, 7));
        assertNull(RoughMaskPrompts.draw(allWater, new PromptRecipe(0, 2, false), new SplittableRandom(1)),
                "no pixel is surely dry");
        RoughMask noWater = new RoughMaskCleanup(0, 0).apply(new LabelMask(8, 8, new byte[64]));
        assertNull(RoughMaskPrompts.draw(noWater, new PromptRecipe(2, 0, true), new SplittableRandom(1)));
    }

    @Test
    void aRecipeWithoutPointsOrBoxIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PromptRecipe(0, 0, false));
        assertThrows(IllegalArgumentException.class, () -> new PromptRecipe(-1, 2, true));
    }

    private static int at(LabelMask mask, Point point) {
        return mask.pixels()[(int) point.y() * mask.width() + (int) point.x()];
    }
}
