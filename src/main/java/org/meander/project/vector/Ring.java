package org.meander.project.vector;

import java.util.Arrays;

/**
 * A closed ring of corners on the pixel grid: x, y pairs (pixel (i, j) spans i to i + 1 and j to j + 1, y down), the
 * last joined to the first. A traced ring ({@link MaskTracer}) runs along pixel edges and keeps only the corners
 * where it turns; a simplified one ({@link OutlineSimplifier}) keeps some of those corners and cuts across pixels
 * between them. The foreground is on the right of each edge (y down), so an outline's outer ring has a positive area
 * and its holes a negative one.
 */
public record Ring(int[] corners) {

    public Ring {
        if (corners.length < 6 || corners.length % 2 != 0) {
            throw new IllegalArgumentException("a ring needs at least 3 corners as x, y pairs, got "
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
            if ((y(i) > py) != (y(j) > py)
                    && x(i) + (py - y(i)) * (x(j) - x(i)) / (y(j) - y(i)) > px) {
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
