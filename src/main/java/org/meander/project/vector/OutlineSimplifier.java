package org.meander.project.vector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

/**
 * Outlines with fewer corners: each ring keeps the corners Douglas-Peucker keeps at a tolerance in pixels, so it
 * stays within that distance of the pixel edges it stood for (near a whole ring's first corner, which JTS may drop
 * after the rest, up to about twice that), and no ring comes to cross another or to pass over it, so valid polygons
 * stay valid, neighbouring regions never overlap, and every region and hole stays (JTS's
 * {@link TopologyPreservingSimplifier}). A pixel staircase along a diagonal bank becomes one straight edge at a
 * tolerance of about 0.71 pixel (half a pixel's diagonal) or more; a single pixel's square may become a triangle,
 * never less.
 *
 * <p>JTS checks each shortened ring against all the rings it is given, at a cost that grows with the square of their
 * corners (measured: 44,000 corners 0.8 s, 170,000 10 s, 486,000 31 s), so the river of a whole raster given at once
 * would take hours. The outlines are cut by a grid into cells of at most {@link #CELL_CORNERS} corners, and each
 * cell's pieces are simplified on their own: a ring that lies in one cell (or is smaller than a cell) whole, a larger
 * ring as the runs of its corners between the cell edges it crosses, their ends kept. A piece moves by at most about
 * twice the tolerance, so each cell's simplification is also given, as fixed segments, its neighbours' pieces within
 * that reach, as they stand then (simplified if their cell came first): two pieces never cross whichever is
 * simplified last. The 486,000 corners take 1.5 s so.
 */
public final class OutlineSimplifier {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    /** The most corners a cell of the grid may hold: its simplification is a matter of milliseconds. */
    static final int CELL_CORNERS = 4_000;
    /** The grid's cells start this large and are halved until none holds too many corners... */
    private static final int LARGEST_CELL = 1024;
    /** ...but not below this: pieces that short would keep about as many corners as they have. */
    private static final int SMALLEST_CELL = 32;

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
        int side = cellSide(traced);
        List<RingPiece> pieces = new ArrayList<>();
        for (int r = 0; r < traced.size(); r++) {
            pieces.addAll(cut(r, traced.get(r), side, shared));
        }
        Coordinate[][] simplified = simplifyByCell(pieces, tolerancePixels);
        Ring[] rings = joined(traced, pieces, simplified);
        List<Outline> result = new ArrayList<>(outlines.size());
        int next = 0;
        for (Outline outline : outlines) {
            Ring outer = rings[next++];
            List<Ring> holes = new ArrayList<>(outline.holes().size());
            for (int h = 0; h < outline.holes().size(); h++) {
                holes.add(rings[next++]);
            }
            result.add(new Outline(outer, holes));
        }
        return result;
    }

    /** The largest cell side, halving from {@link #LARGEST_CELL}, at which no cell holds too many corners. */
    private static int cellSide(List<Ring> rings) {
        int side = LARGEST_CELL;
        while (side > SMALLEST_CELL && mostCornersInACell(rings, side) > CELL_CORNERS) {
            side /= 2;
        }
        return side;
    }

    private static int mostCornersInACell(List<Ring> rings, int side) {
        Map<Long, Integer> counts = new HashMap<>();
        int most = 0;
        for (Ring ring : rings) {
            for (int i = 0; i < ring.size(); i++) {
                most = Math.max(most, counts.merge(cell(ring.x(i), ring.y(i), side), 1, Integer::sum));
            }
        }
        return most;
    }

    private static long cell(int x, int y, int side) {
        return (long) Math.floorDiv(x, side) << 32 | (Math.floorDiv(y, side) & 0xffffffffL);
    }

    /**
     * A ring as the pieces the grid's cells hold: whole when it lies in one cell or is no larger than a cell (then
     * in the cell of its top left corner: cut, a speck would lose its shape to its fixed ends), otherwise the runs of
     * corners between the cell edges it crosses, each ending at the first corner of the next.
     */
    private static List<RingPiece> cut(int index, Ring ring, int side, Set<Long> shared) {
        int n = ring.size();
        long[] cells = new long[n];
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxX = Integer.MIN_VALUE;
        int maxY = Integer.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            cells[i] = cell(ring.x(i), ring.y(i), side);
            minX = Math.min(minX, ring.x(i));
            minY = Math.min(minY, ring.y(i));
            maxX = Math.max(maxX, ring.x(i));
            maxY = Math.max(maxY, ring.y(i));
        }
        int start = 0;
        while (start < n && cells[start] == cells[(start + n - 1) % n]) {
            start++;
        }
        if (start == n || Math.max(maxX - minX, maxY - minY) <= side) {
            return List.of(new RingPiece(index, cell(minX, minY, side), true,
                    linearRing(ring, shared).getCoordinates()));
        }
        List<RingPiece> pieces = new ArrayList<>();
        List<Coordinate> run = new ArrayList<>();
        for (int k = start; k <= start + n; k++) {
            int i = k % n;
            Coordinate corner = new Coordinate(ring.x(i), ring.y(i));
            if (!run.isEmpty() && (k == start + n || cells[i] != cells[(k - 1) % n])) {
                run.add(corner);
                pieces.add(new RingPiece(index, cells[(k - 1) % n], false, run.toArray(Coordinate[]::new)));
                run = new ArrayList<>();
            }
            run.add(corner);
        }
        return pieces;
    }

    /**
     * Each cell's pieces simplified together, cell after cell, against the pieces of other cells within reach as
     * fixed segments; the simplified corners of each piece, in the pieces' order.
     */
    private static Coordinate[][] simplifyByCell(List<RingPiece> pieces, double tolerance) {
        Coordinate[][] current = new Coordinate[pieces.size()][];
        Envelope[] envelopes = new Envelope[pieces.size()];
        STRtree boxes = new STRtree();
        Map<Long, List<Integer>> byCell = new TreeMap<>();
        for (int p = 0; p < pieces.size(); p++) {
            current[p] = pieces.get(p).corners();
            envelopes[p] = pieces.get(p).envelope();
            boxes.insert(envelopes[p], p);
            byCell.computeIfAbsent(pieces.get(p).cell(), c -> new ArrayList<>()).add(p);
        }
        double reach = 2 * tolerance + 1;
        for (List<Integer> own : byCell.values()) {
            Envelope near = new Envelope();
            own.forEach(p -> near.expandToInclude(envelopes[p]));
            near.expandBy(reach);
            List<Geometry> input = new ArrayList<>();
            for (int p : own) {
                input.add(pieces.get(p).whole() ? GEOMETRY.createLinearRing(current[p])
                        : GEOMETRY.createLineString(current[p]));
            }
            Set<Integer> mine = new HashSet<>(own);
            for (Object found : boxes.query(near)) {
                int other = (Integer) found;
                if (!mine.contains(other)) {
                    addFixedSegments(current[other], near, input);
                }
            }
            Geometry result = TopologyPreservingSimplifier.simplify(
                    GEOMETRY.createGeometryCollection(input.toArray(Geometry[]::new)), tolerance);
            if (result.getNumGeometries() != input.size()) {
                throw new IllegalStateException("simplifying " + input.size() + " pieces gave "
                        + result.getNumGeometries());
            }
            for (int k = 0; k < own.size(); k++) {
                current[own.get(k)] = result.getGeometryN(k).getCoordinates();
            }
        }
        return current;
    }

    /** The segments of a neighbouring piece that come near, each a line of two points: JTS cannot shorten those. */
    private static void addFixedSegments(Coordinate[] corners, Envelope near, List<Geometry> input) {
        for (int i = 0; i + 1 < corners.length; i++) {
            if (near.intersects(corners[i], corners[i + 1])) {
                input.add(GEOMETRY.createLineString(new Coordinate[] {corners[i], corners[i + 1]}));
            }
        }
    }

    /**
     * Each ring from its simplified pieces, joined at their kept ends. A ring cut into pieces whose simplified runs
     * leave it fewer than three corners, or turned over, stays as traced (a thin sliver across cell edges; JTS keeps
     * a whole ring from that itself).
     */
    private static Ring[] joined(List<Ring> traced, List<RingPiece> pieces, Coordinate[][] simplified) {
        Map<Integer, List<Coordinate>> corners = new HashMap<>();
        for (int p = 0; p < pieces.size(); p++) {
            List<Coordinate> ring = corners.computeIfAbsent(pieces.get(p).ring(), r -> new ArrayList<>());
            Coordinate[] run = simplified[p];
            // a whole ring repeats its first corner at the end; a run's last corner starts the next run
            ring.addAll(Arrays.asList(run).subList(0, run.length - 1));
        }
        Ring[] rings = new Ring[traced.size()];
        for (int r = 0; r < traced.size(); r++) {
            List<Coordinate> ring = corners.get(r);
            Ring candidate = ring.size() < 3 ? null : ring(ring);
            boolean kept = candidate != null
                    && Long.signum(candidate.twiceArea()) == Long.signum(traced.get(r).twiceArea());
            rings[r] = kept ? candidate : traced.get(r);
        }
        return rings;
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
    private static Ring ring(List<Coordinate> open) {
        int[] corners = new int[2 * open.size()];
        for (int i = 0; i < open.size(); i++) {
            corners[2 * i] = (int) open.get(i).x;
            corners[2 * i + 1] = (int) open.get(i).y;
        }
        return new Ring(corners);
    }
}
