package org.meander.sam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** SAM's architecture, read from a Hugging Face {@code config.json}; any sizes (test fixtures, ViT-B/L/H). */
public record SamConfig(VisionConfig vision, PromptEncoderConfig promptEncoder, MaskDecoderConfig maskDecoder) {

    public SamConfig {
        if (promptEncoder.imageEmbeddingSize() != vision.gridSize()) {
            throw new IllegalArgumentException("prompt_encoder_config image_size/patch_size give a "
                    + promptEncoder.imageEmbeddingSize() + " grid but vision_config gives " + vision.gridSize());
        }
        if (promptEncoder.hiddenSize() != maskDecoder.hiddenSize()
                || promptEncoder.hiddenSize() != vision.outputChannels()) {
            throw new IllegalArgumentException("prompt_encoder_config.hidden_size (" + promptEncoder.hiddenSize()
                    + "), mask_decoder_config.hidden_size (" + maskDecoder.hiddenSize()
                    + ") and vision_config.output_channels (" + vision.outputChannels() + ") must be equal");
        }
        if (2 * vision.numPosFeats() != promptEncoder.hiddenSize()) {
            throw new IllegalArgumentException("vision_config.num_pos_feats (" + vision.numPosFeats()
                    + ") must be half of prompt_encoder_config.hidden_size (" + promptEncoder.hiddenSize() + ")");
        }
    }

    /**
     * A size or divisor read from config.json must be positive: zero would divide by zero and a negative size
     * would fail deep inside DJL, neither naming the field.
     */
    static void requirePositive(String field, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " is " + value + " but must be positive");
        }
    }

    /** Reads {@code config.json}; errors name the file and the field. */
    public static SamConfig read(Path configJson) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(configJson));
        } catch (JsonProcessingException e) {
            // getOriginalMessage: without Jackson's source excerpt, which spans lines and repeats the content
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new IOException(configJson + ": not valid JSON (" + e.getOriginalMessage() + where
                    + "); it should be the model's config.json as Hugging Face writes it: download it again", e);
        } catch (IOException e) {
            // e.g. a file that is not UTF-8, whose exception says only "Input length = 1"
            throw new IOException(configJson + ": cannot be read as text (" + e + "); it should be the model's"
                    + " config.json as Hugging Face writes it: download it again", e);
        }
        String type = root.path("model_type").asText("");
        if (!type.equals("sam")) {
            throw new IOException(configJson + ": model_type is \"" + type + "\", expected \"sam\" (a Hugging Face"
                    + " SamModel such as facebook/sam-vit-base)");
        }
        try {
            return new SamConfig(
                    VisionConfig.fromJson(root.path("vision_config")),
                    PromptEncoderConfig.fromJson(root.path("prompt_encoder_config")),
                    MaskDecoderConfig.fromJson(root.path("mask_decoder_config")));
        } catch (IllegalArgumentException e) {
            throw new IOException(configJson + ": " + e.getMessage(), e);
        }
    }

    /** The sizes of {@code facebook/sam-vit-base}, for benchmarks with random weights. */
    public static SamConfig vitBase() {
        return new SamConfig(
                new VisionConfig(768, 256, 12, 12, 3, 1024, 16, 1e-6, true, 3072, true, true, 14,
                        List.of(2, 5, 8, 11), 128),
                new PromptEncoderConfig(256, 1024, 16, 16, 4, 1e-6),
                new MaskDecoderConfig(256, 2048, 2, 8, 2, 3, 3, 256, 1e-6));
    }
}
