package org.meander.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.meander.project.LabelMask;
import org.meander.project.vector.Outline;
import org.meander.project.vector.Ring;

/** What outlines of a mask must be, whoever traced them and wherever they were written. */
public final class OutlineAssertions {

    private OutlineAssertions() {
    }

    /**
     * The outlines give the mask back (even-odd over every ring), each region's pixels add up, every ring is simple
     * and turns at each corner, and each hole lies inside its outer ring with the region's foreground on its right
     * (checked beside its first edges).
     */
    public static void assertCovers(LabelMask mask, List<Outline> outlines) {
        byte[] crossings = new byte[(mask.width() + 1) * mask.height()];
        double pixels = 0;
        for (Outline outline : outlines) {
            pixels += outline.area();
            assertTrue(outline.outer().twiceArea() > 0);
            assertSimple(outline.outer());
            addCrossings(crossings, mask.width(), outline.outer());
            for (Ring hole : outline.holes()) {
                assertTrue(hole.twiceArea() < 0);
                assertSimple(hole);
                addCrossings(crossings, mask.width(), hole);
                for (int i = 0; i < Math.min(4, hole.size()); i++) {
                    int j = (i + 1) % hole.size();
                    int dx = Integer.signum(hole.x(j) - hole.x(i));
                    int dy = Integer.signum(hole.y(j) - hole.y(i));
                    double px = hole.x(i) + 0.5 * dx - 0.5 * dy;
                    double py = hole.y(i) + 0.5 * dy + 0.5 * dx;
                    assertEquals(1, mask.pixels()[(int) py * mask.width() + (int) px], () -> "right of " + hole);
                    assertTrue(outline.outer().contains(px, py), () -> hole + " outside its outer ring");
                }
            }
        }
        byte[] filled = new byte[mask.pixels().length];
        for (int y = 0; y < mask.height(); y++) {
            int inside = 0;
            for (int x = 0; x < mask.width(); x++) {
                inside ^= crossings[y * (mask.width() + 1) + x];
                filled[y * mask.width() + x] = (byte) inside;
            }
        }
        assertArrayEquals(mask.pixels(), filled, "the outlines filled give the mask back");
        long foreground = 0;
        for (byte p : mask.pixels()) {
            foreground += p;
        }
        assertEquals(foreground, pixels);
    }

    private static void assertSimple(Ring ring) {
        Set<List<Integer>> seen = new HashSet<>();
        for (int i = 0; i < ring.size(); i++) {
            int corner = i;
            assertTrue(seen.add(List.of(ring.x(i), ring.y(i))), () -> "corner " + ring.x(corner) + ", "
                    + ring.y(corner) + " twice in " + ring);
            int previous = (i + ring.size() - 1) % ring.size();
            int next = (i + 1) % ring.size();
            boolean inVertical = ring.x(previous) == ring.x(i);
            boolean outVertical = ring.x(next) == ring.x(i);
            assertTrue(inVertical != outVertical, () -> "no turn at corner " + corner + " of " + ring);
            assertFalse(ring.x(next) != ring.x(i) && ring.y(next) != ring.y(i), () -> "a slanted edge in " + ring);
        }
    }

    /** Marks, in each row, where a vertical edge of the ring crosses it: filling flips there, left to right. */
    private static void addCrossings(byte[] crossings, int width, Ring ring) {
        for (int i = 0; i < ring.size(); i++) {
            int j = (i + 1) % ring.size();
            if (ring.x(i) == ring.x(j)) {
                for (int y = Math.min(ring.y(i), ring.y(j)); y < Math.max(ring.y(i), ring.y(j)); y++) {
                    crossings[y * (width + 1) + ring.x(i)] ^= 1;
                }
            }
        }
    }
}
