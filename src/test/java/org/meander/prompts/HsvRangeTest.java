package org.meander.prompts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.meander.project.LabelMask;
import org.meander.sam.ImageSize;
import org.meander.sam.RgbImage;

class HsvRangeTest {

    private static final HsvRange ANY = new HsvRange(0, 360, 0, 1, 0, 1);

    @Test
    void hueSaturationAndValueAreTheHexconesOnes() {
        // (200, 230, 255): max 255 (blue), chroma 55, hue 60 * (4 + (200 - 230) / 55) = 207.27, saturation 0.2157
        assertTrue(new HsvRange(207, 207.5, 0.215, 0.216, 1, 1).contains(200, 230, 255));
        assertFalse(new HsvRange(207.5, 208, 0, 1, 0, 1).contains(200, 230, 255));
        // (90, 119, 145): max 145, value 0.5686, chroma 55, hue 60 * (4 + (90 - 119) / 55) = 208.36
        assertTrue(new HsvRange(208, 208.5, 0.379, 0.38, 0.568, 0.569).contains(90, 119, 145));
        // pure colours
        assertTrue(new HsvRange(0, 0, 1, 1, 1, 1).contains(255, 0, 0));
        assertTrue(new HsvRange(120, 120, 1, 1, 1, 1).contains(0, 255, 0));
        assertTrue(new HsvRange(240, 240, 1, 1, 1, 1).contains(0, 0, 255));
        // black has neither saturation nor hue
        assertTrue(new HsvRange(0, 0, 0, 0, 0, 0).contains(0, 0, 0));
    }

    @Test
    void aHueRangeWhoseStartIsAboveItsEndWrapsThroughZero() {
        HsvRange red = new HsvRange(340, 20, 0, 1, 0, 1);
        assertTrue(red.contains(255, 0, 0));
        assertTrue(red.contains(255, 0, 40), "hue 350.6");
        assertTrue(red.contains(255, 60, 0), "hue 14.1");
        assertFalse(red.contains(255, 120, 0), "hue 28.2");
        assertFalse(red.contains(0, 255, 0));
    }

    @Test
    void riverWaterTakesPaleBlueAndLeavesForestSandAndGlare() {
        HsvRange water = HsvRange.RIVER_WATER;
        // pixels of the Elwha frames: river, then forest, pink sand, a meadow and clipped white
        assertTrue(water.contains(211, 231, 255));
        assertTrue(water.contains(188, 233, 255));
        assertFalse(water.contains(90, 119, 145));
        assertFalse(water.contains(203, 172, 180));
        assertFalse(water.contains(154, 176, 189));
        assertFalse(water.contains(255, 255, 255));
    }

    @Test
    void selectMarksThePixelsInTheRange() {
        byte[] rgb = {(byte) 211, (byte) 231, (byte) 255, 90, 119, (byte) 145, (byte) 255, (byte) 255, (byte) 255,
                (byte) 188, (byte) 233, (byte) 255};
        RgbImage image = new RgbImage(new ImageSize(2, 2), rgb);

        assertEquals(new LabelMask(2, 2, new byte[] {1, 0, 0, 1}), HsvRange.RIVER_WATER.select(image));
        assertEquals(new LabelMask(2, 2, new byte[] {1, 1, 1, 1}), ANY.select(image));
    }

    @Test
    void rangesOutsideTheirScalesOrInvertedAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new HsvRange(0, 361, 0, 1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new HsvRange(0, 360, -0.1, 1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new HsvRange(0, 360, 0.5, 0.4, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new HsvRange(0, 360, 0, 1, 0.9, 0.8));
        assertThrows(IllegalArgumentException.class, () -> new HsvRange(0, 360, 0, 1, 0, 255));
    }
}
