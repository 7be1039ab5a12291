package org.meander.sam;

import com.fasterxml.jackson.databind.JsonNode;

/** The prompt encoder's sizes: the {@code prompt_encoder_config} of a Hugging Face SAM {@code config.json}. */
public record PromptEncoderConfig(
        int hiddenSize, int imageSize, int patchSize, int maskInputChannels, int numPointEmbeddings, double layerNormEps) {

    public PromptEncoderConfig {
        SamConfig.requirePositive("prompt_encoder_config.hidden_size", hiddenSize);
        SamConfig.requirePositive("prompt_encoder_config.image_size", imageSize);
        SamConfig.requirePositive("prompt_encoder_config.patch_size", patchSize);
        SamConfig.requirePositive("prompt_encoder_config.mask_input_channels", maskInputChannels);
        SamConfig.requirePositive("prompt_encoder_config.num_point_embeddings", numPointEmbeddings);
    }

    /** Side of the image embedding grid: 64 for SAM. */
    public int imageEmbeddingSize() {
        return imageSize / patchSize;
    }

    /** Side of the low-resolution mask a prompt may carry: 256 for SAM. */
    public int maskInputSize() {
        return 4 * imageEmbeddingSize();
    }

    static PromptEncoderConfig fromJson(JsonNode n) {
        return new PromptEncoderConfig(
                n.path("hidden_size").asInt(256),
                n.path("image_size").asInt(1024),
                n.path("patch_size").asInt(16),
                n.path("mask_input_channels").asInt(16),
                n.path("num_point_embeddings").asInt(4),
                n.path("layer_norm_eps").asDouble(1e-6));
    }
}
