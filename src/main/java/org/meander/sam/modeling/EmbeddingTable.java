package org.meander.sam.modeling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** {@code torch.nn.Embedding} as SAM uses it: a learned table of {@code count} vectors, read whole. */
public final class EmbeddingTable extends SamBlock {

    private final Parameter weight;

    public EmbeddingTable(int count, int size) {
        weight = parameter("weight", count, size);
    }

    /** The (count, size) table. */
    public NDArray weight() {
        return value(weight);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
        return new NDList(weight());
    }
}
