package org.meander.sam.modeling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.meander.sam.VisionConfig;

/** {@code SamVisionEncoder}: the ViT image encoder, from pixel values (B, 3, 1024, 1024) to the image embedding. */
public final class VisionEncoder extends SamBlock {

    private final PatchEmbedding patchEmbed;
    private final Parameter posEmbed;
    private final List<VisionLayer> layers = new ArrayList<>();
    private final VisionNeck neck;

    public VisionEncoder(VisionConfig config) {
        patchEmbed = child("patch_embed", new PatchEmbedding(config));
        posEmbed = config.useAbsPos()
                ? parameter("pos_embed", 1, config.gridSize(), config.gridSize(), config.hiddenSize())
                : null;
        for (int i = 0; i < config.numHiddenLayers(); i++) {
            layers.add(child("layers." + i, new VisionLayer(config, config.windowSizeOf(i))));
        }
        neck = child("neck", new VisionNeck(config));
    }

    /** Returns the image embedding (B, C, 64, 64). Each layer runs in its own scope so memory stays flat. */
    public NDArray forward(NDArray pixelValues) {
        NDArray h = Scope.keep(pixelValues, patchEmbed::forward);
        if (posEmbed != null) {
            h.addi(value(posEmbed));
        }
        for (VisionLayer layer : layers) {
            NDArray next = Scope.keep(h, layer::forward);
            h.close();
            h = next;
        }
        return Scope.keep(h, neck::forward);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
        return new NDList(forward(in.singletonOrThrow()));
    }
}
