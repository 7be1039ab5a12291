package org.meander.project.vector;

import java.util.Arrays;

/** A ring's vertical edges by the rows they cross, each row's sorted by x: a crossing count is a search. */
final class RingRowIndex {

    static final int WORTH_IT = 64;

    private final int firstRow;
    private final int[] start;
    private final int[] xs;

    RingRowIndex(Ring ring) {
        int top = Integer.MAX_VALUE;
        int bottom = Integer.MIN_VALUE;
        for (int i = 0; i < ring.size(); i++) {
            top = Math.min(top, ring.y(i));
            bottom = Math.max(bottom, ring.y(i));
        }
        firstRow = top;
        int rows = bottom - top;
        start = new int[rows + 1];
        forEachCrossing(ring, (row, x) -> start[row - firstRow + 1]++);
        for (int r = 0; r < rows; r++) {
            start[r + 1] += start[r];
        }
        xs = new int[start[rows]];
        int[] next = Arrays.copyOf(start, rows);
        forEachCrossing(ring, (row, x) -> xs[next[row - firstRow]++] = x);
        for (int r = 0; r < rows; r++) {
            Arrays.sort(xs, start[r], start[r + 1]);
        }
    }

    /** For a point off the pixel edges: an odd number of edges to its right in its row means inside. */
    boolean contains(double x, double y) {
        int row = (int) Math.floor(y) - firstRow;
        if (row < 0 || row >= start.length - 1) {
            return false;
        }
        int from = start[row];
        int to = start[row + 1];
        int low = from;
        int high = to;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (xs[middle] < x) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return (to - low) % 2 == 1;
    }

    private interface Crossing {
        void at(int row, int x);
    }

    private static void forEachCrossing(Ring ring, Crossing crossing) {
        for (int i = 0; i < ring.size(); i++) {
            int j = (i + 1) % ring.size();
            if (ring.x(i) == ring.x(j)) {
                for (int row = Math.min(ring.y(i), ring.y(j)); row < Math.max(ring.y(i), ring.y(j)); row++) {
                    crossing.at(row, ring.x(i));
                }
            }
        }
    }
}
