package org.meander.project.vector;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/**
 * A part of a ring that one cell of the simplification grid holds: a whole ring (closed, {@code whole}) or a run of
 * its corners from where it enters the cell to where it leaves (open; its two ends stay where they are, so the pieces
 * of a ring join again). {@code ring} numbers the ring; {@code cell} is the cell's key.
 */
record RingPiece(int ring, long cell, boolean whole, Coordinate[] corners) {

    Envelope envelope() {
        Envelope envelope = new Envelope();
        for (Coordinate corner : corners) {
            envelope.expandToInclude(corner);
        }
        return envelope;
    }
}
