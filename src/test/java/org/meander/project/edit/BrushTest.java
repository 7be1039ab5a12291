package org.meander.project.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.meander.project.LabelMask;

class BrushTest {

    @Test
    void aDabCentredOnAPixelCoversTheLatticePointsOfTheDisc() {
        LabelMask dab = MaskOps.brush(MaskOps.empty(100, 100), 50.5, 50.5, 50.5, 50.5, 10, true);
        // Gauss's circle problem: 317 integer points lie within distance 10 of the origin.
        assertEquals(317, Masks.count(dab));
    }

    @Test
    void aDabAnywhereCoversAboutPiRSquared() {
        LabelMask dab = MaskOps.brush(MaskOps.empty(100, 100), 41.3, 57.8, 41.3, 57.8, 12.4, true);
        assertEquals(Math.PI * 12.4 * 12.4, Masks.count(dab), 0.03 * Math.PI * 12.4 * 12.4);
    }

    @Test
    void aSegmentCoversACapsule() {
        double length = Math.hypot(70.8 - 20.3, 60.4 - 30.1);
        double radius = 6.3;
        LabelMask capsule = MaskOps.brush(MaskOps.empty(100, 100), 20.3, 30.1, 70.8, 60.4, radius, true);
        double area = 2 * radius * length + Math.PI * radius * radius;
        assertEquals(area, Masks.count(capsule), 0.03 * area);
    }

    @Test
    void theRoundEndsAndSidesReachTheRadiusAndNoFurther() {
        LabelMask capsule = MaskOps.brush(MaskOps.empty(100, 100), 20.5, 50.5, 80.5, 50.5, 5.2, true);
        assertTrue(Masks.at(capsule, 15, 50));
        assertFalse(Masks.at(capsule, 14, 50));
        assertTrue(Masks.at(capsule, 85, 50));
        assertFalse(Masks.at(capsule, 86, 50));
        assertTrue(Masks.at(capsule, 50, 55));
        assertFalse(Masks.at(capsule, 50, 56));
    }

    @Test
    void erasingClearsTheSameDiscAndNothingElse() {
        LabelMask erased = MaskOps.brush(Masks.full(100, 100), 50.5, 50.5, 50.5, 50.5, 10, false);
        assertEquals(100 * 100 - 317, Masks.count(erased));
        assertFalse(Masks.at(erased, 50, 41));
        assertTrue(Masks.at(erased, 50, 39));
    }

    @Test
    void aDabAtTheCornerIsClippedToTheQuarterInside() {
        LabelMask corner = MaskOps.brush(MaskOps.empty(50, 50), 0.5, 0.5, 0.5, 0.5, 10, true);
        // Lattice points (i, j) with i, j >= 0 and i^2 + j^2 <= 100: (317 - 41) / 4 off the axes, plus 21 on them.
        assertEquals(90, Masks.count(corner));
    }

    @Test
    void strokesLeavingOrOutsideTheImageAreCut() {
        LabelMask leaving = MaskOps.brush(MaskOps.empty(100, 100), 90.5, 50.5, 250, 50.5, 2, true);
        assertTrue(Masks.at(leaving, 99, 50));
        // Columns 90-99, rows 48-52, and the round end: 3 pixels in column 89 and 1 in column 88.
        assertEquals(10 * 5 + 3 + 1, Masks.count(leaving));
        LabelMask outside = MaskOps.brush(MaskOps.empty(100, 100), -30, -30, -10, 200, 5, true);
        assertEquals(0, Masks.count(outside));
    }

    @Test
    void theInputIsLeftAlone() {
        LabelMask label = MaskOps.empty(20, 20);
        MaskOps.brush(label, 10, 10, 15, 15, 3, true);
        assertEquals(MaskOps.empty(20, 20), label);
    }

    @Test
    void aNegativeRadiusIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> MaskOps.brush(MaskOps.empty(5, 5), 1, 1, 2, 2, -1, true));
    }
}
