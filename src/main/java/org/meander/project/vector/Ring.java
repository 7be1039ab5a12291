package org.meander.project.vector;

import java.util.Arrays;

/**
 * A closed ring along pixel edges: its corners as x, y pairs on the pixel grid (pixel (i, j) spans i to i + 1 and j
 * to j + 1, y down), the last joined to the first. Only corners are kept: no two consecutive edges run the same way.
 * Traced with the foreground on the right of each edge (y down), so an outline's outer ring has a positive area and
 * its holes a negative one.
 */
public record Ring(int[] corners) {

    public Ring {
        if (corners.length < 8 || corners.length % 2 != 0) {
            throw new IllegalArgumentException("a ring needs at least 4 corners as x, y pairs, got "
                    + corners.length + " numbers");
        }
    }

    public int size() {
        return corners.length / 2;
    }

    public int x(int corner) {
        return corners[2 * corner];
    }

    public int y(int corner) {
        return corners[2 * corner + 1];
    }

    /** Twice the signed area (shoelace), in pixels: positive for an outer ring, negative for a hole. */
    public long twiceArea() {
        long sum = 0;
        int n = size();
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            sum += (long) x(i) * y(j) - (long) x(j) * y(i);
        }
        return sum;
    }

    /** Whether the point, which must not lie on a pixel edge (a pixel centre, say), is inside the ring. */
    public boolean contains(double px, double py) {
        boolean inside = false;
        int n = size();
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            // edges run along the grid: only the vertical ones cross a horizontal ray
            if (x(i) == x(j) && x(i) > px && (y(i) > py) != (y(j) > py)) {
                inside = !inside;
            }
        }
        return inside;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Ring that && Arrays.equals(corners, that.corners);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(corners);
    }

    @Override
    public String toString() {
        return "Ring" + Arrays.toString(corners);
    }
}
