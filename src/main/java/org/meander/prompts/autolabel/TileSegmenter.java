package org.meander.prompts.autolabel;

import java.io.IOException;
import org.meander.project.Tile;
import org.meander.sam.Prediction;
import org.meander.sam.Prompt;

/**
 * Where auto-label gets SAM's answer for a tile: from a model of its own (the command line), or from the window's
 * SAM thread, between the answers to the annotator's clicks.
 */
public interface TileSegmenter {

    /** SAM's masks for one prompt on the tile, its embedding computed first if it is not cached. */
    Prediction predict(Tile tile, Prompt prompt, boolean multimask) throws IOException;

    /** The decoder that gave the last answer: what a label written from it records. */
    LabellingDecoder decoder();
}
