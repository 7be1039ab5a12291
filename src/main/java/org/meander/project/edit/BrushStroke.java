package org.meander.project.edit;

import org.meander.project.LabelMask;

/**
 * One brush stroke, from mouse press to release, as a single undoable step. Successive mouse positions are joined by
 * {@link Capsule}s, so a fast drag, whose events arrive tens of pixels apart, still leaves an unbroken line. Each move
 * paints only the new segment's neighbourhood into a working copy, so following the mouse costs the same on a large
 * tile as on a small one.
 */
public final class BrushStroke {

    private final double radius;
    private final byte value;
    private final LabelMask working;
    private double lastX = Double.NaN;
    private double lastY = Double.NaN;

    /** A stroke starting from {@code start}, which it leaves untouched, painting ({@code paint}) or erasing. */
    public BrushStroke(LabelMask start, double radius, boolean paint) {
        this.radius = Capsule.requireRadius(radius);
        this.value = paint ? (byte) 1 : (byte) 0;
        this.working = new LabelMask(start.width(), start.height(), start.pixels().clone());
    }

    /** The mouse is at (x, y), in image pixels: the first position stamps a disc, each later one a segment to it. */
    public void moveTo(double x, double y) {
        boolean first = Double.isNaN(lastX);
        new Capsule(first ? x : lastX, first ? y : lastY, x, y, radius)
                .paint(working.pixels(), working.width(), working.height(), value);
        lastX = x;
        lastY = y;
    }

    /**
     * The label with the stroke so far. It is the stroke's working mask itself, not a copy, so it costs nothing per
     * mouse move and later moves show in it; {@link EditHistory#apply} copies it when the stroke ends.
     */
    public LabelMask current() {
        return working;
    }
}
