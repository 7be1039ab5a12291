package org.meander.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.meander.sam.ImageEmbedding;
import org.meander.sam.PromptArrays;
import org.meander.sam.SamModel;
import org.meander.sam.modeling.MaskDecoder;
import org.meander.sam.modeling.PreparedDecoder;
import org.meander.sam.modeling.PromptEncoder;
import org.meander.sam.modeling.SamModelBlock;

/**
 * Runs the frozen prompt encoder and the trainable mask decoder on a batch of cached embeddings. Everything the
 * decoder computes from its weights is recomputed inside the caller's scope, so gradients reach every decoder
 * parameter; the prompt encoder and the image positional encoding are constants.
 */
public final class DecoderForward {

    private final SamModel model;

    public DecoderForward(SamModel model) {
        this.model = model;
    }

    public DecoderOutput run(NDManager scope, List<TrainingExample> batch, boolean multimask) {
        SamModelBlock block = model.block();
        PromptEncoder promptEncoder = block.promptEncoder();
        MaskDecoder decoder = block.maskDecoder();
        int grid = model.config().promptEncoder().imageEmbeddingSize();
        int lowRes = model.config().promptEncoder().maskInputSize();
        int prompts = batch.get(0).prompts().size();

        NDList images = new NDList();
        NDList sparse = new NDList();
        NDList targets = new NDList();
        for (TrainingExample example : batch) {
            if (example.prompts().size() != prompts) {
                throw new IllegalArgumentException(example.tile() + ": " + example.prompts().size()
                        + " prompts, but the batch has " + prompts + " per image");
            }
            ImageEmbedding embedding = example.embedding();
            images.add(scope.create(embedding.values())
                    .reshape(1, embedding.channels(), (long) grid * grid).transpose(0, 2, 1));
            PromptArrays arrays = PromptArrays.of(example.prompts(), embedding.original(), embedding.resized());
            sparse.add(promptEncoder.embedSparse(scope, prompts, arrays.points(), arrays.labels(), arrays.boxes()));
            targets.add(scope.create(example.target()).reshape(1, 1, lowRes, lowRes));
        }
        NDArray noMask = promptEncoder.noMaskEmbedding();
        NDArray image = NDArrays.concat(images).add(noMask).repeat(0, prompts);
        NDArray positional = block.sharedImageEmbedding().gridTokens(scope, grid);
        PreparedDecoder prepared = decoder.prepare(scope, positional);
        NDList out = decoder.forward(image, NDArrays.concat(sparse), prepared, multimask);
        return new DecoderOutput(out.get(0), out.get(1), NDArrays.concat(targets).repeat(0, prompts));
    }
}
