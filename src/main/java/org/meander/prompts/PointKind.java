package org.meander.prompts;

import org.meander.sam.Point;

/**
 * The two kinds of control point and the seed tutorial's constants for each: positives come from the class region,
 * negatives from the background, and the constants scale erosion and spacing with the region's size.
 */
enum PointKind {

    /**
     * Outside the image counts as background, as in SciPy's binary erosion (border value 0), so the class region is
     * also eroded away from the image edges.
     */
    POSITIVE(Point.POSITIVE, (byte) 1, 35.0, 2.75, false),
    /**
     * Outside the image does not exist: only neighbours inside it can erode a background pixel. Otherwise a tile whose
     * only background is a strip along its edge, common when a river fills the tile, would lose all its negatives.
     */
    NEGATIVE(Point.NEGATIVE, (byte) 0, 50.0, 2.0, true);

    final int label;
    final byte maskValue;
    private final double erosionDivisor;
    private final double spacingFactor;
    final boolean outsideIsMember;

    PointKind(int label, byte maskValue, double erosionDivisor, double spacingFactor, boolean outsideIsMember) {
        this.label = label;
        this.maskValue = maskValue;
        this.erosionDivisor = erosionDivisor;
        this.spacingFactor = spacingFactor;
        this.outsideIsMember = outsideIsMember;
    }

    /** int(n^0.6 / divisor), truncated after the division as the seed's Python int() does. */
    int erosionIterations(int regionPixels) {
        return (int) (Math.pow(regionPixels, 0.6) / erosionDivisor);
    }

    /** The radius cleared around each drawn point: wider for large regions, narrower when many points are asked. */
    double spacing(int regionPixels, int pointsAsked) {
        return spacingFactor * Math.sqrt(regionPixels) / pointsAsked;
    }
}
