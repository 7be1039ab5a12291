package org.meander.sam.modeling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.meander.sam.VisionConfig;

/** {@code SamVisionLayer}: pre-norm attention (windowed, or global when the window is 0) and MLP, with residuals. */
public final class VisionLayer extends SamBlock {

    private final LayerNormLayer layerNorm1;
    private final VisionAttention attn;
    private final LayerNormLayer layerNorm2;
    private final MlpBlock mlp;
    private final int windowSize;

    public VisionLayer(VisionConfig config, int windowSize) {
        layerNorm1 = child("layer_norm1", new LayerNormLayer(config.hiddenSize(), config.layerNormEps()));
        attn = child("attn", new VisionAttention(config, windowSize));
        layerNorm2 = child("layer_norm2", new LayerNormLayer(config.hiddenSize(), config.layerNormEps()));
        mlp = child("mlp", MlpBlock.gelu(config.hiddenSize(), config.mlpDim()));
        this.windowSize = windowSize;
    }

    /** x: (B, H, W, C) channels-last. */
    public NDArray forward(NDArray x) {
        NDArray h = layerNorm1.forward(x);
        if (windowSize > 0) {
            long height = x.getShape().get(1);
            long width = x.getShape().get(2);
            h = unpartition(attn.forward(partition(h)), x.getShape().get(0), height, width);
        } else {
            h = attn.forward(h);
        }
        NDArray residual = x.add(h);
        return residual.addi(mlp.forward(layerNorm2.forward(residual)));
    }

    /** (B, H, W, C) to (B * windows, ws, ws, C), zero-padding H and W up to multiples of the window. */
    private NDArray partition(NDArray x) {
        Shape s = x.getShape();
        long b = s.get(0);
        long c = s.get(3);
        long padH = (windowSize - s.get(1) % windowSize) % windowSize;
        long padW = (windowSize - s.get(2) % windowSize) % windowSize;
        if (padH > 0 || padW > 0) {
            x = x.pad(new Shape(0, 0, 0, padW, 0, padH), 0);
        }
        long hp = s.get(1) + padH;
        long wp = s.get(2) + padW;
        return x.reshape(b, hp / windowSize, windowSize, wp / windowSize, windowSize, c)
                .transpose(0, 1, 3, 2, 4, 5)
                .reshape(-1, windowSize, windowSize, c);
    }

    private NDArray unpartition(NDArray windows, long b, long height, long width) {
        long hp = ceilToWindow(height);
        long wp = ceilToWindow(width);
        long c = windows.getShape().get(3);
        NDArray x = windows.reshape(b, hp / windowSize, wp / windowSize, windowSize, windowSize, c)
                .transpose(0, 1, 3, 2, 4, 5)
                .reshape(b, hp, wp, c);
        return hp > height || wp > width ? x.get(new NDIndex(":, :{}, :{}", height, width)) : x;
    }

    private long ceilToWindow(long size) {
        return (size + windowSize - 1) / windowSize * windowSize;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
        return new NDList(forward(in.singletonOrThrow()));
    }
}
