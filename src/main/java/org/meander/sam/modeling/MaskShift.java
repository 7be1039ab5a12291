package org.meander.sam.modeling;

import ai.djl.ndarray.NDArray;

/**
 * A mask input as a change of the image tokens: its dense embedding replaces the no-mask one, which moves token n by
 * {@code projection features[:, n]}. The mask embedding's last layer is a 1 x 1 convolution of few channels (k = 16
 * for SAM), so the move has rank k + 1 and the decoder applies it through that rank, never as an image-sized array:
 * a refining click keeps the image's prepared projections and costs about what a first click costs.
 *
 * @param features (1, k + 1, N): the mask's downscaled features per image token, then a row of ones
 * @param projection (C, k + 1): the last layer's weight, then its bias less the no-mask embedding
 */
public record MaskShift(NDArray features, NDArray projection) {

    /** The move as a linear layer's weight (D, C) sees it, split into heads of D / heads rows: (heads, d, k + 1). */
    NDArray through(LinearLayer layer, int heads) {
        NDArray projected = layer.weight().matMul(projection);
        return projected.reshape(heads, -1, projected.getShape().get(1));
    }

    /** The features as (1, N, k + 1) rows, one per image token (a transposed view). */
    NDArray rows() {
        return features.transpose(0, 2, 1);
    }
}
