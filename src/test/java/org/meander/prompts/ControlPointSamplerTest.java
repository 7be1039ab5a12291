package org.meander.prompts;

import org.junit.jupiter.api.Test;
import org.meander.project.LabelMask;
import org.meander.sam.Point;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ControlPointSamplerTest {

    private static final LabelMask RIVER = Masks.river();

    @Test
    void givesExactlyTheAskedPointsPositivesFirst() {
        List<Point> points = sampler(5, 3, true).sample(RIVER, new SplittableRandom(1));

        assertEquals(8, points.size());
        points.subList(0, 5).forEach(point -> assertEquals(Point.POSITIVE, point.label()));
        points.subList(5, 8).forEach(point -> assertEquals(Point.NEGATIVE, point.label()));
    }

    @Test
    void padsWhenTheRegionRunsOut() {
        LabelMask threePixels = Masks.withForeground(10, 10, 2, 2, 7, 3, 4, 8);

        List<Point> points = sampler(5, 0, false).sample(threePixels, new SplittableRandom(3));

        Set<Point> real = new HashSet<>(points.subList(0, 3));
        assertEquals(Set.of(new Point(2, 2, 1), new Point(7, 3, 1), new Point(4, 8, 1)), real);
        assertEquals(List.of(new Point(0, 0, Point.PADDING), new Point(0, 0, Point.PADDING)), points.subList(3, 5));
    }

    @Test
    void erosionThatEmptiesTheRegionGivesOnlyPadding() {
        // A one-pixel line of 512 pixels: int(512^0.6 / 35) = int(42.2 / 35) = 1 iteration, which removes it.
        LabelMask line = Masks.rectangle(512, 64, 0, 30, 511, 30);

        List<Point> points = sampler(3, 1, true).sample(line, new SplittableRandom(5));

        assertEquals(List.of(new Point(0, 0, Point.PADDING), new Point(0, 0, Point.PADDING),
                new Point(0, 0, Point.PADDING)), points.subList(0, 3));
        assertEquals(Point.NEGATIVE, points.get(3).label());
    }

    @Test
    void erosionIterationsFollowTheSeedsFormula() {
        // 10000^0.6 = 10^2.4 = 251.19: / 35 = 7.18 and / 50 = 5.02.
        assertEquals(7, PointKind.POSITIVE.erosionIterations(10_000));
        assertEquals(5, PointKind.NEGATIVE.erosionIterations(10_000));
        // 512^2 = 2^18, and 2^(18 * 0.6) = 2^10.8 = 1782.89: / 35 = 50.94 and / 50 = 35.66, truncated, not rounded.
        assertEquals(50, PointKind.POSITIVE.erosionIterations(512 * 512));
        assertEquals(35, PointKind.NEGATIVE.erosionIterations(512 * 512));
        // 34^0.6 = 8.30, below 35 and 50: a small region is not eroded at all.
        assertEquals(0, PointKind.POSITIVE.erosionIterations(34));
    }

    @Test
    void pointsLieInTheirErodedRegions() {
        int positiveMargin = PointKind.POSITIVE.erosionIterations(Masks.count(RIVER, 1));
        int negativeMargin = PointKind.NEGATIVE.erosionIterations(Masks.count(RIVER, 0));
        assertTrue(positiveMargin > 5 && negativeMargin > 5, "the river should be eroded noticeably");

        for (int seed = 0; seed < 20; seed++) {
            for (Point point : sampler(6, 6, true).sample(RIVER, new SplittableRandom(seed))) {
                if (point.label() == Point.POSITIVE) {
                    assertTrue(surroundedBy(point, positiveMargin, 1, false), "positive " + point + " near the edge");
                } else {
                    assertEquals(Point.NEGATIVE, point.label(), "the river is large enough for every point");
                    assertTrue(surroundedBy(point, negativeMargin, 0, true), "negative " + point + " near the river");
                }
            }
        }
    }

    @Test
    void withoutErosionPointsStillKeepToTheirRegions() {
        for (Point point : sampler(10, 10, false).sample(RIVER, new SplittableRandom(11))) {
            int value = RIVER.pixels()[(int) point.y() * RIVER.width() + (int) point.x()];
            assertEquals(point.label() == Point.POSITIVE ? 1 : 0, value, "point " + point);
        }
    }

    @Test
    void pointsOfAKindAreFartherApartThanTheClearedDisc() {
        int positives = 8;
        int negatives = 6;
        double positiveSpacing = 2.75 * Math.sqrt(Masks.count(RIVER, 1)) / positives;
        double negativeSpacing = 2.0 * Math.sqrt(Masks.count(RIVER, 0)) / negatives;

        for (int seed = 0; seed < 20; seed++) {
            List<Point> points = sampler(positives, negatives, false).sample(RIVER, new SplittableRandom(seed));
            assertSpacedBeyond(points.subList(0, positives), positiveSpacing);
            assertSpacedBeyond(points.subList(positives, positives + negatives), negativeSpacing);
        }
    }

    @Test
    void drawsUniformlyFromTheRegion() {
        LabelMask fourPixels = Masks.withForeground(8, 8, 1, 1, 6, 1, 1, 6, 6, 6);
        ControlPointSampler sampler = sampler(1, 0, false);
        SplittableRandom random = new SplittableRandom(13);
        int[] hits = new int[64];
        for (int draw = 0; draw < 4000; draw++) {
            Point point = sampler.sample(fourPixels, random).get(0);
            hits[(int) point.y() * 8 + (int) point.x()]++;
        }
        for (int pixel : new int[] {9, 14, 49, 54}) {
            assertTrue(hits[pixel] > 850 && hits[pixel] < 1150, "pixel " + pixel + " drawn " + hits[pixel] + " times");
        }
    }

    @Test
    void aSeedFixesThePromptAndOtherSeedsVaryIt() {
        ControlPointSampler sampler = sampler(4, 4, true);
        List<Point> first = sampler.sample(RIVER, new SplittableRandom(42));

        assertEquals(first, sampler.sample(RIVER, new SplittableRandom(42)));
        assertNotEquals(first, sampler.sample(RIVER, new SplittableRandom(43)));
    }

    private static ControlPointSampler sampler(int positives, int negatives, boolean erode) {
        return new ControlPointSampler(new ControlPointSettings(positives, negatives, erode));
    }

    /** Whether every pixel within the Chebyshev margin holds the value; outside the image counts only if allowed. */
    private static boolean surroundedBy(Point point, int margin, int value, boolean outsideAllowed) {
        int cx = (int) point.x();
        int cy = (int) point.y();
        for (int y = cy - margin; y <= cy + margin; y++) {
            for (int x = cx - margin; x <= cx + margin; x++) {
                boolean inside = x >= 0 && y >= 0 && x < RIVER.width() && y < RIVER.height();
                if (inside ? RIVER.pixels()[y * RIVER.width() + x] != value : !outsideAllowed) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void assertSpacedBeyond(List<Point> points, double spacing) {
        for (int i = 0; i < points.size(); i++) {
            for (int j = i + 1; j < points.size(); j++) {
                double distance = Math.hypot(points.get(i).x() - points.get(j).x(),
                        points.get(i).y() - points.get(j).y());
                assertTrue(distance > spacing, points.get(i) + " and " + points.get(j) + " are " + distance
                        + " apart, within " + spacing);
            }
        }
    }
}
