package org.meander.sam.modeling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.meander.sam.VisionConfig;

/**
 * {@code SamPatchEmbeddings}: a patch-size convolution, returned channels-last (B, 64, 64, hidden) in row-major memory,
 * so that the residual stream of every layer after it is too.
 */
public final class PatchEmbedding extends SamBlock {

    private final Conv2dLayer projection;

    public PatchEmbedding(VisionConfig config) {
        projection = child("projection", new Conv2dLayer(
                config.numChannels(), config.hiddenSize(), config.patchSize(), config.patchSize(), 0, true));
    }

    public NDArray forward(NDArray pixelValues) {
        return Contiguous.of(projection.forward(pixelValues).transpose(0, 2, 3, 1));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
        return new NDList(forward(in.singletonOrThrow()));
    }
}
