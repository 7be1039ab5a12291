package org.meander.sam.modeling;

import ai.djl.ndarray.NDArray;

/** Row-major (C-contiguous) arrays out of views whose strides are permuted. */
public final class Contiguous {

    private Contiguous() {
    }

    /**
     * The values of {@code x} in row-major memory: a view of {@code x} when it already is, else one copy. Element-wise
     * results keep their first input's strides, and layer norm copies any non-contiguous input, so a permuted view
     * left in a residual stream costs a copy in every layer. DJL's {@code duplicate()} (torch's clone) keeps the
     * strides; reshaping to one axis cannot be a view of permuted strides, so torch copies into row-major memory,
     * and reshaping back is a view of that copy. Arrays read many times (the decoder's per-image work) are made
     * row-major for the same reason.
     */
    public static NDArray of(NDArray x) {
        return x.reshape(-1).reshape(x.getShape());
    }
}
