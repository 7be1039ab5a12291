package org.meander.sam;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.List;
import org.meander.sam.modeling.Contiguous;
import org.meander.sam.modeling.MaskDecoder;
import org.meander.sam.modeling.PreparedDecoder;
import org.meander.sam.modeling.PreparedImage;
import org.meander.sam.modeling.PromptEncoder;

/**
 * Answers prompts on one encoded image with the prompt encoder and mask decoder only (milliseconds). What depends
 * on the image alone is computed once here: the embedding as tokens, with the no-mask embedding added, and the
 * decoder's first image-side projections (again after the model's decoder changed). Not thread-safe: one caller at
 * a time.
 */
public final class SamPredictor implements AutoCloseable {

    private final SamModel model;
    private final ImageEmbedding embedding;
    private final NDManager manager;
    private final NDArray imageTokensWithoutMask;
    /** The decoder {@link #prepared} was made for, and the manager holding it. */
    private PreparedDecoder preparedFor;
    private NDManager preparedScope;
    private PreparedImage prepared;

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
        try (NDManager tokens = manager.newSubManager()) {
            imageTokensWithoutMask = Contiguous.of(tokens.create(embedding.values())
                    .reshape(1, hidden, (long) grid * grid).transpose(0, 2, 1))
                    .add(model.block().promptEncoder().noMaskEmbedding());
            imageTokensWithoutMask.attach(manager);
        }
        prepare();
    }

    /** The first two-way block's image-side projections, for the model's decoder as it is now. */
    private PreparedImage prepare() {
        PreparedDecoder decoder = model.prepared();
        if (decoder != preparedFor) {
            NDManager scope = manager.newSubManager();
            try (NDManager work = manager.newSubManager()) {
                imageTokensWithoutMask.tempAttach(work);
                PreparedImage image = model.block().maskDecoder().prepareImage(imageTokensWithoutMask, decoder);
                image.keys().attach(scope);
                image.values().attach(scope);
                image.queries().attach(scope);
                if (preparedScope != null) {
                    preparedScope.close();
                }
                preparedScope = scope;
                prepared = image;
                preparedFor = decoder;
            } catch (RuntimeException e) {
                scope.close();
                throw e;
            }
        }
        return prepared;
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
        if (maskInput != null && maskInput.length != maskSide * maskSide) {
            throw new IllegalArgumentException("mask input has " + maskInput.length + " values, expected "
                    + maskSide + " x " + maskSide);
        }
        PreparedImage image = prepare();
        try (NDManager request = manager.newSubManager()) {
            // results of operations on this image's arrays must land in the request, not live with the image
            imageTokensWithoutMask.tempAttach(request);
            image.keys().tempAttach(request);
            image.values().tempAttach(request);
            image.queries().tempAttach(request);
            NDArray sparse = promptEncoder.embedSparse(
                    request, prompts.size(), arrays.points(), arrays.labels(), arrays.boxes());
            NDList out;
            if (maskInput == null) {
                out = decoder.forward(image, sparse, model.prepared(), multimask);
            } else {
                NDArray mask = request.create(maskInput).reshape(1, 1, maskSide, maskSide);
                out = decoder.forward(image.withMask(promptEncoder.maskShift(mask)), sparse, model.prepared(),
                        multimask);
            }
            // float32 out whatever the model computes in (float64 for a parity check)
            NDArray masks = out.get(0).toType(DataType.FLOAT32, false);
            int candidates = (int) masks.getShape().get(1);
            int side = (int) masks.getShape().get(2);
            return new Prediction(prompts.size(), candidates, side, masks.toFloatArray(),
                    out.get(1).toType(DataType.FLOAT32, false).toFloatArray(), embedding.original(),
                    embedding.resized());
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
