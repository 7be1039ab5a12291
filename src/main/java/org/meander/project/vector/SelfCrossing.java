package org.meander.project.vector;

import java.util.List;
import java.util.Optional;
import org.locationtech.jts.algorithm.LineIntersector;
import org.locationtech.jts.algorithm.RobustLineIntersector;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateArrays;
import org.locationtech.jts.noding.BasicSegmentString;
import org.locationtech.jts.noding.MCIndexNoder;
import org.locationtech.jts.noding.SegmentIntersector;
import org.locationtech.jts.noding.SegmentString;

/**
 * Where a ring first crosses itself, walking it from its first position: two of its edges that are not neighbours
 * meet at a point inside both (a bow-tie), or run along each other. Edges that only touch at a corner are not
 * crossings, so a ring may touch itself at a vertex; {@code places} counts the pairs of edges that cross.
 * Found with JTS's monotone-chain index, so that a river traced from a mask, tens of thousands of corners around,
 * costs about n log n and not n squared.
 */
public record SelfCrossing(double x, double y, boolean alongAnEdge, int places) {

    /** Of a ring as x, y pairs, taken as closed whether or not its last position repeats its first. */
    public static Optional<SelfCrossing> in(double[] ring) {
        Coordinate[] corners = new Coordinate[ring.length / 2 + 1];
        for (int i = 0; i + 1 < ring.length; i += 2) {
            corners[i / 2] = new Coordinate(ring[i], ring[i + 1]);
        }
        corners[corners.length - 1] = corners[0];
        // repeated positions make edges of no length, which would touch their neighbours' neighbours
        Coordinate[] closed = CoordinateArrays.removeRepeatedPoints(corners);
        if (closed.length < 4) {
            return Optional.empty();
        }
        FirstCrossing first = new FirstCrossing(closed.length - 1);
        new MCIndexNoder(first).computeNodes(List.of(new BasicSegmentString(closed, null)));
        return first.found();
    }

    /** Keeps the crossing on the earliest edge, nearest that edge's start, and counts them all. */
    private static final class FirstCrossing implements SegmentIntersector {

        private final int edges;
        private final LineIntersector intersector = new RobustLineIntersector();
        private int places;
        private int firstEdge = Integer.MAX_VALUE;
        private double firstDistance;
        private Coordinate first;
        private boolean firstAlongAnEdge;

        FirstCrossing(int edges) {
            this.edges = edges;
        }

        @Override
        public void processIntersections(SegmentString ring, int edge, SegmentString same, int other) {
            if (neighbours(edge, other)) {
                return;
            }
            Coordinate[] at = ring.getCoordinates();
            intersector.computeIntersection(at[edge], at[edge + 1], at[other], at[other + 1]);
            boolean along = intersector.getIntersectionNum() == LineIntersector.COLLINEAR_INTERSECTION;
            if (!along && !intersector.isProper()) {
                return;
            }
            places++;
            int earlier = Math.min(edge, other);
            for (int k = 0; k < intersector.getIntersectionNum(); k++) {
                Coordinate point = intersector.getIntersection(k);
                double distance = point.distance(at[earlier]);
                if (earlier < firstEdge || earlier == firstEdge && distance < firstDistance) {
                    firstEdge = earlier;
                    firstDistance = distance;
                    first = point.copy();
                    firstAlongAnEdge = along;
                }
            }
        }

        private boolean neighbours(int edge, int other) {
            int apart = Math.abs(edge - other);
            return apart <= 1 || apart == edges - 1;
        }

        Optional<SelfCrossing> found() {
            return first == null ? Optional.empty()
                    : Optional.of(new SelfCrossing(first.x, first.y, firstAlongAnEdge, places));
        }

        @Override
        public boolean isDone() {
            return false;
        }
    }
}
