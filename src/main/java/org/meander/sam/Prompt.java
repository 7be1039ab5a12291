package org.meander.sam;

import java.util.List;

/** One prompt: any number of points and optionally a box, decoded together into one set of masks. */
public record Prompt(List<Point> points, Box box) {

    public Prompt {
        points = List.copyOf(points);
        if (points.isEmpty() && box == null) {
            throw new IllegalArgumentException("a prompt needs at least one point or a box");
        }
    }

    public static Prompt of(Point... points) {
        return new Prompt(List.of(points), null);
    }

    public static Prompt of(Box box, Point... points) {
        return new Prompt(List.of(points), box);
    }
}
