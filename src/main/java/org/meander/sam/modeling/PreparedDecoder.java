package org.meander.sam.modeling;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * What the mask decoder computes from its weights and the image positional encoding alone, before any image or
 * prompt: the fused projections of the image tokens (positional terms included), the transposed convolutions as
 * matrices, and the output tokens. Built once per model for annotation, once per step when training (so that
 * gradients flow through it). Closing its manager frees it.
 *
 * @param imagePositional (N, C) positional encoding of the image tokens
 * @param projections one per two-way layer, then the final attention's
 * @param upscale1 (4 * C/4, C): {@code upscale_conv1} as a matrix whose rows are (di, dj, out)
 * @param upscale1Bias (4 * C/4): its bias repeated for the four (di, dj)
 * @param outputTokens (1 + masks, C): the IoU token then the mask tokens
 */
public record PreparedDecoder(
        NDArray imagePositional,
        List<TwoWayAttention.StackedProjection> projections,
        NDArray upscale1,
        NDArray upscale1Bias,
        NDArray upscale2,
        NDArray upscale2Bias,
        NDArray outputTokens) {
}
