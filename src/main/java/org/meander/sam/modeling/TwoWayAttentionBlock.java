package org.meander.sam.modeling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
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
     * queries (B, T, C), keys (B, N, C); queryPe: the prompt tokens, added before each attention; keyPe: the
     * image positional encoding (1, N, C). Returns the new queries and keys.
     */
    public NDList forward(NDArray queries, NDArray keys, NDArray queryPe, NDArray keyPe) {
        queries = selfAttention(queries, queryPe);
        NDArray keysWithPe = keys.add(keyPe);
        queries = layerNorm2.forward(
                queries.add(crossAttnTokenToImage.tokensToImage(queries.add(queryPe), keys, keysWithPe)));
        queries = mlp(queries);
        keys = layerNorm4.forward(crossAttnImageToToken.imageToTokens(keysWithPe, queries.add(queryPe), queries, keys));
        return new NDList(queries, keys);
    }

    /** As {@link #forward(NDArray, NDArray, NDArray, NDArray)} on an image this block {@link #prepare}d. */
    public NDList forward(NDArray queries, PreparedImage image, NDArray queryPe) {
        queries = selfAttention(queries, queryPe);
        queries = layerNorm2.forward(queries.add(crossAttnTokenToImage.tokensToProjectedImage(
                queries.add(queryPe), image.keys(), image.values(), image.mask())));
        queries = mlp(queries);
        NDArray keys = layerNorm4.forward(crossAttnImageToToken.projectedImageToTokens(
                image.queries(), queries.add(queryPe), queries, image.image(), image.mask()));
        return new NDList(queries, keys);
    }

    /** This block's image-side projections of image (1, N, C), positional encoding keyPe (1, N, C) added. */
    public PreparedImage prepare(NDArray image, NDArray keyPe) {
        NDArray imageWithPe = image.add(keyPe);
        return new PreparedImage(image, crossAttnTokenToImage.projectKeys(imageWithPe),
                crossAttnTokenToImage.projectValues(image), crossAttnImageToToken.projectQueries(imageWithPe));
    }

    private NDArray selfAttention(NDArray queries, NDArray queryPe) {
        if (skipFirstLayerPe) {
            queries = selfAttn.forward(queries, queries, queries);
        } else {
            NDArray q = queries.add(queryPe);
            queries = queries.add(selfAttn.forward(q, q, queries));
        }
        return layerNorm1.forward(queries);
    }

    private NDArray mlp(NDArray queries) {
        return layerNorm3.forward(queries.add(mlp.forward(queries)));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
        // inputs as transformers passes them: queries, keys, query_point_embedding, key_point_embedding
        return forward(in.get(0), in.get(1), in.get(2), in.get(3));
    }
}
