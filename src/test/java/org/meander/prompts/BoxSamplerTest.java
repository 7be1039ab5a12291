package org.meander.prompts;

import org.junit.jupiter.api.Test;
import org.meander.project.LabelMask;
import org.meander.sam.Box;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BoxSamplerTest {

    @Test
    void withoutPerturbationTheBoxIsTheLabelsExtent() {
        // An L: the extent spans both arms, with x1 and y1 the last foreground column and row, not one past them.
        byte[] pixels = Masks.rectangle(40, 30, 3, 4, 5, 20).pixels();
        byte[] foot = Masks.rectangle(40, 30, 3, 18, 31, 20).pixels();
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] |= foot[i];
        }

        Box box = new BoxSampler(new BoxSettings(0)).sample(new LabelMask(40, 30, pixels), new SplittableRandom(1));

        assertEquals(new Box(3, 4, 31, 20), box);
    }

    @Test
    void eachCoordinateMovesByMinusPToPMinusOne() {
        LabelMask mask = Masks.rectangle(100, 100, 30, 35, 60, 70);
        BoxSampler sampler = new BoxSampler(new BoxSettings(5));
        SplittableRandom random = new SplittableRandom(2);
        int[] lowest = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
        int[] highest = {Integer.MIN_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE};
        for (int draw = 0; draw < 2000; draw++) {
            Box box = sampler.sample(mask, random);
            int[] shifts = {(int) box.x0() - 30, (int) box.y0() - 35, (int) box.x1() - 60, (int) box.y1() - 70};
            for (int side = 0; side < 4; side++) {
                lowest[side] = Math.min(lowest[side], shifts[side]);
                highest[side] = Math.max(highest[side], shifts[side]);
            }
        }
        for (int side = 0; side < 4; side++) {
            assertEquals(-5, lowest[side], "lowest shift of coordinate " + side);
            assertEquals(4, highest[side], "highest shift of coordinate " + side);
        }
    }

    @Test
    void perturbedBoxesStayInsideTheImage() {
        LabelMask everything = Masks.rectangle(50, 40, 0, 0, 49, 39);
        BoxSampler sampler = new BoxSampler(new BoxSettings(5));
        SplittableRandom random = new SplittableRandom(3);
        int clampedLow = 0;
        for (int draw = 0; draw < 1000; draw++) {
            Box box = sampler.sample(everything, random);
            assertTrue(box.x0() >= 0 && box.x0() <= 4 && box.y0() >= 0 && box.y0() <= 4, box.toString());
            assertTrue(box.x1() >= 44 && box.x1() <= 49 && box.y1() >= 34 && box.y1() <= 39, box.toString());
            if (box.x0() == 0) {
                clampedLow++;
            }
        }
        // Shifts -5..0 all clamp to 0: six of the ten, about 600 draws.
        assertTrue(clampedLow > 520 && clampedLow < 680, "x0 clamped to 0 in " + clampedLow + " of 1000 draws");
    }

    @Test
    void aPerturbationWiderThanTheLabelStillGivesAValidBox() {
        LabelMask onePixel = Masks.withForeground(20, 20, 10, 10);
        BoxSampler sampler = new BoxSampler(new BoxSettings(8));
        SplittableRandom random = new SplittableRandom(4);
        for (int draw = 0; draw < 500; draw++) {
            Box box = sampler.sample(onePixel, random);
            assertTrue(box.x0() <= box.x1() && box.y0() <= box.y1() && box.x0() >= 2 && box.x1() <= 17, box.toString());
        }
    }

    @Test
    void aSeedFixesTheBox() {
        BoxSampler sampler = new BoxSampler(new BoxSettings(10));
        LabelMask river = Masks.river();

        assertEquals(sampler.sample(river, new SplittableRandom(9)), sampler.sample(river, new SplittableRandom(9)));
    }

    @Test
    void anEmptyLabelHasNoBox() {
        LabelMask empty = new LabelMask(8, 8, new byte[64]);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new BoxSampler(new BoxSettings(0)).sample(empty, new SplittableRandom(0)));
        assertTrue(error.getMessage().contains("label is empty"), error.getMessage());
    }
}
