package org.meander.project.vector;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What is wrong with a polygon's rings that the import fills anyway, as GDAL reads them, but should tell the user: a
 * ring left open (RFC 7946 wants its last position to repeat its first), a ring of 3 positions (a line there and
 * back, enclosing nothing), and a ring that crosses itself (filled even-odd, so part of it may come out as a hole),
 * each said with what to do about it.
 */
final class BrokenRings {

    /** A crossing is named to about a ten-thousandth of its ring's size: centimetres on a 100 m pond. */
    private static final double PLACES_ACROSS_A_RING = 1e4;

    private BrokenRings() {
    }

    /** Each broken ring's fault, in words ("its hole 2 is not closed ..."), or empty when none is broken. */
    static Optional<String> of(Polygon polygon) {
        List<String> faults = new ArrayList<>();
        for (int r = 0; r < polygon.rings().size(); r++) {
            String ring = r == 0 ? "its outer ring" : "its hole " + r;
            double[] points = polygon.rings().get(r);
            int positions = points.length / 2;
            boolean closed = points[0] == points[points.length - 2] && points[1] == points[points.length - 1];
            if (!closed) {
                faults.add(ring + " is not closed (its last position differs from its first); filled as if closed"
                        + " — close it in your GIS");
            } else if (positions < 4) {
                faults.add(ring + " has only " + positions + " positions (a ring needs 4, its last repeating its"
                        + " first), so it encloses nothing — redraw it in your GIS");
            }
            SelfCrossing.in(points).ifPresent(crossing -> faults.add(ring + " " + crossed(crossing, points)
                    + "; filled even-odd, so part of it may come out as a hole — untangle it in your GIS"));
        }
        return faults.isEmpty() ? Optional.empty() : Optional.of(String.join("; also ", faults));
    }

    private static String crossed(SelfCrossing crossing, double[] ring) {
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(size(ring) / PLACES_ACROSS_A_RING)));
        return (crossing.alongAnEdge() ? "runs along itself" : "crosses itself") + " at ("
                + rounded(crossing.x(), decimals) + ", " + rounded(crossing.y(), decimals) + ")"
                + (crossing.places() > 1 ? ", the first of " + crossing.places() + " places" : "");
    }

    /** The larger side of the ring's box. */
    private static double size(double[] ring) {
        double[] box = new Polygon(List.of(ring)).bounds();
        return Math.max(box[2] - box[0], box[3] - box[1]);
    }

    private static String rounded(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_EVEN).stripTrailingZeros()
                .toPlainString();
    }
}
