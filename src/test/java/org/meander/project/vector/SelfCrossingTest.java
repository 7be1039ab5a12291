package org.meander.project.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SelfCrossingTest {

    @Test
    void aBowTieCrossesItselfWhereItsDiagonalsMeet() {
        SelfCrossing crossing = SelfCrossing.in(new double[] {0, 0, 10, 10, 10, 0, 0, 10, 0, 0}).orElseThrow();

        assertEquals(5, crossing.x(), 1e-12);
        assertEquals(5, crossing.y(), 1e-12);
        assertFalse(crossing.alongAnEdge());
        assertEquals(1, crossing.places());
    }

    @Test
    void anUnclosedBowTieIsTakenAsClosed() {
        assertTrue(SelfCrossing.in(new double[] {0, 0, 10, 10, 10, 0, 0, 10}).isPresent());
    }

    @Test
    void simpleRingsDoNotCrossThemselves() {
        assertEquals(Optional.empty(), SelfCrossing.in(new double[] {0, 0, 10, 0, 10, 10, 0, 10, 0, 0}));
        assertEquals(Optional.empty(), SelfCrossing.in(new double[] {0, 0, 10, 0, 0, 10}), "a triangle, unclosed");
        assertEquals(Optional.empty(), SelfCrossing.in(new double[] {0, 0, 10, 0, 10, 0, 10, 0, 10, 10, 0, 10, 0, 0,
                0, 0}), "repeated positions are not crossings");
        assertEquals(Optional.empty(), SelfCrossing.in(new double[] {0, 0, 5, 0, 0, 0}), "a line there and back");
    }

    /** Two lobes through one shared corner, as a traced region that touches itself at a pixel corner could be. */
    @Test
    void aRingMayTouchItselfAtAVertex() {
        assertEquals(Optional.empty(), SelfCrossing.in(new double[] {0, 0, 5, 5, 10, 0, 10, 10, 5, 5, 0, 10, 0, 0}));
    }

    @Test
    void edgesRunningAlongEachOtherAreNamedWhereTheOverlapStarts() {
        // a square with a loop below it whose edge from (4, 0) to (2, 0) runs back along the square's first edge
        SelfCrossing along = SelfCrossing.in(new double[] {0, 0, 10, 0, 10, 5, 4, 5, 4, 0, 2, 0, 2, -3, 0, -3, 0,
                0}).orElseThrow();

        assertTrue(along.alongAnEdge());
        assertEquals(2, along.x(), 1e-12, "the overlap's end nearer the first edge's start");
        assertEquals(0, along.y(), 1e-12);
    }

    @Test
    void theFirstCrossingAlongTheRingIsNamedAndAllAreCounted() {
        // a band whose first edge, along y = 0, is crossed by the legs of a dip from its upper side at x = 8 and 4
        double[] ring = {0, 0, 12, 0, 12, 2, 8, 2, 8, -1, 4, -1, 4, 2, 0, 2, 0, 0};
        SelfCrossing crossing = SelfCrossing.in(ring).orElseThrow();

        assertEquals(4, crossing.x(), 1e-12, "nearer the first edge's start");
        assertEquals(0, crossing.y(), 1e-12);
        assertEquals(2, crossing.places());
    }

    /** A river traced from a mask runs to tens of thousands of corners: testing every pair of edges takes minutes. */
    @Test
    void aRingOfTwoHundredThousandCornersIsSearchedInAFewSeconds() {
        int corners = 200_000;
        double[] ring = new double[2 * corners + 12];
        // a ragged lower bank zigzagging between y = 0 and 1, then an upper bank at y = 10 with one dip through
        // the lower bank halfway along
        for (int i = 0; i < corners; i++) {
            ring[2 * i] = i;
            ring[2 * i + 1] = i % 2;
        }
        double half = corners / 2;
        double[] upper = {corners, 10, half + 0.5, 10, half + 0.5, -5, half - 0.5, -5, half - 0.5, 10, 0, 10};
        System.arraycopy(upper, 0, ring, 2 * corners, upper.length);

        SelfCrossing crossing = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> SelfCrossing.in(ring).orElseThrow());

        assertEquals(half - 0.5, crossing.x(), 1e-9, "on the lower bank's earlier edge");
        assertEquals(0.5, crossing.y(), 1e-9);
        assertEquals(2, crossing.places());
    }
}
