package org.meander.sam;

/** A box prompt (x0, y0) to (x1, y1) in the image's own pixel coordinates. */
public record Box(double x0, double y0, double x1, double y1) {

    public Box {
        if (x1 < x0 || y1 < y0) {
            throw new IllegalArgumentException("box " + x0 + "," + y0 + "," + x1 + "," + y1
                    + ": x1 must not be below x0, nor y1 below y0");
        }
    }
}
