package org.meander.sam.modeling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Row-major copies of strided views (a transpose, a split into heads) that are read many times: every product
 * and element-wise pass over a strided array is slower. DJL's {@code duplicate} is {@code torch.clone}, which
 * keeps the strides; a reshape that no view can express copies into row-major order.
 */
public final class Contiguous {

    private Contiguous() {
    }

    /** x itself when it is row-major already, else a row-major copy of the same shape. */
    public static NDArray of(NDArray x) {
        Shape shape = x.getShape();
        return x.reshape(shape.size()).reshape(shape);
    }
}
