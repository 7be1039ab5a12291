package org.meander.sam;

/** A point prompt in the image's own pixel coordinates; label 1 is positive (inside), 0 negative (outside). */
public record Point(double x, double y, int label) {

    public static final int POSITIVE = 1;
    public static final int NEGATIVE = 0;
    /** A padding point, as the seed's samplers emit when a region has too few pixels: a zero token. */
    public static final int PADDING = -10;

    public Point {
        if (label != POSITIVE && label != NEGATIVE && label != PADDING) {
            throw new IllegalArgumentException("point label " + label
                    + ": use 1 (positive), 0 (negative) or -10 (padding)");
        }
    }
}
