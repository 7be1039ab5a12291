package org.meander.sam.modeling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.meander.sam.SamConfig;

/**
 * {@code SamModel}: the four top-level parts, named as in the checkpoint ({@code vision_encoder},
 * {@code prompt_encoder}, {@code mask_decoder}, {@code shared_image_embedding}).
 */
public final class SamModelBlock extends SamBlock {

    private final SamConfig config;
    private final PositionalEmbedding sharedImageEmbedding;
    private final VisionEncoder visionEncoder;
    private final PromptEncoder promptEncoder;
    private final MaskDecoder maskDecoder;

    public SamModelBlock(SamConfig config) {
        this.config = config;
        sharedImageEmbedding = child("shared_image_embedding",
                new PositionalEmbedding(config.vision().numPosFeats()));
        visionEncoder = child("vision_encoder", new VisionEncoder(config.vision()));
        promptEncoder = child("prompt_encoder", new PromptEncoder(config.promptEncoder(), sharedImageEmbedding));
        maskDecoder = child("mask_decoder", new MaskDecoder(config.maskDecoder()));
    }

    public SamConfig config() {
        return config;
    }

    public PositionalEmbedding sharedImageEmbedding() {
        return sharedImageEmbedding;
    }

    public VisionEncoder visionEncoder() {
        return visionEncoder;
    }

    public PromptEncoder promptEncoder() {
        return promptEncoder;
    }

    public MaskDecoder maskDecoder() {
        return maskDecoder;
    }

    /** pixel values (B, 3, 1024, 1024) to the image embedding (B, C, 64, 64). */
    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
        NDArray pixels = in.singletonOrThrow();
        return new NDList(visionEncoder.forward(pixels));
    }
}
