package org.meander.sam.modeling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

/** LinearLayer is x W^T + b over the last axis for any number of axes, forward and backward, and on grids. */
class LinearLayerTest {

    private static final Shape[] INPUT_SHAPES = {new Shape(5, 4), new Shape(2, 5, 4), new Shape(2, 3, 5, 4)};

    @Test
    void computesTheAffineMapOverTheLastAxis() {
        for (boolean withBias : new boolean[] {true, false}) {
            try (NDManager manager = NDManager.newBaseManager()) {
                LinearLayer layer = layer(manager, withBias);
                for (Shape shape : INPUT_SHAPES) {
                    NDArray x = manager.randomNormal(shape);
                    NDArray y = layer.forward(x);
                    assertEquals(shape.slice(0, shape.dimension() - 1).add(3), y.getShape());
                    assertArrayEquals(expected(layer, x).toFloatArray(), y.toFloatArray(), 1e-5f,
                            shape + (withBias ? " with bias" : " without bias"));
                }
            }
        }
    }

    @Test
    void onAGridItIsTheSameMapOnEveryPixel() {
        for (boolean withBias : new boolean[] {true, false}) {
            try (NDManager manager = NDManager.newBaseManager()) {
                LinearLayer layer = layer(manager, withBias);
                NDArray grid = manager.randomNormal(new Shape(2, 3, 5, 4));
                NDArray y = layer.forwardGrid(grid);
                assertEquals(new Shape(2, 3, 5, 3), y.getShape());
                assertArrayEquals(expected(layer, grid).toFloatArray(), y.reshape(-1).toFloatArray(), 1e-5f,
                        withBias ? "with bias" : "without bias");
            }
        }
    }

    @Test
    void gradientsReachTheInputAndTheParameters() {
        for (Shape shape : INPUT_SHAPES) {
            try (NDManager manager = NDManager.newBaseManager()) {
                LinearLayer layer = layer(manager, true);
                NDArray x = manager.randomNormal(shape);
                NDArray upstream = manager.randomNormal(shape.slice(0, shape.dimension() - 1).add(3));
                x.setRequiresGradient(true);
                layer.weight().setRequiresGradient(true);
                layer.bias().setRequiresGradient(true);
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    collector.backward(layer.forward(x).mul(upstream).sum());
                }
                NDArray rows = x.reshape(-1, 4);
                NDArray upstreamRows = upstream.reshape(-1, 3);
                assertArrayEquals(upstream.matMul(layer.weight()).toFloatArray(),
                        x.getGradient().toFloatArray(), 1e-5f, shape + " input");
                assertArrayEquals(upstreamRows.transpose().matMul(rows).toFloatArray(),
                        layer.weight().getGradient().toFloatArray(), 1e-5f, shape + " weight");
                assertArrayEquals(upstreamRows.sum(new int[] {0}).toFloatArray(),
                        layer.bias().getGradient().toFloatArray(), 1e-5f, shape + " bias");
            }
        }
    }

    /** A 4-to-3 layer with random weights. */
    private static LinearLayer layer(NDManager manager, boolean withBias) {
        LinearLayer layer = new LinearLayer(4, 3, withBias);
        layer.parametersByName().forEach((name, slot) ->
                slot.parameter().setArray(manager.randomNormal(slot.shape())));
        return layer;
    }

    private static NDArray expected(LinearLayer layer, NDArray x) {
        NDArray product = x.matMul(layer.weight().transpose());
        return layer.bias() == null ? product : product.add(layer.bias());
    }
}
