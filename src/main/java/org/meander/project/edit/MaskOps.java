package org.meander.project.edit;

import java.util.List;
import org.meander.project.LabelMask;

/**
 * The edits of the annotation window. Each returns a new mask and leaves its input untouched, so that the mask the
 * edit history holds as the current state is never changed behind its back.
 *
 * <p>Positions are in image pixels: pixel (col, row) covers [col, col + 1) x [row, row + 1), and a shape covers a pixel
 * when it covers the pixel's centre (col + 0.5, row + 0.5).
 */
public final class MaskOps {

    private MaskOps() {
    }

    /** A mask of the given size with every pixel background. */
    public static LabelMask empty(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("a label mask needs a positive size, got " + width + " x " + height);
        }
        return new LabelMask(width, height, new byte[Math.multiplyExact(width, height)]);
    }

    /** The label after accepting a preview of its size; a null label is a tile not yet labelled (all background). */
    public static LabelMask combine(LabelMask label, LabelMask preview, CombineMode mode) {
        if (label != null && (label.width() != preview.width() || label.height() != preview.height())) {
            throw new IllegalArgumentException("a " + preview.width() + " x " + preview.height()
                    + " preview cannot be combined with a " + label.width() + " x " + label.height() + " label");
        }
        byte[] before = label == null ? new byte[preview.pixels().length] : label.pixels();
        byte[] mask = preview.pixels();
        byte[] after = new byte[mask.length];
        for (int i = 0; i < after.length; i++) {
            after[i] = switch (mode) {
                case REPLACE -> mask[i];
                case ADD -> (byte) (before[i] | mask[i]);
                case SUBTRACT -> (byte) (before[i] & ~mask[i]);
            };
        }
        return new LabelMask(preview.width(), preview.height(), after);
    }

    /**
     * One brush movement from (x0, y0) to (x1, y1): every pixel within {@code radius} of the segment, ends included,
     * becomes foreground ({@code paint}) or background (erase); what falls outside the image is ignored.
     */
    public static LabelMask brush(LabelMask label, double x0, double y0, double x1, double y1, double radius,
            boolean paint) {
        byte[] pixels = label.pixels().clone();
        new Capsule(x0, y0, x1, y1, radius).paint(pixels, label.width(), label.height(), paint ? (byte) 1 : (byte) 0);
        return new LabelMask(label.width(), label.height(), pixels);
    }

    /**
     * Fills ({@code fill}) or cuts the closed polygon through {@code vertices}, each {x, y}: pixels whose centres are
     * inside by the even-odd rule, so where the outline crosses itself the doubly enclosed part is left alone.
     */
    public static LabelMask polygon(LabelMask label, List<double[]> vertices, boolean fill) {
        byte[] pixels = label.pixels().clone();
        new EvenOddPolygon(vertices).paint(pixels, label.width(), label.height(), fill ? (byte) 1 : (byte) 0);
        return new LabelMask(label.width(), label.height(), pixels);
    }

    /**
     * Holes become foreground: background pixels that cannot reach the image border through background, moving only
     * across edges (4-connected), as the complement of an 8-connected foreground.
     */
    public static LabelMask fillHoles(LabelMask label) {
        return Components.fillHoles(label);
    }

    /**
     * Foreground components (8-connected: pixels touching at a corner join) of fewer than {@code minPixels} pixels
     * become background.
     */
    public static LabelMask removeIslands(LabelMask label, int minPixels) {
        return Components.removeIslands(label, minPixels);
    }

    /**
     * How many holes {@link #fillHoles} filled to make {@code filled} of {@code label}: each hole is background
     * connected across edges (4-connected), and two holes never touch across an edge.
     */
    public static int holesFilled(LabelMask label, LabelMask filled) {
        return Components.changedRegions(label, filled, false);
    }

    /**
     * How many islands {@link #removeIslands} removed to make {@code cleaned} of {@code label}: each island is
     * foreground connected across edges and corners (8-connected), and two islands never touch.
     */
    public static int islandsRemoved(LabelMask label, LabelMask cleaned) {
        return Components.changedRegions(label, cleaned, true);
    }

    /** How many pixels differ between two masks of one size. */
    public static long pixelsChanged(LabelMask before, LabelMask after) {
        long changed = 0;
        for (int i = 0; i < before.pixels().length; i++) {
            if (before.pixels()[i] != after.pixels()[i]) {
                changed++;
            }
        }
        return changed;
    }

    /**
     * The largest foreground component (8-connected) alone, the rest background; all background when the label has
     * no foreground.
     */
    public static LabelMask largestComponent(LabelMask label) {
        return Components.largest(label);
    }
}
