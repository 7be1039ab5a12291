package org.meander.project.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.meander.project.LabelMask;

class PolygonTest {

    private static final List<double[]> SQUARE = List.of(
            new double[] {10, 10}, new double[] {20, 10}, new double[] {20, 20}, new double[] {10, 20});

    /** A U, 30 wide and tall, with a 10 x 20 notch cut down from the top: 900 - 200 pixels. */
    private static final List<double[]> U = List.of(
            new double[] {5, 5}, new double[] {15, 5}, new double[] {15, 25}, new double[] {25, 25},
            new double[] {25, 5}, new double[] {35, 5}, new double[] {35, 35}, new double[] {5, 35});

    @Test
    void fillingASquareTakesThePixelsWhoseCentresAreInside() {
        LabelMask filled = MaskOps.polygon(MaskOps.empty(30, 30), SQUARE, true);
        assertEquals(100, Masks.count(filled));
        assertTrue(Masks.at(filled, 10, 10));
        assertTrue(Masks.at(filled, 19, 19));
        assertFalse(Masks.at(filled, 20, 15));
        assertFalse(Masks.at(filled, 15, 9));
    }

    @Test
    void cuttingASquareClearsTheSamePixels() {
        LabelMask cut = MaskOps.polygon(Masks.full(30, 30), SQUARE, false);
        assertEquals(900 - 100, Masks.count(cut));
        assertFalse(Masks.at(cut, 10, 10));
        assertTrue(Masks.at(cut, 9, 10));
    }

    @Test
    void aConcaveShapeLeavesItsNotchAlone() {
        LabelMask filled = MaskOps.polygon(MaskOps.empty(40, 40), U, true);
        assertEquals(700, Masks.count(filled));
        assertFalse(Masks.at(filled, 20, 10));
        assertTrue(Masks.at(filled, 20, 30));
        assertEquals(1600 - 700, Masks.count(MaskOps.polygon(Masks.full(40, 40), U, false)));
    }

    @Test
    void aSelfCrossingOutlineFollowsTheEvenOddRule() {
        List<double[]> pentagram = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            double angle = Math.toRadians(-90 + 144 * k);
            pentagram.add(new double[] {50 + 40 * Math.cos(angle), 50 + 40 * Math.sin(angle)});
        }
        LabelMask star = MaskOps.polygon(MaskOps.empty(100, 100), pentagram, true);
        assertFalse(Masks.at(star, 50, 50), "the pentagon enclosed twice is outside");
        assertTrue(Masks.at(star, 50, 20), "a point of the star is inside");
    }

    @Test
    void polygonsSharingAnEdgeSplitThePixelsOnItBetweenThem() {
        // The shared edge x = 20.5 runs through the centres of column 20; the one to its right takes them.
        List<double[]> left = List.of(new double[] {10, 10.5}, new double[] {20.5, 10.5},
                new double[] {20.5, 20.5}, new double[] {10, 20.5});
        List<double[]> right = List.of(new double[] {20.5, 10.5}, new double[] {30, 10.5},
                new double[] {30, 20.5}, new double[] {20.5, 20.5});
        LabelMask leftFilled = MaskOps.polygon(MaskOps.empty(40, 40), left, true);
        LabelMask rightFilled = MaskOps.polygon(MaskOps.empty(40, 40), right, true);
        LabelMask both = MaskOps.combine(leftFilled, rightFilled, CombineMode.ADD);
        assertEquals(Masks.count(both), Masks.count(leftFilled) + Masks.count(rightFilled));
        assertEquals(20 * 10, Masks.count(both));
        assertTrue(Masks.at(rightFilled, 20, 15));
    }

    @Test
    void aPolygonPartlyOutsideTheImageIsClipped() {
        List<double[]> overhanging = List.of(new double[] {-10, -10}, new double[] {5, -10},
                new double[] {5, 5}, new double[] {-10, 5});
        assertEquals(25, Masks.count(MaskOps.polygon(MaskOps.empty(20, 20), overhanging, true)));
    }

    @Test
    void fewerThanThreeVerticesEncloseNothing() {
        List<double[]> line = List.of(new double[] {1, 1}, new double[] {8, 8});
        assertEquals(0, Masks.count(MaskOps.polygon(MaskOps.empty(10, 10), line, true)));
    }

    @Test
    void aVertexIsAnXAndAY() {
        List<double[]> bad = List.of(new double[] {1, 1}, new double[] {8}, new double[] {1, 8});
        assertThrows(IllegalArgumentException.class, () -> MaskOps.polygon(MaskOps.empty(10, 10), bad, true));
    }
}
