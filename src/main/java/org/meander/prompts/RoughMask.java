package org.meander.prompts;

import org.meander.project.LabelMask;

/**
 * Water as a spectral index or a colour threshold sees it, cleaned: {@code water} is the mask without its small
 * components; {@code core} is that mask eroded, the pixels surely water, where positive points are drawn; {@code reach}
 * is the uncleaned mask grown by the same amount, so that its background is surely not water, where negative points
 * are drawn. A rough mask's edges are its least trustworthy part; the margins keep points away from them.
 */
public record RoughMask(LabelMask water, LabelMask core, LabelMask reach) {

    /** No pixel is surely water: nothing to prompt SAM with. */
    public boolean isEmpty() {
        return core.isEmpty();
    }

    /** The share of the tile that is water, 0 to 1. */
    public double waterFraction() {
        return (double) water.foreground() / water.pixels().length;
    }
}
