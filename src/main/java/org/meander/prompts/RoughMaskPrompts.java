package org.meander.prompts;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.meander.project.LabelMask;
import org.meander.project.edit.MaskOps;
import org.meander.sam.Box;
import org.meander.sam.Point;
import org.meander.sam.Prompt;

/**
 * Draws a SAM prompt from a rough mask with the seed's samplers: spread positive points from the mask's core, negative
 * points from beyond its reach, and the box around its largest water body. With a box, positives come from that body
 * alone: a positive outside the box would contradict it. The samplers' own erosion stays off, since the rough mask's
 * margins are already eroded; their padding points are dropped, as they carry nothing to a single prediction.
 */
public final class RoughMaskPrompts {

    /** The box is the body's exact extent: the perturbation that trains robustness would only blur it here. */
    private static final BoxSampler EXACT_BOX = new BoxSampler(new BoxSettings(0));

    private RoughMaskPrompts() {
    }

    /**
     * The prompt, or null when the recipe finds nothing to draw (a recipe of points only on a mask without core, or
     * of negatives only on a tile that is water everywhere).
     */
    public static Prompt draw(RoughMask mask, PromptRecipe recipe, RandomGenerator random) {
        LabelMask positivesFrom = mask.core();
        Box box = null;
        if (recipe.box()) {
            LabelMask body = MaskOps.largestComponent(mask.water());
            if (!body.isEmpty()) {
                box = EXACT_BOX.sample(body, random);
                positivesFrom = intersection(mask.core(), body);
            }
        }
        List<Point> points = new ArrayList<>();
        points.addAll(realPoints(new ControlPointSampler(new ControlPointSettings(recipe.positives(), 0, false))
                .sample(positivesFrom, random)));
        points.addAll(realPoints(new ControlPointSampler(new ControlPointSettings(0, recipe.negatives(), false))
                .sample(mask.reach(), random)));
        return points.isEmpty() && box == null ? null : new Prompt(points, box);
    }

    private static List<Point> realPoints(List<Point> sampled) {
        return sampled.stream().filter(point -> point.label() != Point.PADDING).toList();
    }

    private static LabelMask intersection(LabelMask a, LabelMask b) {
        byte[] pixels = new byte[a.pixels().length];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (a.pixels()[i] & b.pixels()[i]);
        }
        return new LabelMask(a.width(), a.height(), pixels);
    }

}
