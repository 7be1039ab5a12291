package org.meander.sam.modeling;

import ai.djl.ndarray.NDArray;

/**
 * Scalars for arithmetic on arrays that may require gradients. DJL's {@code mul(Number)}, {@code div(Number)} and
 * the like wrap the number in an array backed by a Java buffer and close that array as soon as the operation
 * returns; autograd keeps the scalar for the backward pass, and once the garbage collector frees the buffer the
 * gradients are computed from freed memory. A scalar from here lives in the manager of the array it goes with, so
 * it outlives the backward pass of the step or request that made it.
 */
public final class Scalars {

    private Scalars() {
    }

    /** A float32 scalar owned by {@code companion}'s manager. */
    public static NDArray of(NDArray companion, double value) {
        return companion.getManager().create((float) value);
    }
}
