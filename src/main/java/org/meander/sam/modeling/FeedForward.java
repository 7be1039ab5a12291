package org.meander.sam.modeling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/** {@code SamFeedForward}: proj_in, {@code depth - 2} hidden layers, proj_out, ReLU between them. */
public final class FeedForward extends SamBlock {

    private final LinearLayer projIn;
    private final List<LinearLayer> layers = new ArrayList<>();
    private final LinearLayer projOut;

    public FeedForward(int in, int hidden, int out, int depth) {
        projIn = child("proj_in", new LinearLayer(in, hidden));
        for (int i = 0; i < depth - 2; i++) {
            layers.add(child("layers." + i, new LinearLayer(hidden, hidden)));
        }
        projOut = child("proj_out", new LinearLayer(hidden, out));
    }

    public NDArray forward(NDArray x) {
        NDArray h = Activation.relu(projIn.forward(x));
        for (LinearLayer layer : layers) {
            h = Activation.relu(layer.forward(h));
        }
        return projOut.forward(h);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
        return new NDList(forward(in.singletonOrThrow()));
    }
}
