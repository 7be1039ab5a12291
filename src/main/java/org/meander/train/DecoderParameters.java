package org.meander.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.meander.sam.SamModel;

/**
 * The mask decoder's parameters by their checkpoint names ({@code mask_decoder.transformer.layers.0.mlp.lin1.weight}):
 * the only weights fine-tuning changes. Their arrays are the model's own, updated in place, so the model always
 * computes with the current values.
 */
public final class DecoderParameters {

    private static final String PREFIX = "mask_decoder.";
    private static final String IOU_HEAD = PREFIX + "iou_prediction_head.";
    private static final NDIndex ALL = new NDIndex("...");

    private final Map<String, NDArray> arrays;

    private DecoderParameters(Map<String, NDArray> arrays) {
        this.arrays = Collections.unmodifiableMap(arrays);
    }

    public static DecoderParameters of(SamModel model) {
        Map<String, NDArray> arrays = new LinkedHashMap<>();
        model.block().maskDecoder().parametersByName()
                .forEach((name, slot) -> arrays.put(PREFIX + name, slot.parameter().getArray()));
        return new DecoderParameters(arrays);
    }

    public Map<String, NDArray> arrays() {
        return arrays;
    }

    /** Makes every decoder parameter a leaf of the autograd graph. */
    public void requireGradients() {
        arrays.values().forEach(array -> array.setRequiresGradient(true));
    }

    /**
     * Whether backpropagation reaches the parameter. The IoU head predicts a score that only the IoU loss term
     * depends on (choosing the best candidate is not differentiable); without that term it gets no gradient, and
     * AdamW, as PyTorch's, leaves such a parameter untouched, weight decay included.
     */
    public static boolean receivesGradient(String name, boolean iouLoss) {
        return iouLoss || !name.startsWith(IOU_HEAD);
    }

    /** The accumulated gradients of the parameters that receive one, as arrays owned by {@code scope}. */
    public Map<String, NDArray> gradients(NDManager scope, boolean iouLoss) {
        Map<String, NDArray> gradients = new LinkedHashMap<>();
        arrays.forEach((name, array) -> {
            if (receivesGradient(name, iouLoss)) {
                NDArray gradient = array.getGradient();
                gradient.attach(scope);
                gradients.put(name, gradient);
            }
        });
        return gradients;
    }

    /** Clears the accumulated gradients before the next backward pass (PyTorch adds into them). */
    public void zeroGradients() {
        try (NoGradient off = NoGradient.enter()) {
            for (NDArray array : arrays.values()) {
                try (NDArray gradient = array.getGradient()) {
                    gradient.subi(gradient);
                }
            }
        }
    }

    /** A copy of every value, by name. */
    public Map<String, float[]> values() {
        Map<String, float[]> values = new LinkedHashMap<>();
        arrays.forEach((name, array) -> values.put(name, array.toFloatArray()));
        return values;
    }

    /** Overwrites the parameters in place; every name must be present with the parameter's size. */
    public void load(Map<String, float[]> values) {
        try (NoGradient off = NoGradient.enter()) {
            loadRecordingOff(values);
        }
    }

    private void loadRecordingOff(Map<String, float[]> values) {
        arrays.forEach((name, array) -> {
            float[] value = values.get(name);
            if (value == null) {
                throw new IllegalArgumentException("no value for decoder parameter " + name);
            }
            if (value.length != array.size()) {
                throw new IllegalArgumentException("decoder parameter " + name + " has " + array.size()
                        + " values, the checkpoint " + value.length + ": it belongs to a model of other sizes");
            }
            // a whole-array index write: NDArray.set(float[]) makes libtorch print a deprecation warning to users
            try (NDManager scope = array.getManager().newSubManager()) {
                array.set(ALL, scope.create(value, array.getShape()));
            }
        });
    }
}
