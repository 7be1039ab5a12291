package org.meander.train;

import ai.djl.ndarray.NDArray;

/**
 * The mask decoder's answer to a batch, still in the autograd graph.
 *
 * @param masks (B * P, K, 256, 256) low-resolution logits, P prompts per image, K candidates per prompt
 * @param iou (B * P, K) predicted IoU
 * @param targets (B * P, 1, 256, 256) each prompt's label (its image's)
 */
public record DecoderOutput(NDArray masks, NDArray iou, NDArray targets) {
}
