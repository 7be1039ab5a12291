package org.meander.sam.modeling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.meander.sam.MaskDecoderConfig;

/**
 * {@code SamMaskDecoder}: the two-way transformer over prompt tokens and image tokens, the upscaled image
 * features, one hypernetwork MLP per mask token, and the IoU head.
 */
public final class MaskDecoder extends SamBlock {

    private final EmbeddingTable iouToken;
    private final EmbeddingTable maskTokens;
    private final TwoWayTransformer transformer;
    private final TransposedConv2x2 upscaleConv1;
    private final TransposedConv2x2 upscaleConv2;
    private final LayerNormLayer upscaleLayerNorm;
    private final List<FeedForward> outputHypernetworksMlps = new ArrayList<>();
    private final FeedForward iouPredictionHead;
    private final int numMaskTokens;

    public MaskDecoder(MaskDecoderConfig config) {
        int hidden = config.hiddenSize();
        numMaskTokens = config.numMaskTokens();
        iouToken = child("iou_token", new EmbeddingTable(1, hidden));
        maskTokens = child("mask_tokens", new EmbeddingTable(numMaskTokens, hidden));
        transformer = child("transformer", new TwoWayTransformer(config));
        upscaleConv1 = child("upscale_conv1", new TransposedConv2x2(hidden, hidden / 4));
        upscaleConv2 = child("upscale_conv2", new TransposedConv2x2(hidden / 4, hidden / 8));
        upscaleLayerNorm = child("upscale_layer_norm", new LayerNormLayer(hidden / 4, 1e-6));
        for (int i = 0; i < numMaskTokens; i++) {
            outputHypernetworksMlps.add(child("output_hypernetworks_mlps." + i,
                    new FeedForward(hidden, hidden, hidden / 8, 3)));
        }
        iouPredictionHead = child("iou_prediction_head",
                new FeedForward(hidden, config.iouHeadHiddenDim(), numMaskTokens, config.iouHeadDepth()));
    }

    /** Computes what depends on the weights and the (1, N, C) image positional encoding only. */
    public PreparedDecoder prepare(NDManager manager, NDArray imagePositional) {
        return new PreparedDecoder(
                imagePositional,
                upscaleConv1.matrix(manager),
                upscaleConv1.tiledBias(manager),
                upscaleConv2.matrix(manager),
                upscaleConv2.tiledBias(manager),
                ownedBy(manager, NDArrays.concat(new NDList(iouToken.weight(), maskTokens.weight()))));
    }

    /**
     * The image-side work of the first two-way block for an image (1, N, C) with the no-mask embedding added: done
     * once per image and decoder, not once per click. A mask input joins it by {@link PreparedImage#withMask}.
     */
    public PreparedImage prepareImage(NDArray image, PreparedDecoder prepared) {
        return transformer.prepare(image, prepared.imagePositional());
    }

    /**
     * image: (B, N, C) image tokens plus the dense prompt; sparse: (B, S, C) prompt tokens. Returns
     * low-resolution mask logits (B, K, 4h, 4w) and predicted IoU (B, K), K = 3 for multimask output
     * (tokens 1..3), else 1 (token 0).
     */
    public NDList forward(NDArray image, NDArray sparse, PreparedDecoder prepared, boolean multimask) {
        long b = sparse.getShape().get(0);
        if (image.getShape().get(0) != b) {
            image = image.repeat(0, b);
        }
        NDList hs = transformer.forward(tokens(sparse, prepared), image, prepared.imagePositional());
        return masksAndIou(hs.get(0), hs.get(1), prepared, multimask);
    }

    /** As {@link #forward(NDArray, NDArray, PreparedDecoder, boolean)} on an image {@link #prepareImage}d. */
    public NDList forward(PreparedImage image, NDArray sparse, PreparedDecoder prepared, boolean multimask) {
        NDList hs = transformer.forward(tokens(sparse, prepared), image, prepared.imagePositional());
        return masksAndIou(hs.get(0), hs.get(1), prepared, multimask);
    }

    /** The output tokens followed by the (B, S, C) sparse prompt tokens. */
    private static NDArray tokens(NDArray sparse, PreparedDecoder prepared) {
        long b = sparse.getShape().get(0);
        NDArray outputTokens = prepared.outputTokens();
        NDArray output = sparse.getManager().zeros(new Shape(b, outputTokens.getShape().get(0),
                outputTokens.getShape().get(1))).add(outputTokens);
        return NDArrays.concat(new NDList(output, sparse), 1);
    }

    /** The transformer's tokens (B, T, C) and image tokens (B, N, C) to mask logits and predicted IoU. */
    private NDList masksAndIou(NDArray tokensOut, NDArray imageOut, PreparedDecoder prepared, boolean multimask) {
        long b = tokensOut.getShape().get(0);
        NDArray upscaled = upscale(imageOut, prepared);

        int first = multimask ? 1 : 0;
        int last = multimask ? numMaskTokens : 1;
        NDList hyper = new NDList();
        for (int i = first; i < last; i++) {
            hyper.add(outputHypernetworksMlps.get(i).forward(tokensOut.get(new NDIndex(":, {}", 1 + i))));
        }
        // (B, K, 16N) in the blocked pixel order (i, j, di1, dj1, di2, dj2); K rows of the long pixel axis make a
        // better matrix product than 16N rows of K
        NDArray hyperIn = NDArrays.stack(hyper, 1);
        NDArray blocked = b == 1
                ? Linear.linear(hyperIn, upscaled.squeeze(0)).singletonOrThrow()
                : hyperIn.matMul(upscaled.transpose(0, 2, 1));
        long grid = (long) Math.sqrt(imageOut.getShape().get(1));
        long k = last - first;
        NDArray masks = blocked.reshape(b, k, grid, grid, 2, 2, 2, 2)
                .transpose(0, 1, 2, 4, 6, 3, 5, 7)
                .reshape(b, k, 4 * grid, 4 * grid);
        NDArray iou = iouPredictionHead.forward(tokensOut.get(new NDIndex(":, 0")))
                .get(new NDIndex(":, {}:{}", first, last));
        return new NDList(masks, iou);
    }

    /** Image tokens (B, N, C) to upscaled features (B, 16N, C/8) in the blocked order of TransposedConv2x2. */
    private NDArray upscale(NDArray image, PreparedDecoder prepared) {
        NDArray h = TransposedConv2x2.applyBlocked(image, prepared.upscale1(), prepared.upscale1Bias());
        h = Activation.gelu(upscaleLayerNorm.forward(h));
        return Activation.gelu(TransposedConv2x2.applyBlocked(h, prepared.upscale2(), prepared.upscale2Bias()));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
        // inputs: image tokens with the dense prompt (B, N, C), sparse prompt tokens (B, S, C), image positional
        // encoding (1, N, C); parameter "multimask" (Boolean) chooses the output
        NDArray image = in.get(0);
        boolean multimask = p != null && Boolean.TRUE.equals(p.get("multimask"));
        return forward(image, in.get(1), prepare(image.getManager(), in.get(2)), multimask);
    }
}
