package org.meander.prompts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.meander.project.LabelMask;

class RoughMaskCleanupTest {

    /** A 30 x 30 lake, a 5 x 5 speck, in a 64 x 64 tile. */
    private static final LabelMask LAKE_AND_SPECK = union(Masks.rectangle(64, 64, 10, 10, 39, 39),
            Masks.rectangle(64, 64, 50, 50, 54, 54));

    @Test
    void componentsUnderTheMinimumAreaGo() {
        RoughMask rough = new RoughMaskCleanup(400, 0).apply(LAKE_AND_SPECK);

        assertEquals(Masks.rectangle(64, 64, 10, 10, 39, 39), rough.water());
        assertEquals(rough.water(), rough.core(), "no erosion asked");
        assertEquals(900.0 / (64 * 64), rough.waterFraction(), 1e-12);
    }

    @Test
    void theCoreIsTheWaterErodedAndTheReachTheUncleanedWaterGrown() {
        RoughMask rough = new RoughMaskCleanup(400, 3).apply(LAKE_AND_SPECK);

        assertEquals(Masks.rectangle(64, 64, 10, 10, 39, 39), rough.water());
        assertEquals(Masks.rectangle(64, 64, 13, 13, 36, 36), rough.core());
        // The speck is gone from the water but still keeps negative points away: it may be water all the same.
        assertEquals(union(Masks.rectangle(64, 64, 7, 7, 42, 42), Masks.rectangle(64, 64, 47, 47, 57, 57)),
                rough.reach());
    }

    @Test
    void waterAtTheTileEdgeIsNotErodedFromTheEdge() {
        LabelMask river = Masks.rectangle(64, 64, 0, 20, 63, 39);

        RoughMask rough = new RoughMaskCleanup(0, 3).apply(river);

        assertEquals(Masks.rectangle(64, 64, 0, 23, 63, 36), rough.core(), "the river goes on past the tile");
        assertEquals(Masks.rectangle(64, 64, 0, 17, 63, 42), rough.reach());
    }

    /** A strip a near-infrared frame does not reach: no value to threshold, so negative points keep away from it. */
    @Test
    void pixelsWithoutAValueAreNeitherWaterNorSurelyDry() {
        LabelMask river = Masks.rectangle(64, 64, 10, 20, 63, 39);
        LabelMask unknown = Masks.rectangle(64, 64, 0, 0, 9, 63);

        RoughMask rough = new RoughMaskCleanup(0, 3).apply(river, unknown);

        assertEquals(river, rough.water());
        assertEquals(union(Masks.rectangle(64, 64, 7, 17, 63, 42), Masks.rectangle(64, 64, 0, 0, 12, 63)),
                rough.reach(), "no negative point on the strip, nor within 3 pixels of it");
    }

    @Test
    void aMaskErodedAwayIsEmpty() {
        LabelMask creek = Masks.rectangle(64, 64, 0, 30, 63, 34);

        assertTrue(new RoughMaskCleanup(0, 3).apply(creek).isEmpty(), "5 pixels wide, eroded by 3 from each side");
        assertFalse(new RoughMaskCleanup(0, 2).apply(creek).isEmpty());
        assertTrue(new RoughMaskCleanup(400, 0).apply(Masks.rectangle(64, 64, 0, 0, 9, 9)).isEmpty(),
                "100 pixels, under the minimum area");
    }

    @Test
    void negativeSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RoughMaskCleanup(-1, 3));
        assertThrows(IllegalArgumentException.class, () -> new RoughMaskCleanup(400, -1));
    }

    static LabelMask union(LabelMask a, LabelMask b) {
        byte[] pixels = new byte[a.pixels().length];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (a.pixels()[i] | b.pixels()[i]);
        }
        return new LabelMask(a.width(), a.height(), pixels);
    }
}
