package org.meander.prompts;

/**
 * Which prompt to draw from a rough mask: {@code positives} points surely in the water, {@code negatives} surely
 * outside it, and, with {@code box}, the extent of the largest water body.
 *
 * <p>The default, three positives and one negative without a box: a river often crosses the whole tile, so its box
 * says little, while a few spread positives tell SAM that the thin, winding shape is one object.
 */
public record PromptRecipe(int positives, int negatives, boolean box) {

    public static final PromptRecipe DEFAULT = new PromptRecipe(3, 1, false);

    public PromptRecipe {
        if (positives < 0 || negatives < 0) {
            throw new IllegalArgumentException("prompt points must not be negative, got " + positives
                    + " positives and " + negatives + " negatives");
        }
        if (positives == 0 && negatives == 0 && !box) {
            throw new IllegalArgumentException("a prompt needs points or a box: ask for at least one point, or the"
                    + " box");
        }
    }
}
