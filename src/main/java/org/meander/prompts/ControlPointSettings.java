package org.meander.prompts;

/**
 * How many control points to sample from a label, and whether to erode each region first so that points keep away
 * from the class boundary, where a label is least trustworthy.
 */
public record ControlPointSettings(int positives, int negatives, boolean erode) {

    public ControlPointSettings {
        if (positives < 0 || negatives < 0) {
            throw new IllegalArgumentException("control point counts must not be negative, got " + positives
                    + " positives and " + negatives + " negatives");
        }
    }
}
