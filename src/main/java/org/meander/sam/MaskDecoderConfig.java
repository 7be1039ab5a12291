package org.meander.sam;

import com.fasterxml.jackson.databind.JsonNode;

/** The mask decoder's sizes: the {@code mask_decoder_config} of a Hugging Face SAM {@code config.json}. */
public record MaskDecoderConfig(
        int hiddenSize,
        int mlpDim,
        int numHiddenLayers,
        int numAttentionHeads,
        int attentionDownsampleRate,
        int numMultimaskOutputs,
        int iouHeadDepth,
        int iouHeadHiddenDim,
        double layerNormEps) {

    public MaskDecoderConfig {
        SamConfig.requirePositive("mask_decoder_config.hidden_size", hiddenSize);
        SamConfig.requirePositive("mask_decoder_config.mlp_dim", mlpDim);
        SamConfig.requirePositive("mask_decoder_config.num_hidden_layers", numHiddenLayers);
        SamConfig.requirePositive("mask_decoder_config.num_attention_heads", numAttentionHeads);
        SamConfig.requirePositive("mask_decoder_config.attention_downsample_rate", attentionDownsampleRate);
        SamConfig.requirePositive("mask_decoder_config.iou_head_hidden_dim", iouHeadHiddenDim);
    }

    /** The IoU-less single-mask token plus one token per multimask candidate. */
    public int numMaskTokens() {
        return numMultimaskOutputs + 1;
    }

    static MaskDecoderConfig fromJson(JsonNode n) {
        return new MaskDecoderConfig(
                n.path("hidden_size").asInt(256),
                n.path("mlp_dim").asInt(2048),
                n.path("num_hidden_layers").asInt(2),
                n.path("num_attention_heads").asInt(8),
                n.path("attention_downsample_rate").asInt(2),
                n.path("num_multimask_outputs").asInt(3),
                n.path("iou_head_depth").asInt(3),
                n.path("iou_head_hidden_dim").asInt(256),
                n.path("layer_norm_eps").asDouble(1e-6));
    }
}
