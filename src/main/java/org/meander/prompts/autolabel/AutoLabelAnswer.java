package org.meander.prompts.autolabel;

import org.meander.project.LabelMask;
import org.meander.prompts.RoughMask;
import org.meander.sam.Prompt;

/**
 * What auto-label makes of one tile, before anything is written: its rough mask, the prompt drawn from it and SAM's
 * mask for that prompt (both null when the rough mask offers no prompt), and the outcome in words.
 */
public record AutoLabelAnswer(RoughMask rough, Prompt prompt, LabelMask mask, String detail) {

    /** Whether SAM answered, so that there is a label to write. */
    public boolean labelled() {
        return mask != null;
    }
}
