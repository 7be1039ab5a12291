package org.meander.sam.modeling;

import ai.djl.ndarray.NDArray;

/**
 * What the mask decoder computes from one image alone, before any prompt, for annotation: the image tokens enter
 * the first two-way block unchanged by points and boxes, so that block's image-side projections are made once per
 * image instead of once per click (a mask input moves the tokens by a low-rank {@link MaskShift}, which the block
 * applies through that rank). They depend on the decoder's weights: prepare again after the decoder changes.
 * Closing the arrays' manager frees them.
 *
 * @param image (1, N, C) image tokens with the no-mask embedding added
 * @param keys (1, heads, d, N): the first block's token-to-image keys, projected from the image with its
 *     positional encoding, per head and transposed for the score product
 * @param values (1, heads, N, d): the same attention's values, projected from the image
 * @param queries (1, heads, d, N): the first block's image-to-token queries, projected from the image with its
 *     positional encoding, per head and transposed
 * @param mask the move of the image tokens by a mask input, applied through its low rank, or null without one
 */
public record PreparedImage(NDArray image, NDArray keys, NDArray values, NDArray queries, MaskShift mask) {

    /** Prepared for prompts without a mask input. */
    public PreparedImage(NDArray image, NDArray keys, NDArray values, NDArray queries) {
        this(image, keys, values, queries, null);
    }

    /** The same image, prompted with a mask input. */
    public PreparedImage withMask(MaskShift shift) {
        return new PreparedImage(image, keys, values, queries, shift);
    }
}
