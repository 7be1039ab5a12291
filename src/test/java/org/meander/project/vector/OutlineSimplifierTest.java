package org.meander.project.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.distance.DiscreteHausdorffDistance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.meander.project.LabelMask;
import org.meander.testing.RaggedMask;

class OutlineSimplifierTest {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    @Test
    void noToleranceGivesTheOutlinesBack() throws IOException {
        List<Outline> outlines = MaskTracer.trace(RaggedMask.ofFrame(1));
        assertSame(outlines, OutlineSimplifier.simplify(outlines, 0));
    }

    @Test
    void aStaircaseAlongADiagonalBankBecomesOneEdge() {
        String[] rows = new String[40];
        for (int y = 0; y < rows.length; y++) {
            rows[y] = "#".repeat(y + 1) + ".".repeat(rows.length - y - 1);
        }
        Outline staircase = MaskTracer.trace(MaskTracerTest.mask(rows)).get(0);
        assertTrue(staircase.outer().size() > 80, staircase.outer().size() + " corners");

        Outline simplified = OutlineSimplifier.simplify(List.of(staircase), 0.75).get(0);

        assertTrue(simplified.outer().size() <= 4, simplified.outer().toString());
        assertTrue(Math.abs(simplified.area() - staircase.area()) <= 20, simplified.area() + " against 820");
        assertTrue(simplified.outer().twiceArea() > 0, "the outer ring still runs the same way");
    }

    /**
     * A real river mask's 2504 regions and their holes: every polygon valid, none over another, each near its own
     * (within the tolerance, or twice it where JTS dropped a ring's first corner).
     */
    @Test
    void aRaggedRiverStaysValidWithTheSameRegionsAndHoles() throws IOException {
        LabelMask ragged = RaggedMask.ofFrame(1);
        List<Outline> traced = MaskTracer.trace(ragged);

        List<Outline> simplified = OutlineSimplifier.simplify(traced, 1.0);

        assertEquals(traced.size(), simplified.size());
        long tracedCorners = 0;
        long keptCorners = 0;
        for (int i = 0; i < traced.size(); i++) {
            Outline before = traced.get(i);
            Outline after = simplified.get(i);
            assertEquals(before.holes().size(), after.holes().size(), "region " + i);
            assertKeepsCornersNear(before.outer(), after.outer(), 2.0);
            for (int h = 0; h < before.holes().size(); h++) {
                assertKeepsCornersNear(before.holes().get(h), after.holes().get(h), 2.0);
            }
            tracedCorners += corners(before);
            keptCorners += corners(after);
        }
        assertValid(simplified);
        assertNoCornerOnAnotherEdge(simplified);
        assertTrue(keptCorners < tracedCorners / 2, keptCorners + " of " + tracedCorners + " corners kept");
        double area = traced.stream().mapToDouble(Outline::area).sum();
        double simplifiedArea = simplified.stream().mapToDouble(Outline::area).sum();
        assertTrue(Math.abs(simplifiedArea - area) < 0.02 * area, simplifiedArea + " against " + area);
    }

    /** Speckle: regions touching at corners, holes touching their outer rings; a large tolerance merges none. */
    @Test
    void speckleAtALargeToleranceStaysValid() {
        SplittableRandom random = new SplittableRandom(5);
        byte[] pixels = new byte[80 * 80];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (random.nextDouble() < 0.55 ? 1 : 0);
        }
        List<Outline> traced = MaskTracer.trace(new LabelMask(80, 80, pixels));

        List<Outline> simplified = OutlineSimplifier.simplify(traced, 3.0);

        assertEquals(traced.size(), simplified.size());
        assertValid(simplified);
        for (int i = 0; i < traced.size(); i++) {
            assertEquals(traced.get(i).holes().size(), simplified.get(i).holes().size());
        }
    }

    /**
     * Dense speckle beside a smooth pond: more corners than JTS simplifies in one go within minutes (it took half a
     * minute and more). Cell by cell, the speckle and the pond are both simplified, and the whole stays valid.
     */
    @Test
    void denseSpeckleIsSimplifiedCellByCell() {
        int width = 850;
        int height = 500;
        byte[] pixels = new byte[width * height];
        SplittableRandom random = new SplittableRandom(9);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean speck = x < 550 && random.nextDouble() < 0.55;
                boolean pond = Math.hypot(x - 710, y - 250) < 120;
                pixels[y * width + x] = (byte) (speck || pond ? 1 : 0);
            }
        }
        List<Outline> traced = MaskTracer.trace(new LabelMask(width, height, pixels));
        Outline pondOutline = traced.stream().filter(o -> o.outer().x(0) > 550).findFirst().orElseThrow();
        long speckleCorners = traced.stream().filter(o -> o != pondOutline)
                .mapToLong(OutlineSimplifierTest::corners).sum();
        assertTrue(speckleCorners > 200_000, speckleCorners + " corners of speckle");

        List<Outline> simplified = OutlineSimplifier.simplify(traced, 1.0);

        long simplifiedSpeckle = 0;
        for (int i = 0; i < traced.size(); i++) {
            if (traced.get(i) == pondOutline) {
                assertTrue(corners(simplified.get(i)) < corners(pondOutline) / 2, "the pond is simplified");
            } else {
                simplifiedSpeckle += corners(simplified.get(i));
            }
        }
        assertTrue(simplifiedSpeckle < 0.8 * speckleCorners, simplifiedSpeckle + " of " + speckleCorners
                + " speckle corners kept");
        assertValid(simplified);
        assertNoCornerOnAnotherEdge(simplified);
    }

    @Test
    void aNegativeOrMissingToleranceIsRefused() {
        List<Outline> outlines = MaskTracer.trace(MaskTracerTest.mask("##", "##"));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> OutlineSimplifier.simplify(outlines, -1));
        assertEquals("the simplification tolerance must be 0 or more pixels, got -1.0", error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> OutlineSimplifier.simplify(outlines, Double.NaN));
    }

    /** Every corner kept is one of the ring's own, in the same turn, and every corner dropped lies within reach. */
    private static void assertKeepsCornersNear(Ring traced, Ring simplified, double reach) {
        Set<List<Integer>> own = new HashSet<>();
        for (int i = 0; i < traced.size(); i++) {
            own.add(List.of(traced.x(i), traced.y(i)));
        }
        for (int i = 0; i < simplified.size(); i++) {
            assertTrue(own.contains(List.of(simplified.x(i), simplified.y(i))), "a corner that was not there");
        }
        assertEquals(Long.signum(traced.twiceArea()), Long.signum(simplified.twiceArea()));
        double distance = DiscreteHausdorffDistance.distance(jts(traced), jts(simplified));
        assertTrue(distance <= reach, "a corner " + distance + " pixels from its simplified ring");
    }

    private static void assertValid(List<Outline> outlines) {
        org.locationtech.jts.geom.Polygon[] polygons = new org.locationtech.jts.geom.Polygon[outlines.size()];
        for (int i = 0; i < polygons.length; i++) {
            Outline outline = outlines.get(i);
            LinearRing[] holes = outline.holes().stream().map(OutlineSimplifierTest::jts).toArray(LinearRing[]::new);
            polygons[i] = GEOMETRY.createPolygon(jts(outline.outer()), holes);
        }
        Geometry all = GEOMETRY.createMultiPolygon(polygons);
        IsValidOp validity = new IsValidOp(all);
        assertTrue(validity.isValid(), () -> String.valueOf(validity.getValidationError()));
    }

    /**
     * Rings may touch only at a corner of both: a corner lying on another ring's edge is valid, but only just, and an
     * outline carried into longitude and latitude (where edges bend) turns it into a crossing.
     */
    private static void assertNoCornerOnAnotherEdge(List<Outline> outlines) {
        List<Ring> rings = new ArrayList<>();
        outlines.forEach(o -> {
            rings.add(o.outer());
            rings.addAll(o.holes());
        });
        Map<List<Integer>, List<Integer>> ringsAt = new HashMap<>();
        for (int r = 0; r < rings.size(); r++) {
            Ring ring = rings.get(r);
            for (int i = 0; i < ring.size(); i++) {
                ringsAt.computeIfAbsent(List.of(ring.x(i), ring.y(i)), k -> new ArrayList<>()).add(r);
            }
        }
        for (int r = 0; r < rings.size(); r++) {
            Ring ring = rings.get(r);
            for (int i = 0; i < ring.size(); i++) {
                int j = (i + 1) % ring.size();
                int x0 = ring.x(i);
                int y0 = ring.y(i);
                int dx = ring.x(j) - x0;
                int dy = ring.y(j) - y0;
                for (int x = Math.min(x0, x0 + dx); x <= Math.max(x0, x0 + dx); x++) {
                    for (int y = Math.min(y0, y0 + dy); y <= Math.max(y0, y0 + dy); y++) {
                        boolean inside = (long) (x - x0) * dy == (long) (y - y0) * dx
                                && !(x == x0 && y == y0) && !(x == x0 + dx && y == y0 + dy);
                        List<Integer> others = inside ? ringsAt.get(List.of(x, y)) : null;
                        assertTrue(others == null, "a corner of ring " + others + " at " + x + ", " + y
                                + " on an edge of ring " + r);
                    }
                }
            }
        }
    }

    private static LinearRing jts(Ring ring) {
        Coordinate[] points = new Coordinate[ring.size() + 1];
        for (int i = 0; i < ring.size(); i++) {
            points[i] = new Coordinate(ring.x(i), ring.y(i));
        }
        points[ring.size()] = points[0];
        return GEOMETRY.createLinearRing(points);
    }

    private static long corners(Outline outline) {
        return outline.outer().size() + outline.holes().stream().mapToLong(Ring::size).sum();
    }
}
