package org.meander.project.vector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

/**
 * Outlines with fewer corners: each ring keeps the corners Douglas-Peucker keeps at a tolerance in pixels, so it
 * stays within that distance of the pixel edges it stood for (near a ring's first corner, which JTS may drop after
 * the rest, up to about twice that), and no ring comes to cross another or to pass over it, so valid polygons stay
 * valid, neighbouring regions never overlap, and every region and hole stays (JTS's
 * {@link TopologyPreservingSimplifier}). A pixel staircase along a diagonal bank becomes one straight edge at a
 * tolerance of about 0.71 pixel (half a pixel's diagonal) or more; a single pixel's square may become a triangle,
 * never less.
 *
 * <p>JTS checks each shortened ring against the rings it is given, at a cost that grows with the square of their
 * corners (measured: 44,000 corners 0.8 s, 170,000 10 s, 380,000 45 s), so a speckled mask of a whole raster given at
 * once would take hours. A simplified ring moves by at most twice the tolerance, so only rings that come that near
 * each other can meet: the rings are put in groups of such neighbours (through an index of their boxes and the
 * distance between them), and each group is simplified on its own. A group of more than {@link #GROUP_CORNERS}
 * corners, which only dense speckle makes (every speck within reach of the next), is left as traced: exact, and
 * written in seconds.
 */
public final class OutlineSimplifier {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    /** The most corners a group of neighbouring rings may have to be simplified: some seconds' work. */
    static final int GROUP_CORNERS = 150_000;
    /** Rings with more corners than this have their edges indexed for the distance to their neighbours. */
    private static final int INDEXED_RING = 64;

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
        List<Ring> traced = new ArrayList<>();
        for (Outline outline : outlines) {
            traced.add(outline.outer());
            traced.addAll(outline.holes());
        }
        Set<Long> shared = sharedCorners(traced);
        List<LinearRing> rings = new ArrayList<>(traced.size());
        for (Ring ring : traced) {
            rings.add(linearRing(ring, shared));
        }
        Ring[] simplified = new Ring[rings.size()];
        for (List<Integer> group : neighbourGroups(rings, 2 * tolerancePixels + 1)) {
            LinearRing[] members = group.stream().map(rings::get).toArray(LinearRing[]::new);
            if (Arrays.stream(members).mapToLong(LinearRing::getNumPoints).sum() > GROUP_CORNERS) {
                group.forEach(i -> simplified[i] = traced.get(i));
                continue;
            }
            Geometry result = TopologyPreservingSimplifier.simplify(GEOMETRY.createGeometryCollection(members),
                    tolerancePixels);
            if (result.getNumGeometries() != members.length) {
                throw new IllegalStateException("simplifying " + members.length + " rings gave "
                        + result.getNumGeometries());
            }
            for (int k = 0; k < members.length; k++) {
                simplified[group.get(k)] = ring(result.getGeometryN(k).getCoordinates());
            }
        }
        List<Outline> result = new ArrayList<>(outlines.size());
        int next = 0;
        for (Outline outline : outlines) {
            Ring outer = simplified[next++];
            List<Ring> holes = new ArrayList<>(outline.holes().size());
            for (int h = 0; h < outline.holes().size(); h++) {
                holes.add(simplified[next++]);
            }
            result.add(new Outline(outer, holes));
        }
        return result;
    }

    /** The rings in groups: two rings within {@code reach} of each other are in the same group. */
    private static List<List<Integer>> neighbourGroups(List<LinearRing> rings, double reach) {
        STRtree boxes = new STRtree();
        for (int i = 0; i < rings.size(); i++) {
            boxes.insert(rings.get(i).getEnvelopeInternal(), i);
        }
        int[] parent = new int[rings.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        Map<Integer, IndexedFacetDistance> edges = new HashMap<>();
        for (int i = 0; i < rings.size(); i++) {
            Envelope near = new Envelope(rings.get(i).getEnvelopeInternal());
            near.expandBy(reach);
            for (Object found : boxes.query(near)) {
                int j = (Integer) found;
                if (j > i && root(parent, i) != root(parent, j) && within(rings, edges, i, j, reach)) {
                    parent[root(parent, j)] = root(parent, i);
                }
            }
        }
        Map<Integer, List<Integer>> groups = new HashMap<>();
        for (int i = 0; i < rings.size(); i++) {
            groups.computeIfAbsent(root(parent, i), r -> new ArrayList<>()).add(i);
        }
        return new ArrayList<>(groups.values());
    }

    /** Whether two rings come within reach of each other, measured from the larger one's indexed edges. */
    private static boolean within(List<LinearRing> rings, Map<Integer, IndexedFacetDistance> edges, int i, int j,
                                  double reach) {
        int larger = rings.get(i).getNumPoints() >= rings.get(j).getNumPoints() ? i : j;
        int smaller = larger == i ? j : i;
        if (rings.get(larger).getNumPoints() <= INDEXED_RING) {
            return rings.get(larger).isWithinDistance(rings.get(smaller), reach);
        }
        return edges.computeIfAbsent(larger, k -> new IndexedFacetDistance(rings.get(k)))
                .isWithinDistance(rings.get(smaller), reach);
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** The corners where two rings touch (a hole at its region's outline, two regions at a corner). */
    private static Set<Long> sharedCorners(List<Ring> rings) {
        Set<Long> seen = new HashSet<>();
        Set<Long> shared = new HashSet<>();
        for (Ring ring : rings) {
            for (int i = 0; i < ring.size(); i++) {
                long corner = (long) ring.x(i) << 32 | (ring.y(i) & 0xffffffffL);
                if (!seen.add(corner)) {
                    shared.add(corner);
                }
            }
        }
        return shared;
    }

    /**
     * The ring as JTS takes it, starting from a corner that touches no other ring: JTS may drop a ring's first
     * corner in a last step that does not look at other rings there, and a touching corner dropped so leaves the
     * other ring's corner on the new edge, which is valid but breaks when the outline is carried into another CRS.
     */
    private static LinearRing linearRing(Ring ring, Set<Long> shared) {
        int n = ring.size();
        int start = 0;
        while (start < n && shared.contains((long) ring.x(start) << 32 | (ring.y(start) & 0xffffffffL))) {
            start++;
        }
        start = start == n ? 0 : start;
        Coordinate[] points = new Coordinate[n + 1];
        for (int i = 0; i < n; i++) {
            int k = (start + i) % n;
            points[i] = new Coordinate(ring.x(k), ring.y(k));
        }
        points[n] = points[0];
        return GEOMETRY.createLinearRing(points);
    }

    /** Back to grid corners: the simplifier only drops corners, so every coordinate is still a whole number. */
    private static Ring ring(Coordinate[] closed) {
        int[] corners = new int[2 * (closed.length - 1)];
        for (int i = 0; i + 1 < closed.length; i++) {
            corners[2 * i] = (int) closed[i].x;
            corners[2 * i + 1] = (int) closed[i].y;
        }
        return new Ring(corners);
    }
}
