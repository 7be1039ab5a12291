package org.meander.sam;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The image encoder's sizes: the {@code vision_config} of a Hugging Face SAM {@code config.json}. */
public record VisionConfig(
        int hiddenSize,
        int outputChannels,
        int numHiddenLayers,
        int numAttentionHeads,
        int numChannels,
        int imageSize,
        int patchSize,
        double layerNormEps,
        boolean qkvBias,
        int mlpDim,
        boolean useAbsPos,
        boolean useRelPos,
        int windowSize,
        List<Integer> globalAttnIndexes,
        int numPosFeats) {

    public VisionConfig {
        SamConfig.requirePositive("vision_config.hidden_size", hiddenSize);
        SamConfig.requirePositive("vision_config.output_channels", outputChannels);
        SamConfig.requirePositive("vision_config.num_attention_heads", numAttentionHeads);
        SamConfig.requirePositive("vision_config.num_channels", numChannels);
        SamConfig.requirePositive("vision_config.image_size", imageSize);
        SamConfig.requirePositive("vision_config.patch_size", patchSize);
        SamConfig.requirePositive("vision_config.mlp_dim", mlpDim);
        SamConfig.requirePositive("vision_config.num_pos_feats", numPosFeats);
        globalAttnIndexes = List.copyOf(globalAttnIndexes);
    }

    /** Patches along one side of the padded input: 64 for SAM. */
    public int gridSize() {
        return imageSize / patchSize;
    }

    public int headDim() {
        return hiddenSize / numAttentionHeads;
    }

    /** Window size of layer {@code i}: 0 means global attention. */
    public int windowSizeOf(int layer) {
        return globalAttnIndexes.contains(layer) ? 0 : windowSize;
    }

    /** Reads the JSON object, with the defaults of {@code transformers.SamVisionConfig} for absent keys. */
    static VisionConfig fromJson(JsonNode n) {
        int hidden = n.path("hidden_size").asInt(768);
        double mlpRatio = n.path("mlp_ratio").asDouble(4.0);
        JsonNode mlpDim = n.path("mlp_dim");
        List<Integer> global = new ArrayList<>();
        JsonNode g = n.path("global_attn_indexes");
        if (g.isArray()) {
            g.forEach(i -> global.add(i.asInt()));
        } else {
            global.addAll(List.of(2, 5, 8, 11));
        }
        return new VisionConfig(
                hidden,
                n.path("output_channels").asInt(256),
                n.path("num_hidden_layers").asInt(12),
                n.path("num_attention_heads").asInt(12),
                n.path("num_channels").asInt(3),
                n.path("image_size").asInt(1024),
                n.path("patch_size").asInt(16),
                n.path("layer_norm_eps").asDouble(1e-6),
                n.path("qkv_bias").asBoolean(true),
                mlpDim.isNumber() ? mlpDim.asInt() : (int) (hidden * mlpRatio),
                n.path("use_abs_pos").asBoolean(true),
                n.path("use_rel_pos").asBoolean(true),
                n.path("window_size").asInt(14),
                global,
                n.path("num_pos_feats").asInt(128));
    }
}
