package org.meander.sam.modeling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.function.Function;

/**
 * Runs a step in its own NDManager so that its intermediate arrays are freed as soon as it ends (every NDArray
 * lives until its manager closes), keeping only the result.
 */
final class Scope {

    private Scope() {
    }

    /** Applies {@code step} to {@code input}; the result belongs to the input's manager, everything else is freed. */
    static NDArray keep(NDArray input, Function<NDArray, NDArray> step) {
        NDManager owner = input.getManager();
        try (NDManager scope = owner.newSubManager()) {
            input.tempAttach(scope);
            NDArray result = step.apply(input);
            result.attach(owner);
            return result;
        }
    }
}
