package org.meander.prompts.autolabel;

import org.meander.prompts.PromptRecipe;
import org.meander.prompts.RoughMaskSettings;

/**
 * How auto-label works through a project: how each tile's rough mask is made, which prompt is drawn from it,
 * whether tiles that already have a label are labelled again ({@code overwrite}; the label replaced is kept in the
 * history), and the seed of the point draws.
 */
public record AutoLabelSettings(RoughMaskSettings roughMask, PromptRecipe prompt, boolean overwrite, long seed) {

    public static final AutoLabelSettings DEFAULT = new AutoLabelSettings(RoughMaskSettings.DEFAULT,
            PromptRecipe.DEFAULT, false, 0);
}
