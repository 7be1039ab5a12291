package org.meander.train;

import java.util.List;
import org.meander.sam.ImageEmbedding;
import org.meander.sam.Prompt;

/**
 * One image of a training batch: its cached embedding, the prompts drawn for it this time (a point batch: every
 * prompt with the same number of points, all or none with a box), and its label in SAM's low-resolution frame.
 *
 * @param target the label as {@link LowResTarget} makes it: 256 x 256 values, 1 inside, 0 outside
 */
public record TrainingExample(String tile, ImageEmbedding embedding, List<Prompt> prompts, float[] target) {

    public TrainingExample {
        if (prompts.isEmpty()) {
            throw new IllegalArgumentException(tile + ": a training example needs at least one prompt");
        }
        prompts = List.copyOf(prompts);
    }
}
