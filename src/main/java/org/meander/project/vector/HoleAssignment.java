package org.meander.project.vector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Puts each hole into the smallest outer ring around it. Outer rings are filed by the cells of a coarse grid
 * their boxes cover, smallest first, so a hole looks only at the rings whose boxes reach its cell: a noisy mask
 * has as many rings as specks, and trying each against each would take minutes.
 */
final class HoleAssignment {

    private static final int CELL = 64;

    private HoleAssignment() {
    }

    static List<Outline> outlines(List<Ring> outers, List<Ring> holes) {
        List<Ring> bySize = new ArrayList<>(outers);
        bySize.sort(Comparator.comparingLong(Ring::twiceArea));
        List<Box> boxes = bySize.stream().map(Box::of).toList();
        Grid grid = new Grid(boxes);
        Map<Ring, RingRowIndex> indexes = new IdentityHashMap<>();
        Map<Ring, List<Ring>> holesOf = new IdentityHashMap<>();
        for (Ring hole : holes) {
            // the centre of the foreground pixel right of the hole's first edge lies in its region
            int dx = Integer.signum(hole.x(1) - hole.x(0));
            int dy = Integer.signum(hole.y(1) - hole.y(0));
            double px = hole.x(0) + 0.5 * dx - 0.5 * dy;
            double py = hole.y(0) + 0.5 * dy + 0.5 * dx;
            Ring owner = null;
            int cell = grid.cellOf(px, py);
            for (int k = grid.start[cell]; k < grid.start[cell + 1] && owner == null; k++) {
                int i = grid.outers[k];
                if (boxes.get(i).contains(px, py) && contains(bySize.get(i), px, py, indexes)) {
                    owner = bySize.get(i);
                }
            }
            if (owner == null) {
                throw new IllegalStateException("no outer ring holds the hole at " + hole.x(0) + ", "
                        + hole.y(0));
            }
            holesOf.computeIfAbsent(owner, r -> new ArrayList<>()).add(hole);
        }
        List<Outline> outlines = new ArrayList<>();
        for (int i = bySize.size() - 1; i >= 0; i--) {
            Ring outer = bySize.get(i);
            outlines.add(new Outline(outer, holesOf.getOrDefault(outer, List.of())));
        }
        return outlines;
    }

    /**
     * Whether the ring holds the point; a long ring (the outline of a river with thousands of islands, each a
     * hole to place) is asked through an index of its rows, made at its first question.
     */
    private static boolean contains(Ring ring, double x, double y, Map<Ring, RingRowIndex> indexes) {
        if (ring.size() <= RingRowIndex.WORTH_IT) {
            return ring.contains(x, y);
        }
        return indexes.computeIfAbsent(ring, RingRowIndex::new).contains(x, y);
    }

    /** For each cell, the outer rings whose boxes reach it, in the order given (smallest first). */
    private static final class Grid {

        final int columns;
        final int rows;
        final int[] start;
        final int[] outers;

        Grid(List<Box> boxes) {
            int width = 1;
            int height = 1;
            for (Box box : boxes) {
                width = Math.max(width, box.x1);
                height = Math.max(height, box.y1);
            }
            columns = width / CELL + 1;
            rows = height / CELL + 1;
            start = new int[columns * rows + 1];
            for (Box box : boxes) {
                forEachCell(box, cell -> start[cell + 1]++);
            }
            for (int c = 0; c < columns * rows; c++) {
                start[c + 1] += start[c];
            }
            outers = new int[start[columns * rows]];
            int[] next = Arrays.copyOf(start, columns * rows);
            for (int i = 0; i < boxes.size(); i++) {
                int outer = i;
                forEachCell(boxes.get(i), cell -> outers[next[cell]++] = outer);
            }
        }

        int cellOf(double x, double y) {
            int column = Math.min(columns - 1, Math.max(0, (int) (x / CELL)));
            int row = Math.min(rows - 1, Math.max(0, (int) (y / CELL)));
            return row * columns + column;
        }

        private void forEachCell(Box box, IntConsumer action) {
            for (int row = box.y0 / CELL; row <= Math.min(rows - 1, box.y1 / CELL); row++) {
                for (int column = box.x0 / CELL; column <= Math.min(columns - 1, box.x1 / CELL); column++) {
                    action.accept(row * columns + column);
                }
            }
        }
    }

    private record Box(int x0, int y0, int x1, int y1) {

        static Box of(Ring ring) {
            int x0 = Integer.MAX_VALUE;
            int y0 = Integer.MAX_VALUE;
            int x1 = Integer.MIN_VALUE;
            int y1 = Integer.MIN_VALUE;
            for (int i = 0; i < ring.size(); i++) {
                x0 = Math.min(x0, ring.x(i));
                y0 = Math.min(y0, ring.y(i));
                x1 = Math.max(x1, ring.x(i));
                y1 = Math.max(y1, ring.y(i));
            }
            return new Box(x0, y0, x1, y1);
        }

        boolean contains(double x, double y) {
            return x > x0 && x < x1 && y > y0 && y < y1;
        }
    }
}
