package org.meander.sam.modeling;

/** How the mask decoder computes attention between the prompt tokens and the image. */
public enum AttentionOrder {
    /**
     * The image side is never projected (see {@link TwoWayAttention}): half the work, the fastest for annotation.
     * Mathematically the same function; its rounding differs from transformers', and the attention key biases get
     * no gradient (their true gradient is 0).
     */
    LOW_RANK,
    /**
     * The operations in transformers' order. Fine-tuning uses it: AdamW divides each gradient by its own size, so
     * gradient elements near zero must be rounded as the reference rounds them for the weights to follow the same path.
     */
    TRANSFORMERS
}
