package org.meander.sam.modeling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Arrays;

/**
 * {@code SamTwoWayTransformerAttention}: multi-head attention whose projections may downscale the width.
 *
 * <p>Between a few prompt tokens (T, about 7) and the image (N = 4096 tokens) the image side is never projected.
 * Projections are linear, so a head's scores q_h (x W_h^T + b_h)^T equal (q_h W_h) x^T + q_h b_h, and its output
 * P_h (x W_v,h^T + b_v,h) equals (P_h x) W_v,h^T + b_v,h; multiplying the few token rows into the weights first
 * turns two (N x C)(C x d) products a layer into (heads T x C)(C x N) ones, half the work and no image-sized
 * intermediate to split into heads. All heads go in one product: the token matrix is repeated once per head and
 * masked to that head's channels.
 *
 * <p>Where the image side does not change from click to click (the first block; a mask input's {@link MaskShift}
 * is added through its low rank) its projections are made once ({@link #projectKeys}, {@link #projectValues},
 * {@link #projectQueries}) and the attention runs in transformers' order on them: heads x T x d x N multiply-adds,
 * a sixteenth of the low-rank form's.
 */
public final class TwoWayAttention extends SamBlock {

    private final LinearLayer qProj;
    private final LinearLayer kProj;
    private final LinearLayer vProj;
    private final LinearLayer outProj;
    private final int heads;
    private final int internalDim;

    public TwoWayAttention(int hiddenSize, int heads, int downsampleRate) {
        this.heads = heads;
        internalDim = hiddenSize / downsampleRate;
        if (internalDim % heads != 0) {
            throw new IllegalArgumentException("mask_decoder_config: num_attention_heads (" + heads
                    + ") must divide hidden_size / downsample rate (" + internalDim + ")");
        }
        qProj = child("q_proj", new LinearLayer(hiddenSize, internalDim));
        kProj = child("k_proj", new LinearLayer(hiddenSize, internalDim));
        vProj = child("v_proj", new LinearLayer(hiddenSize, internalDim));
        outProj = child("out_proj", new LinearLayer(internalDim, hiddenSize));
    }

    /** Attention of (B, Nq, C) queries over (B, Nk, C) keys and values, as transformers computes it. */
    public NDArray forward(NDArray query, NDArray key, NDArray value) {
        long b = query.getShape().get(0);
        long nq = query.getShape().get(1);
        NDArray q = separateHeads(qProj.forward(query));
        NDArray scores = q.matMul(separateHeads(kProj.forward(key)).transpose(0, 1, 3, 2))
                .div(Scalars.of(query, Math.sqrt(headDim())));
        NDArray out = scores.softmax(-1).matMul(separateHeads(vProj.forward(value)));
        return outProj.forward(out.transpose(0, 2, 1, 3).reshape(b, nq, internalDim));
    }

    /**
     * Prompt tokens (B, T, C) attending to the image: keys from {@code imageWithPe} (B, N, C), values from
     * {@code image}. Returns (B, T, C).
     */
    public NDArray tokensToImage(NDArray tokens, NDArray image, NDArray imageWithPe) {
        long b = tokens.getShape().get(0);
        long t = tokens.getShape().get(1);
        NDArray mask = headMask(tokens.getManager(), t);
        // scaled before the product: cheaper on (hT, d) than on the (hT, N) scores
        NDArray queries = qProj.forward(tokens).div(Scalars.of(tokens, Math.sqrt(headDim())))
                .tile(new long[] {1, heads, 1}).mul(mask);
        // the key bias adds q_h . b_h to a whole row of scores, which the softmax over pixels ignores
        NDArray scores = timesTransposed(queries.matMul(kProj.weight()), imageWithPe).softmax(-1);
        NDArray perHead = Linear.linear(scores.matMul(image), vProj.weight(), vProj.bias()).singletonOrThrow();
        NDArray out = perHead.mul(mask).reshape(b, heads, t, internalDim).sum(new int[] {1});
        return outProj.forward(out);
    }

    /**
     * The image, as queries from {@code imageWithPe} (B, N, C), attending to prompt tokens: keys from
     * {@code tokenKeys}, values from {@code tokenValues} (B, T, C). Returns {@code residual} (B, N, C) plus the
     * attention output, projection included, in one fused product.
     */
    public NDArray imageToTokens(NDArray imageWithPe, NDArray tokenKeys, NDArray tokenValues, NDArray residual) {
        long t = tokenKeys.getShape().get(1);
        NDArray mask = headMask(tokenKeys.getManager(), t);
        NDArray keys = kProj.forward(tokenKeys).div(Scalars.of(tokenKeys, Math.sqrt(headDim())))
                .tile(new long[] {1, heads, 1}).mul(mask);
        NDArray scores = timesTransposed(keys.matMul(qProj.weight()), imageWithPe)
                .add(keys.mul(qProj.bias()).sum(new int[] {2}, true));
        return residualPlusAttended(scores, mask, tokenValues, residual, null);
    }

    /**
     * As {@link #imageToTokens}, on an image whose queries {@link #projectQueries} made once: (1, heads, d, N),
     * moved by a mask input's {@code shift} (or null), added through its low rank like the residual's move.
     * The scores then cost heads x T x d x N multiply-adds instead of heads x T x C x N.
     */
    public NDArray projectedImageToTokens(NDArray queries, NDArray tokenKeys, NDArray tokenValues,
                                          NDArray residual, MaskShift shift) {
        long b = tokenKeys.getShape().get(0);
        long t = tokenKeys.getShape().get(1);
        NDArray keys = separateHeads(kProj.forward(tokenKeys).div(Scalars.of(tokenKeys, Math.sqrt(headDim()))));
        NDArray scores = keys.matMul(queries);
        if (shift != null) {
            scores = scores.add(lowRank(keys.matMul(shift.through(qProj, heads)), shift.features()));
        }
        return residualPlusAttended(scores.reshape(b, heads * t, queries.getShape().get(3)),
                headMask(tokenKeys.getManager(), t), tokenValues, residual, shift);
    }

    /**
     * a (B, heads, T, K) times b (1, K, M), both heads and tokens as rows of one product: (B, heads, T, M). A
     * broadcast batched product would first copy b once per head.
     */
    private static NDArray lowRank(NDArray a, NDArray b) {
        Shape shape = a.getShape();
        NDArray product = a.reshape(shape.get(0), shape.get(1) * shape.get(2), shape.get(3)).matMul(b);
        return product.reshape(shape.get(0), shape.get(1), shape.get(2), b.getShape().get(2));
    }

    /**
     * scores (B, heads * T, N), row block h for head h; mask: {@link #headMask} for T tokens. Returns the residual,
     * moved by a mask input's {@code shift} (or null), plus the attention to the token values.
     */
    private NDArray residualPlusAttended(NDArray scores, NDArray mask, NDArray tokenValues, NDArray residual,
                                         MaskShift shift) {
        long b = scores.getShape().get(0);
        long n = scores.getShape().get(2);
        long t = tokenValues.getShape().get(1);
        NDArray values = vProj.forward(tokenValues).tile(new long[] {1, heads, 1}).mul(mask);
        // (head, token, pixel): the softmax over a head's tokens runs along contiguous pixels
        NDArray weights = scores.reshape(b, heads, t, n).softmax(2).reshape(b, heads * t, n);
        // each head's weights sum to one per pixel, so the output bias spreads over the heads' value rows
        NDArray valuesOut = Linear.linear(values, outProj.weight(), outProj.bias().div(Scalars.of(values, heads)))
                .singletonOrThrow();
        if (b == 1) {
            // residual + weights^T valuesOut (+ the shift's features^T projection^T) as one multiply-add, the
            // residual standing in for the bias
            NDArray rows = weights.squeeze(0);
            NDArray rowsOut = valuesOut.squeeze(0);
            if (shift != null) {
                rows = NDArrays.concat(new NDList(rows, shift.features().squeeze(0)));
                rowsOut = NDArrays.concat(new NDList(rowsOut, shift.projection().transpose()));
            }
            return Linear.linear(rows.transpose(), rowsOut.transpose(), residual.squeeze(0))
                    .singletonOrThrow().expandDims(0);
        }
        NDArray out = residual.add(weights.transpose(0, 2, 1).matMul(valuesOut));
        return shift == null ? out : out.add(shift.rows().matMul(shift.projection().transpose()));
    }

    /**
     * Prompt tokens (B, T, C) attending to an image whose keys and values {@link #projectKeys} and
     * {@link #projectValues} made once: transformers' order, its image-side work already done. A mask input's
     * {@code shift} (or null) moves the keys and values by its projections, added through its low rank.
     * Returns (B, T, C).
     */
    public NDArray tokensToProjectedImage(NDArray tokens, NDArray keys, NDArray values, MaskShift shift) {
        long b = tokens.getShape().get(0);
        long t = tokens.getShape().get(1);
        NDArray queries = separateHeads(qProj.forward(tokens).div(Scalars.of(tokens, Math.sqrt(headDim()))));
        NDArray scores = queries.matMul(keys);
        if (shift != null) {
            scores = scores.add(lowRank(queries.matMul(shift.through(kProj, heads)), shift.features()));
        }
        NDArray weights = scores.softmax(-1);
        NDArray out = weights.matMul(values);
        if (shift != null) {
            // the projection's bias is in the prepared values; the features' row of ones carries the shift's, as a
            // head's weights sum to one
            NDArray weighted = lowRank(weights, shift.rows());
            out = out.add(weighted.matMul(shift.through(vProj, heads).transpose(0, 2, 1)));
        }
        return outProj.forward(out.transpose(0, 2, 1, 3).reshape(b, t, internalDim));
    }

    /** The image's keys for {@link #tokensToProjectedImage}: imageWithPe (1, N, C) to (1, heads, d, N). */
    public NDArray projectKeys(NDArray imageWithPe) {
        return Contiguous.of(separateHeads(kProj.forward(imageWithPe)).transpose(0, 1, 3, 2));
    }

    /** The image's values for {@link #tokensToProjectedImage}: image (1, N, C) to (1, heads, N, d). */
    public NDArray projectValues(NDArray image) {
        return Contiguous.of(separateHeads(vProj.forward(image)));
    }

    /** The image's queries for {@link #projectedImageToTokens}: imageWithPe (1, N, C) to (1, heads, d, N). */
    public NDArray projectQueries(NDArray imageWithPe) {
        return Contiguous.of(separateHeads(qProj.forward(imageWithPe)).transpose(0, 1, 3, 2));
    }

    /** a (B, M, K) times the transpose of b (B, N, K), as one fused product when there is a single image. */
    private static NDArray timesTransposed(NDArray a, NDArray b) {
        if (a.getShape().get(0) == 1 && b.getShape().get(0) == 1) {
            return Linear.linear(a.squeeze(0), b.squeeze(0)).singletonOrThrow().expandDims(0);
        }
        return a.matMul(b.transpose(0, 2, 1));
    }

    private int headDim() {
        return internalDim / heads;
    }

    /** (heads * T, d): row block h keeps the channels of head h. */
    private NDArray headMask(NDManager manager, long tokens) {
        int headDim = headDim();
        float[] mask = new float[(int) (heads * tokens * internalDim)];
        for (int h = 0; h < heads; h++) {
            for (int r = 0; r < tokens; r++) {
                int row = (int) ((h * tokens + r) * internalDim);
                Arrays.fill(mask, row + h * headDim, row + (h + 1) * headDim, 1f);
            }
        }
        return manager.create(mask).reshape(heads * tokens, internalDim);
    }

    private NDArray separateHeads(NDArray x) {
        long b = x.getShape().get(0);
        long n = x.getShape().get(1);
        return x.reshape(b, n, heads, headDim()).transpose(0, 2, 1, 3);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
        return new NDList(forward(in.get(0), in.get(1), in.get(2)));
    }
}
