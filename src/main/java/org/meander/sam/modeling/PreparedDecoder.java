package org.meander.sam.modeling;

import ai.djl.ndarray.NDArray;

/**
 * What the mask decoder computes from its weights and the image positional encoding alone, before any image or
 * prompt: the transposed convolutions as matrices and the output tokens. Built once per model for annotation,
 * once per step when training (so that gradients flow through it). Closing its manager frees it.
 *
 * @param imagePositional (1, N, C) positional encoding of the image tokens
 * @param upscale1 (4 * C/4, C): {@code upscale_conv1} as a matrix whose rows are (di, dj, out)
 * @param upscale1Bias (4 * C/4): its bias repeated for the four (di, dj)
 * @param outputTokens (1 + masks, C): the IoU token then the mask tokens
 */
public record PreparedDecoder(
        NDArray imagePositional,
        NDArray upscale1,
        NDArray upscale1Bias,
        NDArray upscale2,
        NDArray upscale2Bias,
        NDArray outputTokens) {
}
