package org.meander.project.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.meander.project.LabelMask;

class PolygonRasterizerTest {

    @Test
    void tracedOutlinesFillBackToTheirMask() {
        SplittableRandom random = new SplittableRandom(5);
        for (int trial = 0; trial < 100; trial++) {
            int width = 1 + random.nextInt(30);
            int height = 1 + random.nextInt(30);
            double fill = random.nextDouble();
            byte[] pixels = new byte[width * height];
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = (byte) (random.nextDouble() < fill ? 1 : 0);
            }
            LabelMask mask = new LabelMask(width, height, pixels);
            PolygonRasterizer rasterizer = new PolygonRasterizer(width, height);
            MaskTracer.trace(mask).forEach(outline -> rasterizer.fill(polygonOf(outline)));
            assertArrayEquals(pixels, rasterizer.pixels(), "trial " + trial);
        }
    }

    @Test
    void aPixelIsInWhenItsCentreIs() {
        // x from 0.4 to 2.6 holds the centres 0.5, 1.5 and 2.5; y from 0.4 to 1.6 the centres 0.5 and 1.5
        assertEquals(mask(
                "###.",
                "###.",
                "...."), filled(4, 3, rectangle(0.4, 0.4, 2.6, 1.6)));
        // a centre on the edge: in on the left and top edges, out on the right and bottom ones
        assertEquals(mask(
                ".#..",
                "....",
                "...."), filled(4, 3, rectangle(1.5, 0.5, 2.5, 1.5)));
    }

    @Test
    void holesAreCutOutWhicheverWayTheirRingsRunAndPolygonsAddUp() {
        double[] outer = {0, 0, 5, 0, 5, 5, 0, 5, 0, 0};
        double[] holeSameWay = {1, 1, 4, 1, 4, 4, 1, 4, 1, 1};
        Polygon withHole = new Polygon(List.of(outer, holeSameWay));
        Polygon island = rectangle(2, 2, 3, 3);
        assertEquals(mask(
                "#####",
                "#...#",
                "#.#.#",
                "#...#",
                "#####"), filled(5, 5, withHole, island));
    }

    @Test
    void aPolygonReachingPastTheGridIsCutToIt() {
        assertEquals(mask(
                "..##",
                "..##"), filled(4, 2, rectangle(2, -100, 1e6, 1e6)));
        assertEquals(mask(
                "....",
                "...."), filled(4, 2, rectangle(-10, -10, -5, -5)));
    }

    private static Polygon polygonOf(Outline outline) {
        List<double[]> rings = new ArrayList<>();
        rings.add(points(outline.outer()));
        outline.holes().forEach(hole -> rings.add(points(hole)));
        return new Polygon(rings);
    }

    private static double[] points(Ring ring) {
        double[] points = new double[2 * ring.size()];
        for (int i = 0; i < ring.size(); i++) {
            points[2 * i] = ring.x(i);
            points[2 * i + 1] = ring.y(i);
        }
        return points;
    }

    static Polygon rectangle(double x0, double y0, double x1, double y1) {
        return new Polygon(List.of(new double[] {x0, y0, x1, y0, x1, y1, x0, y1}));
    }

    private static LabelMask filled(int width, int height, Polygon... polygons) {
        PolygonRasterizer rasterizer = new PolygonRasterizer(width, height);
        for (Polygon polygon : polygons) {
            rasterizer.fill(polygon);
        }
        return new LabelMask(width, height, rasterizer.pixels());
    }

    private static LabelMask mask(String... rows) {
        return MaskTracerTest.mask(rows);
    }
}
