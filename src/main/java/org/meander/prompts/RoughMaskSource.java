package org.meander.prompts;

/** What a rough water mask is made from. */
public enum RoughMaskSource {
    /** The water index of the tile's green channel and its near-infrared band ({@code nir/<tile>.png}). */
    NDWI,
    /** Colour thresholds in HSV on the tile's RGB, for imagery without a near-infrared band. */
    HSV
}
