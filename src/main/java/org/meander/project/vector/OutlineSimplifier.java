package org.meander.project.vector;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

/**
 * Outlines with fewer corners: each ring keeps the corners Douglas-Peucker keeps at a tolerance in pixels, so it
 * stays within that distance of the pixel edges it stood for (near a ring's first corner, which JTS may drop after
 * the rest, up to about twice that), and no ring comes to cross or touch another where it did not before, so valid
 * polygons stay valid and neighbouring regions never overlap (JTS's {@link TopologyPreservingSimplifier}, over all
 * the outlines at once). A pixel staircase along a diagonal bank becomes one straight edge at a tolerance of about
 * 0.71 pixel (half a pixel's diagonal) or more; a single pixel's square may become a triangle, never less.
 */
public final class OutlineSimplifier {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private OutlineSimplifier() {
    }

    /**
     * The same regions in the same order, each with its holes in their order, at the tolerance (0 gives the outlines
     * back as they are).
     *
     * @throws IllegalArgumentException when the tolerance is negative or not a number
     */
    public static List<Outline> simplify(List<Outline> outlines, double tolerancePixels) {
        if (!(tolerancePixels >= 0) || Double.isInfinite(tolerancePixels)) {
            throw new IllegalArgumentException("the simplification tolerance must be 0 or more pixels, got "
                    + tolerancePixels);
        }
        if (tolerancePixels == 0 || outlines.isEmpty()) {
            return outlines;
        }
        org.locationtech.jts.geom.Polygon[] polygons = new org.locationtech.jts.geom.Polygon[outlines.size()];
        for (int i = 0; i < polygons.length; i++) {
            polygons[i] = polygon(outlines.get(i));
        }
        Geometry simplified = TopologyPreservingSimplifier.simplify(GEOMETRY.createMultiPolygon(polygons),
                tolerancePixels);
        // one polygon may come back as a Polygon rather than a MultiPolygon of one
        if (simplified.getNumGeometries() != outlines.size()
                || !(simplified instanceof MultiPolygon || simplified instanceof org.locationtech.jts.geom.Polygon)) {
            throw new IllegalStateException("simplifying " + outlines.size() + " outlines gave "
                    + simplified.getGeometryType() + " of " + simplified.getNumGeometries());
        }
        List<Outline> result = new ArrayList<>(outlines.size());
        for (int i = 0; i < outlines.size(); i++) {
            org.locationtech.jts.geom.Polygon polygon = (org.locationtech.jts.geom.Polygon) simplified.getGeometryN(i);
            List<Ring> holes = new ArrayList<>(polygon.getNumInteriorRing());
            for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                holes.add(ring(polygon.getInteriorRingN(h)));
            }
            result.add(new Outline(ring(polygon.getExteriorRing()), holes));
        }
        return result;
    }

    private static org.locationtech.jts.geom.Polygon polygon(Outline outline) {
        LinearRing[] holes = new LinearRing[outline.holes().size()];
        for (int h = 0; h < holes.length; h++) {
            holes[h] = linearRing(outline.holes().get(h));
        }
        return GEOMETRY.createPolygon(linearRing(outline.outer()), holes);
    }

    private static LinearRing linearRing(Ring ring) {
        int n = ring.size();
        Coordinate[] points = new Coordinate[n + 1];
        for (int i = 0; i < n; i++) {
            points[i] = new Coordinate(ring.x(i), ring.y(i));
        }
        points[n] = points[0];
        return GEOMETRY.createLinearRing(points);
    }

    /** Back to grid corners: the simplifier only drops corners, so every coordinate is still a whole number. */
    private static Ring ring(org.locationtech.jts.geom.LineString closed) {
        Coordinate[] points = closed.getCoordinates();
        int[] corners = new int[2 * (points.length - 1)];
        for (int i = 0; i + 1 < points.length; i++) {
            corners[2 * i] = (int) points[i].x;
            corners[2 * i + 1] = (int) points[i].y;
        }
        return new Ring(corners);
    }
}
