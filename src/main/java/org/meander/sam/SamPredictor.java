package org.meander.sam;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.meander.sam.modeling.MaskDecoder;
import org.meander.sam.modeling.PromptEncoder;

/**
 * Answers prompts on one encoded image with the prompt encoder and mask decoder only (milliseconds). What depends
 * on the image alone is computed once here: the embedding as tokens, and with the no-mask embedding added.
 * Not thread-safe: one caller at a time.
 */
public final class SamPredictor implements AutoCloseable {

    private final SamModel model;
    private final ImageEmbedding embedding;
    private final NDManager manager;
    private final NDArray imageTokens;
    private final NDArray imageTokensWithoutMask;

    SamPredictor(SamModel model, ImageEmbedding embedding) {
        this.model = model;
        this.embedding = embedding;
        int hidden = model.config().promptEncoder().hiddenSize();
        int grid = model.config().promptEncoder().imageEmbeddingSize();
        if (embedding.channels() != hidden || embedding.side() != grid) {
            throw new IllegalArgumentException("embedding is " + embedding.channels() + " x " + embedding.side()
                    + " x " + embedding.side() + " but the model expects " + hidden + " x " + grid + " x " + grid
                    + ": it was computed by another model");
        }
        manager = model.manager().newSubManager();
        imageTokens = manager.create(embedding.values())
                .reshape(1, hidden, (long) grid * grid).transpose(0, 2, 1).duplicate();
        imageTokensWithoutMask = imageTokens.add(model.block().promptEncoder().noMaskEmbedding());
    }

    public ImageEmbedding embedding() {
        return embedding;
    }

    /** Decodes one prompt. */
    public Prediction predict(Prompt prompt, boolean multimask) {
        return predict(List.of(prompt), null, multimask);
    }

    /**
     * Decodes a point batch: every prompt must have the same number of points, and all or none a box.
     * maskInput: the previous low-resolution logits (256 x 256) to refine, or null.
     */
    public Prediction predict(List<Prompt> prompts, float[] maskInput, boolean multimask) {
        PromptArrays arrays = PromptArrays.of(prompts, embedding.original(), embedding.resized());
        PromptEncoder promptEncoder = model.block().promptEncoder();
        MaskDecoder decoder = model.block().maskDecoder();
        int maskSide = model.config().promptEncoder().maskInputSize();
        try (NDManager request = manager.newSubManager()) {
            // results of operations on this image's arrays must land in the request, not live with the image
            imageTokens.tempAttach(request);
            imageTokensWithoutMask.tempAttach(request);
            NDArray sparse = promptEncoder.embedSparse(
                    request, prompts.size(), arrays.points(), arrays.labels(), arrays.boxes());
            NDArray image = imageTokensWithoutMask;
            if (maskInput != null) {
                if (maskInput.length != maskSide * maskSide) {
                    throw new IllegalArgumentException("mask input has " + maskInput.length + " values, expected "
                            + maskSide + " x " + maskSide);
                }
                NDArray dense = promptEncoder.embedMask(request.create(maskInput).reshape(1, 1, maskSide, maskSide));
                image = dense.add(imageTokens);
            }
            NDList out = decoder.forward(image, sparse, model.prepared(), multimask);
            NDArray masks = out.get(0);
            int candidates = (int) masks.getShape().get(1);
            int side = (int) masks.getShape().get(2);
            return new Prediction(prompts.size(), candidates, side, masks.toFloatArray(), out.get(1).toFloatArray(),
                    embedding.original(), embedding.resized());
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
