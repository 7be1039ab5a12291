package org.meander.train;

import java.util.List;
import org.meander.project.LabelMask;
import org.meander.sam.Prompt;

/**
 * One tile as an evaluation sees it: the prompts it decodes, the label, and the base and tuned models' masks at the
 * tile's size, one per prompt (in the prompts' order).
 */
public record TileComparison(String tile, List<Prompt> prompts, LabelMask label, List<LabelMask> base,
        List<LabelMask> tuned) {

    public TileComparison {
        prompts = List.copyOf(prompts);
        base = List.copyOf(base);
        tuned = List.copyOf(tuned);
    }
}
