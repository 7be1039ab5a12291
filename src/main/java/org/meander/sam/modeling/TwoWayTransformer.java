package org.meander.sam.modeling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.meander.sam.MaskDecoderConfig;

/** {@code SamTwoWayTransformer}: the attention blocks, then a final attention of the tokens to the image. */
public final class TwoWayTransformer extends SamBlock {

    private final List<TwoWayAttentionBlock> layers = new ArrayList<>();
    private final TwoWayAttention finalAttnTokenToImage;
    private final LayerNormLayer layerNormFinalAttn;

    public TwoWayTransformer(MaskDecoderConfig config) {
        for (int i = 0; i < config.numHiddenLayers(); i++) {
            layers.add(child("layers." + i, new TwoWayAttentionBlock(config, i == 0)));
        }
        finalAttnTokenToImage = child("final_attn_token_to_image", new TwoWayAttention(
                config.hiddenSize(), config.numAttentionHeads(), config.attentionDownsampleRate()));
        layerNormFinalAttn = child("layer_norm_final_attn", new LayerNormLayer(config.hiddenSize(), 1e-5));
    }

    /** The projections of the image tokens of every layer and of the final attention, for one model. */
    public List<TwoWayAttention.StackedProjection> imageProjections(NDManager manager, NDArray positional) {
        List<TwoWayAttention.StackedProjection> all = new ArrayList<>();
        for (TwoWayAttentionBlock layer : layers) {
            all.add(layer.imageProjection(manager, positional));
        }
        all.add(TwoWayAttention.StackedProjection.of(manager, positional,
                finalAttnTokenToImage.keys(), finalAttnTokenToImage.values()));
        return all;
    }

    /**
     * tokens (B, T, C), image (B, N, C): the image tokens with the dense prompt added; projections from
     * {@link #imageProjections}; firstLayerKeys: the first layer's projection of {@code image} when the caller
     * already has it (it depends on the image only), else null. Returns the tokens and the image tokens.
     */
    public NDList forward(NDArray tokens, NDArray image, List<TwoWayAttention.StackedProjection> projections,
                          NDList firstLayerKeys) {
        NDArray queries = tokens;
        NDArray keys = image;
        for (int i = 0; i < layers.size(); i++) {
            NDList projected = i == 0 && firstLayerKeys != null ? firstLayerKeys : projections.get(i).apply(keys);
            NDList out = layers.get(i).forward(queries, keys, tokens, projected);
            queries = out.get(0);
            keys = out.get(1);
        }
        NDList kv = projections.get(layers.size()).apply(keys);
        NDArray q = finalAttnTokenToImage.projectQuery(queries.add(tokens));
        queries = layerNormFinalAttn.forward(queries.add(finalAttnTokenToImage.tokensToImage(q, kv.get(0), kv.get(1))));
        return new NDList(queries, keys);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
        // inputs: point tokens (B, T, C), image tokens (B, N, C), image positional encoding (1, N, C)
        NDArray image = in.get(1);
        return forward(in.get(0), image, imageProjections(image.getManager(), in.get(2).squeeze(0)), null);
    }
}
