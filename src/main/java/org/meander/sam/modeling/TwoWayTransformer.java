package org.meander.sam.modeling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
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

    /**
     * tokens (B, T, C); image (B, N, C): the image tokens with the dense prompt added; imagePositional (1, N, C).
     * Returns the tokens and the image tokens.
     */
    public NDList forward(NDArray tokens, NDArray image, NDArray imagePositional) {
        NDList out = layers.get(0).forward(tokens, image, tokens, imagePositional);
        return rest(tokens, out.get(0), out.get(1), imagePositional);
    }

    /** As {@link #forward(NDArray, NDArray, NDArray)} on an image {@link #prepare}d once. */
    public NDList forward(NDArray tokens, PreparedImage image, NDArray imagePositional) {
        NDList out = layers.get(0).forward(tokens, image, tokens);
        return rest(tokens, out.get(0), out.get(1), imagePositional);
    }

    /**
     * The first block's image-side work on image (1, N, C), which a prompt without a mask input does not change.
     */
    public PreparedImage prepare(NDArray image, NDArray imagePositional) {
        return layers.get(0).prepare(image, imagePositional);
    }

    /** The blocks after the first, then the final attention. */
    private NDList rest(NDArray tokens, NDArray queries, NDArray keys, NDArray imagePositional) {
        for (TwoWayAttentionBlock layer : layers.subList(1, layers.size())) {
            NDList out = layer.forward(queries, keys, tokens, imagePositional);
            queries = out.get(0);
            keys = out.get(1);
        }
        NDArray attnOut = finalAttnTokenToImage.tokensToImage(queries.add(tokens), keys, keys.add(imagePositional));
        queries = layerNormFinalAttn.forward(queries.add(attnOut));
        return new NDList(queries, keys);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
        // inputs: point tokens (B, T, C), image tokens (B, N, C), image positional encoding (1, N, C)
        return forward(in.get(0), in.get(1), in.get(2));
    }
}
