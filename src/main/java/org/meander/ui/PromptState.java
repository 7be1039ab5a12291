package org.meander.ui;

import java.util.ArrayList;
import java.util.List;
import org.meander.sam.Box;
import org.meander.sam.Point;
import org.meander.sam.Prompt;

/**
 * The prompt being built on one tile: its points, its box, and the low-resolution logits of the mask last shown,
 * fed back to SAM with the next change as its own demo does.
 */
record PromptState(List<Point> points, Box box, float[] previousLowRes) {

    static PromptState empty() {
        return new PromptState(List.of(), null, null);
    }

    PromptState with(Point point) {
        List<Point> more = new ArrayList<>(points);
        more.add(point);
        return new PromptState(List.copyOf(more), box, previousLowRes);
    }

    PromptState with(Box newBox) {
        return new PromptState(points, newBox, previousLowRes);
    }

    PromptState refinedBy(float[] lowRes) {
        return new PromptState(points, box, lowRes);
    }

    boolean isEmpty() {
        return points.isEmpty() && box == null;
    }

    Prompt toPrompt() {
        return new Prompt(points, box);
    }
}
