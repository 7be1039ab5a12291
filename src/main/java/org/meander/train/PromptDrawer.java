package org.meander.train;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.meander.project.LabelMask;
import org.meander.prompts.BoxSampler;
import org.meander.prompts.ControlPointSampler;
import org.meander.sam.Box;
import org.meander.sam.Point;
import org.meander.sam.Prompt;

/** Draws a label's prompts for one step with the project's samplers, as the run's settings ask. */
public final class PromptDrawer {

    private final TrainingConfig config;
    private final ControlPointSampler points;
    private final BoxSampler boxes;

    public PromptDrawer(TrainingConfig config) {
        this.config = config;
        this.points = new ControlPointSampler(config.controlPoints());
        this.boxes = new BoxSampler(config.box());
    }

    /** The prompts of one image; their number depends only on the settings, so images batch together. */
    public List<Prompt> draw(LabelMask label, RandomGenerator random) {
        Box box = config.promptType() == PromptType.POINTS ? null : box(label, random);
        if (config.promptType() == PromptType.BOX) {
            return List.of(Prompt.of(box));
        }
        List<Point> drawn = points.sample(label, random);
        if (config.pointFeeding() == PointFeeding.TOGETHER) {
            return List.of(new Prompt(drawn, box));
        }
        List<Prompt> prompts = new ArrayList<>(drawn.size());
        for (Point point : drawn) {
            prompts.add(new Prompt(List.of(point), box));
        }
        return prompts;
    }

    /** An empty label (no river on the tile) gets the whole tile as its box: SAM should then find nothing. */
    private Box box(LabelMask label, RandomGenerator random) {
        if (!label.isEmpty()) {
            return boxes.sample(label, random);
        }
        return new Box(0, 0, label.width() - 1, label.height() - 1);
    }
}
