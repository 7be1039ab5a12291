package org.meander.project.vector;

import java.util.List;

/**
 * One connected region of a mask as a polygon: its outer ring and the rings of the holes in it. Regions are
 * 4-connected (pixels that touch only at a corner are separate regions); a hole may touch its outer ring or another
 * hole at a corner, as the OGC simple-features rules allow.
 */
public record Outline(Ring outer, List<Ring> holes) {

    public Outline {
        holes = List.copyOf(holes);
    }

    /** The area inside its rings, in square pixels: for a traced outline, a whole number, its region's pixels. */
    public double area() {
        long twice = outer.twiceArea();
        for (Ring hole : holes) {
            twice += hole.twiceArea();
        }
        return twice / 2.0;
    }
}
