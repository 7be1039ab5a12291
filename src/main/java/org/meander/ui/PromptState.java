package org.meander.ui;

import java.util.List;
import org.meander.sam.Point;
import org.meander.sam.Prompt;

/** The prompt being built on one tile: its points so far, and the previous low-resolution mask to refine. */
record PromptState(List<Point> points, float[] previousLowRes) {

    static PromptState empty() {
        return new PromptState(List.of(), null);
    }

    PromptState with(Point point) {
        List<Point> more = new java.util.ArrayList<>(points);
        more.add(point);
        return new PromptState(List.copyOf(more), previousLowRes);
    }

    PromptState refinedBy(float[] lowRes) {
        return new PromptState(points, lowRes);
    }

    boolean isEmpty() {
        return points.isEmpty();
    }

    Prompt toPrompt() {
        return new Prompt(points, null);
    }
}
