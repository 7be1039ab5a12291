package org.meander.project.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.meander.project.LabelMask;
import org.meander.testing.OutlineAssertions;
import org.meander.testing.RaggedMask;

class MaskTracerTest {

    @Test
    void aPixelIsASquareWithItsForegroundOnTheRight() {
        List<Outline> outlines = MaskTracer.trace(mask(".#.", "..."));
        assertEquals(1, outlines.size());
        Ring square = outlines.get(0).outer();
        assertEquals(4, square.size());
        assertEquals(2, square.twiceArea());
        assertEquals(Set.of(List.of(1, 0), List.of(2, 0), List.of(2, 1), List.of(1, 1)), cornersOf(square));
        assertTrue(outlines.get(0).holes().isEmpty());
    }

    @Test
    void aFullMaskIsItsFrameAndAnEmptyOneHasNoOutline() {
        List<Outline> full = MaskTracer.trace(mask("###", "###"));
        assertEquals(1, full.size());
        assertEquals(Set.of(List.of(0, 0), List.of(3, 0), List.of(3, 2), List.of(0, 2)),
                cornersOf(full.get(0).outer()));
        assertTrue(MaskTracer.trace(mask("...", "...")).isEmpty());
    }

    @Test
    void aHoleIsARingOfItsOwnInsideTheOuterOne() {
        List<Outline> outlines = MaskTracer.trace(mask(
                "####",
                "#..#",
                "####"));
        assertEquals(1, outlines.size());
        Outline ring = outlines.get(0);
        assertEquals(1, ring.holes().size());
        assertEquals(-4, ring.holes().get(0).twiceArea());
        assertEquals(10, ring.area());
    }

    @Test
    void pixelsTouchingAtACornerAreSeparateRegions() {
        for (LabelMask diagonal : List.of(mask("#.", ".#"), mask(".#", "#."))) {
            List<Outline> outlines = MaskTracer.trace(diagonal);
            assertEquals(2, outlines.size(), diagonal.toString());
            outlines.forEach(outline -> assertEquals(1, outline.area()));
            OutlineAssertions.assertCovers(diagonal, outlines);
        }
    }

    @Test
    void aRegionTouchingItselfAtACornerGetsAHoleTouchingItsOuterRing() {
        // the ring around the region passes corner (3, 3) twice; cut there, the enclosed background is a hole
        LabelMask pinched = mask(
                "####.",
                "#..#.",
                "#...#",
                "#####");
        List<Outline> outlines = MaskTracer.trace(pinched);
        assertEquals(1, outlines.size());
        assertEquals(1, outlines.get(0).holes().size());
        assertEquals(13, outlines.get(0).area());
        OutlineAssertions.assertCovers(pinched, outlines);
    }

    @Test
    void holesTouchingAtACornerAreTwoRings() {
        LabelMask twoHoles = mask(
                "####",
                "#.##",
                "##.#",
                "####");
        List<Outline> outlines = MaskTracer.trace(twoHoles);
        assertEquals(1, outlines.size());
        assertEquals(2, outlines.get(0).holes().size());
        OutlineAssertions.assertCovers(twoHoles, outlines);
    }

    @Test
    void anIslandInAHoleIsARegionOfItsOwnWithItsOwnHole() {
        LabelMask nested = mask(
                "#########",
                "#.......#",
                "#.#####.#",
                "#.#...#.#",
                "#.#####.#",
                "#.......#",
                "#########");
        List<Outline> outlines = MaskTracer.trace(nested);
        assertEquals(2, outlines.size());
        Outline river = outlines.get(0);
        Outline island = outlines.get(1);
        assertEquals(1, river.holes().size());
        assertEquals(1, island.holes().size());
        assertEquals(28, river.area());
        assertEquals(12, island.area());
        OutlineAssertions.assertCovers(nested, outlines);
    }

    @Test
    void randomMasksAreCoveredExactlyBySimpleRings() {
        SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 200; trial++) {
            int width = 1 + random.nextInt(24);
            int height = 1 + random.nextInt(24);
            double fill = random.nextDouble();
            byte[] pixels = new byte[width * height];
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = (byte) (random.nextDouble() < fill ? 1 : 0);
            }
            LabelMask mask = new LabelMask(width, height, pixels);
            OutlineAssertions.assertCovers(mask, MaskTracer.trace(mask));
        }
    }

    /** Speckle: one region whose outline runs to thousands of corners, holding a thousand holes. */
    @Test
    void aNoisyMasksHolesGoToTheRegionsAroundThem() {
        SplittableRandom random = new SplittableRandom(3);
        byte[] pixels = new byte[150 * 150];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (random.nextDouble() < 0.62 ? 1 : 0);
        }
        LabelMask speckle = new LabelMask(150, 150, pixels);
        List<Outline> outlines = MaskTracer.trace(speckle);
        assertTrue(outlines.get(0).outer().size() > 1000 && outlines.get(0).holes().size() > 1000,
                outlines.get(0).outer().size() + " corners, " + outlines.get(0).holes().size() + " holes");
        OutlineAssertions.assertCovers(speckle, outlines);
    }

    @Test
    void aRaggedMaskOfARealFrameIsCoveredExactly() throws IOException {
        LabelMask ragged = RaggedMask.ofFrame(1);
        List<Outline> outlines = MaskTracer.trace(ragged);
        assertTrue(outlines.size() > 50, outlines.size() + " regions");
        assertTrue(outlines.stream().mapToInt(o -> o.holes().size()).sum() > 20);
        OutlineAssertions.assertCovers(ragged, outlines);
    }

    @Test
    void rowsOfAnotherWidthAreRefused() {
        MaskTracer tracer = new MaskTracer(4);
        IllegalArgumentException error = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> tracer.addRow(new byte[3]));
        assertEquals("row 0 has 3 pixels, the mask 4", error.getMessage());
    }

    private static Set<List<Integer>> cornersOf(Ring ring) {
        Set<List<Integer>> corners = new HashSet<>();
        for (int i = 0; i < ring.size(); i++) {
            corners.add(List.of(ring.x(i), ring.y(i)));
        }
        return corners;
    }

    static LabelMask mask(String... rows) {
        int width = rows[0].length();
        byte[] pixels = new byte[width * rows.length];
        for (int y = 0; y < rows.length; y++) {
            for (int x = 0; x < width; x++) {
                pixels[y * width + x] = (byte) (rows[y].charAt(x) == '#' ? 1 : 0);
            }
        }
        return new LabelMask(width, rows.length, pixels);
    }
}
