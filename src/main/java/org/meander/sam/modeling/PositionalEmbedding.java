package org.meander.sam.modeling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDArrays;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * {@code SamPositionalEmbedding} (the checkpoint's {@code shared_image_embedding}): random Fourier features of
 * coordinates in [0, 1], [sin(2 pi (2c - 1) G), cos(2 pi (2c - 1) G)].
 */
public final class PositionalEmbedding extends SamBlock {

    private final Parameter gaussianMatrix;

    public PositionalEmbedding(int numPosFeats) {
        gaussianMatrix = parameter("positional_embedding", 2, numPosFeats);
    }

    /** coords: (..., 2) as (x, y) in [0, 1]; returns (..., 2 * numPosFeats). */
    public NDArray forward(NDArray coords) {
        return forwardCentred(coords.mul(2).sub(1));
    }

    /**
     * centred: (..., 2) already mapped to [-1, 1] as 2c - 1 (prompt coordinates are mapped in double precision,
     * as transformers does before casting to float).
     */
    public NDArray forwardCentred(NDArray centred) {
        NDArray gaussian = value(gaussianMatrix);
        // coordinates come as float32; a model held in float64 (a parity check) computes in float64
        NDArray projected = centred.toType(gaussian.getDataType(), false).matMul(gaussian).mul(2 * Math.PI);
        return NDArrays.concat(new NDList(projected.sin(), projected.cos()), -1);
    }

    /** The encoding of every cell centre of a size x size grid, as tokens (1, size * size, C), row by row. */
    public NDArray gridTokens(NDManager manager, int size) {
        float[] centres = new float[size * size * 2];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int i = (y * size + x) * 2;
                // (cumsum - 0.5) / size, computed as transformers does, in float
                centres[i] = ((float) (x + 1) - 0.5f) / size;
                centres[i + 1] = ((float) (y + 1) - 0.5f) / size;
            }
        }
        return forward(manager.create(centres).reshape(1, (long) size * size, 2));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
        return new NDList(forward(in.singletonOrThrow()));
    }
}
