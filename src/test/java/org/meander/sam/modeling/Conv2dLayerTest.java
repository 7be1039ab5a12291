package org.meander.sam.modeling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/** A convolution whose kernel is its stride, as patch-wise products on a channels-last grid, is torch's Conv2d. */
class Conv2dLayerTest {

    @Test
    void patchWiseProductsOnAChannelsLastGridAreTheConvolution() {
        for (int kernel : new int[] {1, 2, 4}) {
            for (boolean withBias : new boolean[] {true, false}) {
                try (NDManager manager = NDManager.newBaseManager()) {
                    Conv2dLayer layer = new Conv2dLayer(3, 5, kernel, kernel, 0, withBias);
                    layer.parametersByName().forEach((name, slot) ->
                            slot.parameter().setArray(manager.randomNormal(slot.shape())));
                    NDArray nchw = manager.randomNormal(new Shape(2, 3, 8, 12));
                    NDArray expected = layer.forward(nchw).transpose(0, 2, 3, 1);
                    NDArray patches = layer.forwardPatches(nchw.transpose(0, 2, 3, 1));
                    String what = "kernel " + kernel + (withBias ? " with bias" : " without bias");
                    assertEquals(new Shape(2, 8 / kernel, 12 / kernel, 5), patches.getShape(), what);
                    assertArrayEquals(expected.reshape(-1).toFloatArray(), patches.reshape(-1).toFloatArray(),
                            1e-5f, what);
                }
            }
        }
    }
}
