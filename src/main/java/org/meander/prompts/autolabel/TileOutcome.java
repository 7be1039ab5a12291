package org.meander.prompts.autolabel;

import org.meander.project.Tile;

/** What auto-label did with one tile, and in {@code detail}, why, in words for a person. */
public record TileOutcome(Tile tile, Kind kind, String detail) {

    public enum Kind {
        /** SAM's mask was written as the tile's label, marked PREDICTED. */
        LABELLED,
        /** The tile already had a label and overwriting was not asked for. */
        SKIPPED,
        /** The rough mask found no water, so there was nothing to prompt SAM with. */
        EMPTY,
        /** Reading, encoding, predicting or writing failed; the tile's label is as it was. */
        FAILED
    }
}
