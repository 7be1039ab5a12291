package org.meander.cli;

import org.meander.sam.MaskDecoderConfig;
import org.meander.sam.SamConfig;
import org.meander.sam.VisionConfig;

/**
 * Floating-point operations (a multiply-add counts 2) of the work SAM does, counted from its sizes: matrix
 * products and convolutions, which are all but a few percent of it. Element-wise work is left out, so an
 * efficiency computed from these counts is a lower bound.
 */
final class SamFlops {

    private final SamConfig config;

    SamFlops(SamConfig config) {
        this.config = config;
    }

    /**
     * One image through the vision encoder: every grid token's projections, and its query over the keys of its
     * window (or of the whole grid), padding of windows included among the keys. Padded tokens' own projections and
     * queries are not counted: their outputs are cropped away, and the encoder does not compute them.
     */
    double encoder() {
        VisionConfig v = config.vision();
        double g = v.gridSize();
        double tokens = g * g;
        double d = v.hiddenSize();
        double flops = 2 * tokens * d * v.numChannels() * v.patchSize() * v.patchSize();
        for (int layer = 0; layer < v.numHiddenLayers(); layer++) {
            flops += 2 * tokens * d * 3 * d + 2 * tokens * d * d + 2 * 2 * tokens * d * v.mlpDim();
            int window = v.windowSizeOf(layer);
            double side = window == 0 ? g : window;
            flops += 2 * 2 * tokens * side * side * d; // scores and weighted values
            if (v.useRelPos()) {
                flops += 2 * tokens * (2 * side) * d; // decomposed relative positions
            }
        }
        double out = v.outputChannels();
        flops += 2 * tokens * d * out + 2 * tokens * out * out * 9;
        return flops;
    }

    /**
     * One click as {@code SamPredictor} computes it from a prepared image, without a mask input, with multimask
     * output and promptTokens sparse tokens: the first block on the image's projections made once (see
     * PreparedImage), the later cross attentions in their low-rank form (see TwoWayAttention), the token side, the
     * upscaling and the three masks.
     */
    double decoderClick(int promptTokens) {
        MaskDecoderConfig m = config.maskDecoder();
        double n = Math.pow(config.promptEncoder().imageEmbeddingSize(), 2);
        double c = m.hiddenSize();
        double inner = c / m.attentionDownsampleRate();
        double t = m.numMaskTokens() + 1 + promptTokens;
        double ht = m.numAttentionHeads() * t;
        double tokenProjections = 2 * 2 * t * c * inner; // two projections of the tokens an attention
        double tokensToImage = 2 * ht * inner * c + 2 * ht * c * n + 2 * ht * n * c + 2 * ht * c * inner
                + tokenProjections;
        double imageToTokens = 2 * ht * inner * c + 2 * ht * c * n + 2 * ht * inner * c + 2 * n * ht * c
                + tokenProjections;
        double tokensToProjectedImage = 2 * 2 * t * inner * n + tokenProjections;
        double projectedImageToTokens = 2 * t * inner * n + 2 * ht * inner * c + 2 * n * ht * c + tokenProjections;
        double tokenSide = 2 * t * c * c * 4 + 2 * 2 * t * t * c + 2 * 2 * t * c * m.mlpDim();
        double flops = tokensToProjectedImage + projectedImageToTokens + tokenSide
                + (m.numHiddenLayers() - 1) * (tokensToImage + imageToTokens + tokenSide) + tokensToImage;
        flops += 2 * n * c * c + 2 * 4 * n * (c / 4) * (c / 2); // two transposed convolutions
        flops += 2 * m.numMultimaskOutputs() * 16 * n * (c / 8);
        return flops;
    }
}
