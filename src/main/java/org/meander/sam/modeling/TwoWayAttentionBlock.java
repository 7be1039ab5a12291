package org.meander.sam.modeling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.meander.sam.MaskDecoderConfig;

/**
 * {@code SamTwoWayAttentionBlock}: token self-attention, tokens attending to the image, token MLP, and the image
 * attending to the tokens.
 */
public final class TwoWayAttentionBlock extends SamBlock {

    private final TwoWayAttention selfAttn;
    private final LayerNormLayer layerNorm1;
    private final TwoWayAttention crossAttnTokenToImage;
    private final LayerNormLayer layerNorm2;
    private final MlpBlock mlp;
    private final LayerNormLayer layerNorm3;
    private final LayerNormLayer layerNorm4;
    private final TwoWayAttention crossAttnImageToToken;
    private final boolean skipFirstLayerPe;

    public TwoWayAttentionBlock(MaskDecoderConfig config, boolean skipFirstLayerPe) {
        int hidden = config.hiddenSize();
        double eps = config.layerNormEps();
        selfAttn = child("self_attn", new TwoWayAttention(hidden, config.numAttentionHeads(), 1));
        layerNorm1 = child("layer_norm1", new LayerNormLayer(hidden, eps));
        crossAttnTokenToImage = child("cross_attn_token_to_image",
                new TwoWayAttention(hidden, config.numAttentionHeads(), config.attentionDownsampleRate()));
        layerNorm2 = child("layer_norm2", new LayerNormLayer(hidden, eps));
        mlp = child("mlp", MlpBlock.relu(hidden, config.mlpDim()));
        layerNorm3 = child("layer_norm3", new LayerNormLayer(hidden, eps));
        layerNorm4 = child("layer_norm4", new LayerNormLayer(hidden, eps));
        crossAttnImageToToken = child("cross_attn_image_to_token",
                new TwoWayAttention(hidden, config.numAttentionHeads(), config.attentionDownsampleRate()));
        this.skipFirstLayerPe = skipFirstLayerPe;
    }

    /**
     * The three projections of the image tokens this block makes (token-to-image keys and values, image-to-token
     * queries): the keys do not change between them, so they are one matrix product.
     */
    public TwoWayAttention.StackedProjection imageProjection(NDManager manager, NDArray positional) {
        return TwoWayAttention.StackedProjection.of(manager, positional,
                crossAttnTokenToImage.keys(), crossAttnTokenToImage.values(), crossAttnImageToToken.queries());
    }

    /**
     * queries (B, T, C), keys (B, N, C), queryPe: the prompt tokens added before each attention, and
     * projectedKeys: {@link #imageProjection} applied to {@code keys}. Returns the new queries and keys.
     */
    public NDList forward(NDArray queries, NDArray keys, NDArray queryPe, NDList projectedKeys) {
        if (skipFirstLayerPe) {
            queries = selfAttn.forward(queries, queries, queries);
        } else {
            NDArray q = queries.add(queryPe);
            queries = queries.add(selfAttn.forward(q, q, queries));
        }
        queries = layerNorm1.forward(queries);

        NDArray q = crossAttnTokenToImage.projectQuery(queries.add(queryPe));
        queries = queries.add(crossAttnTokenToImage.tokensToImage(q, projectedKeys.get(0), projectedKeys.get(1)));
        queries = layerNorm2.forward(queries);

        queries = layerNorm3.forward(queries.add(mlp.forward(queries)));

        NDArray tokensWithPe = queries.add(queryPe);
        NDArray attnOut = crossAttnImageToToken.imageToTokens(projectedKeys.get(2),
                crossAttnImageToToken.projectKey(tokensWithPe), crossAttnImageToToken.projectValue(queries));
        keys = layerNorm4.forward(keys.add(attnOut));
        return new NDList(queries, keys);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
        // inputs as transformers passes them: queries, keys, query_point_embedding, key_point_embedding (1, N, C)
        NDArray keys = in.get(1);
        NDList projected = imageProjection(keys.getManager(), in.get(3).squeeze(0)).apply(keys);
        return forward(in.get(0), keys, in.get(2), projected);
    }
}
