package org.meander.project.vector;

import java.awt.Rectangle;
import java.awt.image.Raster;
import java.awt.image.RenderedImage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.meander.project.LabelMask;

/**
 * Traces a mask's regions into polygons along the pixel edges, so that the polygons cover exactly the mask's pixels
 * (filled by the even-odd rule at pixel centres they give the mask back). The mask arrives a row at a time and only
 * the open boundaries are held, so a stitched raster of any size is traced without being held whole.
 *
 * <p>Each row of pixel corners is visited once. At a corner the four pixels around it say which edges meet there
 * and how they join; the edges going on to the next corner or the next row carry the open chain they belong to, and
 * chains that meet are joined, or closed into a ring. Where two foreground pixels touch only at a corner, each
 * chain turns around its own pixel, so regions are 4-connected; a ring that comes back to a corner it passed is cut
 * there, so every ring is simple and a region that touches itself at a corner gets a hole touching its outer ring.
 */
public final class MaskTracer {

    private static final int UP = 0;
    private static final int LEFT = 1;
    private static final int DOWN = 2;
    private static final int RIGHT = 3;

    private static final int STRIP_ROWS = 256;

    private final int width;
    /** The chain of the edge going down from each corner of the row being visited, for the next row to take up. */
    private final Chain[] downEdges;
    private final List<Ring> outers = new ArrayList<>();
    private final List<Ring> holes = new ArrayList<>();
    private byte[] above;
    private int y;
    private boolean finished;

    public MaskTracer(int width) {
        if (width <= 0) {
            throw new IllegalArgumentException("a mask to trace needs a positive width, got " + width);
        }
        this.width = width;
        this.downEdges = new Chain[width + 1];
    }

    /** The outlines of a whole label. */
    public static List<Outline> trace(LabelMask mask) {
        MaskTracer tracer = new MaskTracer(mask.width());
        for (int row = 0; row < mask.height(); row++) {
            byte[] pixels = new byte[mask.width()];
            System.arraycopy(mask.pixels(), row * mask.width(), pixels, 0, mask.width());
            tracer.addRow(pixels);
        }
        return tracer.finish();
    }

    /**
     * The outlines of a mask image of any size (foreground where the first band is not 0), read a strip of rows at a
     * time, so that an image computed on demand, such as a stitched raster's mask, never exists whole.
     */
    public static List<Outline> trace(RenderedImage mask) {
        int width = mask.getWidth();
        MaskTracer tracer = new MaskTracer(width);
        int[] samples = new int[width];
        for (int y0 = mask.getMinY(); y0 < mask.getMinY() + mask.getHeight(); y0 += STRIP_ROWS) {
            int rows = Math.min(STRIP_ROWS, mask.getMinY() + mask.getHeight() - y0);
            Raster strip = mask.getData(new Rectangle(mask.getMinX(), y0, width, rows));
            for (int y = y0; y < y0 + rows; y++) {
                strip.getSamples(mask.getMinX(), y, width, 1, 0, samples);
                byte[] row = new byte[width];
                for (int x = 0; x < width; x++) {
                    row[x] = (byte) (samples[x] != 0 ? 1 : 0);
                }
                tracer.addRow(row);
            }
        }
        return tracer.finish();
    }

    /** The next row of the mask, top to bottom: a pixel is foreground where its byte is not 0. Kept, not copied. */
    public void addRow(byte[] row) {
        if (finished) {
            throw new IllegalStateException("the mask is finished; start a new tracer");
        }
        if (row.length != width) {
            throw new IllegalArgumentException("row " + y + " has " + row.length + " pixels, the mask " + width);
        }
        visitCorners(above, row);
        above = row;
        y++;
    }

    /** Closes the mask after its last row; returns its regions, their outer rings largest first. */
    public List<Outline> finish() {
        if (!finished) {
            visitCorners(above, null);
            finished = true;
        }
        return HoleAssignment.outlines(outers, holes);
    }

    /** Visits the corners between the row above (null above the mask) and the row below (null below it). */
    private void visitCorners(byte[] rowAbove, byte[] rowBelow) {
        Chain rightEdge = null;
        for (int x = 0; x <= width; x++) {
            boolean a = foreground(rowAbove, x - 1);
            boolean b = foreground(rowAbove, x);
            boolean c = foreground(rowBelow, x - 1);
            boolean d = foreground(rowBelow, x);
            if (a == b && b == c && c == d) {
                continue;
            }
            Chain up = downEdges[x];
            Chain left = rightEdge;
            downEdges[x] = null;
            rightEdge = null;
            Chain[] edges = {up, left, null, null};
            if (a && d && !b && !c) {
                // two foreground pixels touch at this corner: each chain turns around its own pixel
                join(UP, LEFT, x, edges);
                join(DOWN, RIGHT, x, edges);
            } else if (b && c && !a && !d) {
                join(LEFT, DOWN, x, edges);
                join(RIGHT, UP, x, edges);
            } else {
                // one edge comes in and one goes out, keeping the foreground on the right (y down)
                int in = a != b && a ? UP : a != c && c ? LEFT : b != d && b ? RIGHT : DOWN;
                int out = a != b && b ? UP : a != c && a ? LEFT : b != d && d ? RIGHT : DOWN;
                join(in, out, x, edges);
            }
            downEdges[x] = edges[DOWN];
            rightEdge = edges[RIGHT];
        }
    }

    /**
     * Joins, at corner (x, y), the edge coming in from {@code in} to the edge going out towards {@code out}. Edges
     * UP and LEFT were reached before (their chains are in {@code edges}); DOWN and RIGHT get their chain here.
     */
    private void join(int in, int out, int x, Chain[] edges) {
        boolean turns = in % 2 != out % 2;
        boolean inSeen = in == UP || in == LEFT;
        boolean outSeen = out == UP || out == LEFT;
        if (inSeen && outSeen) {
            Chain ending = edges[in].current();
            Chain starting = edges[out].current();
            if (ending == starting) {
                ending.append(x, y);
                close(ending);
            } else {
                ending.joinTo(x, y, starting);
            }
        } else if (inSeen) {
            Chain chain = edges[in].current();
            if (turns) {
                chain.append(x, y);
            }
            edges[out] = chain;
        } else if (outSeen) {
            Chain chain = edges[out].current();
            if (turns) {
                chain.prepend(x, y);
            }
            edges[in] = chain;
        } else {
            Chain chain = new Chain(x, y);
            edges[in] = chain;
            edges[out] = chain;
        }
    }

    private void close(Chain chain) {
        for (Ring ring : SimpleRings.of(chain.corners())) {
            (ring.twiceArea() > 0 ? outers : holes).add(ring);
        }
    }

    private static boolean foreground(byte[] row, int x) {
        return row != null && x >= 0 && x < row.length && row[x] != 0;
    }

    /**
     * An open boundary: its corners in the order the edges run, growing at both ends. When two chains meet the
     * shorter is copied into the longer and then points to it.
     */
    private static final class Chain {

        private int[] xy = new int[32];
        private int start = 16;
        private int end = 16;
        private Chain mergedInto;

        Chain(int x, int y) {
            append(x, y);
        }

        Chain current() {
            Chain chain = this;
            while (chain.mergedInto != null) {
                chain = chain.mergedInto;
            }
            if (chain != this) {
                mergedInto = chain;
            }
            return chain;
        }

        void append(int x, int y) {
            room(0, 2);
            xy[end++] = x;
            xy[end++] = y;
        }

        void prepend(int x, int y) {
            room(2, 0);
            xy[--start] = y;
            xy[--start] = x;
        }

        /** This chain, then corner (x, y), then {@code next}: the one chain they make. */
        void joinTo(int x, int y, Chain next) {
            if (end - start >= next.end - next.start) {
                append(x, y);
                room(0, next.end - next.start);
                System.arraycopy(next.xy, next.start, xy, end, next.end - next.start);
                end += next.end - next.start;
                next.mergedInto = this;
            } else {
                next.prepend(x, y);
                next.room(end - start, 0);
                next.start -= end - start;
                System.arraycopy(xy, start, next.xy, next.start, end - start);
                mergedInto = next;
            }
        }

        int[] corners() {
            int[] corners = new int[end - start];
            System.arraycopy(xy, start, corners, 0, corners.length);
            return corners;
        }

        private void room(int before, int after) {
            if (start >= before && xy.length - end >= after) {
                return;
            }
            int length = end - start;
            int[] grown = new int[2 * (length + before + after) + 32];
            int newStart = before + (grown.length - length - before - after) / 2;
            System.arraycopy(xy, start, grown, newStart, length);
            xy = grown;
            start = newStart;
            end = newStart + length;
        }
    }

    /** Cuts a closed path that passes a corner more than once into simple rings, one per loop. */
    private static final class SimpleRings {

        static List<Ring> of(int[] path) {
            List<Ring> rings = new ArrayList<>();
            int[] stack = new int[path.length];
            int top = 0;
            Map<Long, Integer> seenAt = new HashMap<>();
            for (int i = 0; i < path.length; i += 2) {
                long key = ((long) path[i] << 32) | (path[i + 1] & 0xffffffffL);
                Integer at = seenAt.get(key);
                if (at != null) {
                    int[] loop = new int[top - at];
                    System.arraycopy(stack, at, loop, 0, loop.length);
                    rings.add(new Ring(loop));
                    for (int k = at + 2; k < top; k += 2) {
                        seenAt.remove(((long) stack[k] << 32) | (stack[k + 1] & 0xffffffffL));
                    }
                    top = at + 2;
                    continue;
                }
                seenAt.put(key, top);
                stack[top++] = path[i];
                stack[top++] = path[i + 1];
            }
            int[] last = new int[top];
            System.arraycopy(stack, 0, last, 0, top);
            rings.add(new Ring(last));
            return rings;
        }
    }
}
