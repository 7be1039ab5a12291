package org.meander.sam.modeling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** {@code SamTwoWayTransformerAttention}: multi-head attention whose projections may downscale the width. */
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

    public int internalDim() {
        return internalDim;
    }

    /** Attention of (B, Nq, C) queries over (B, Nk, C) keys and values. */
    public NDArray forward(NDArray query, NDArray key, NDArray value) {
        return attendProjected(qProj.forward(query), kProj.forward(key), vProj.forward(value));
    }

    /** Attention of already projected (B, N, internalDim) queries, keys and values, then the output projection. */
    public NDArray attendProjected(NDArray q, NDArray k, NDArray v) {
        long b = q.getShape().get(0);
        long nq = q.getShape().get(1);
        NDArray qh = separateHeads(q);
        NDArray scores = qh.matMul(separateHeads(k).transpose(0, 1, 3, 2)).div(Math.sqrt(internalDim / heads));
        NDArray out = scores.softmax(-1).matMul(separateHeads(v));
        return outProj.forward(out.transpose(0, 2, 1, 3).reshape(b, nq, internalDim));
    }

    /**
     * Few prompt tokens (B, T, d) attending to the image's projected keys and values (B, N, d). All heads in one
     * product: the queries are repeated once per head and masked to their head's channels (block-diagonal), so no
     * image-sized array is split into heads or transposed.
     */
    public NDArray tokensToImage(NDArray q, NDArray k, NDArray v) {
        long b = q.getShape().get(0);
        long t = q.getShape().get(1);
        NDArray mask = headMask(q.getManager(), t);
        NDArray blockQ = q.tile(new long[] {1, heads, 1}).mul(mask);
        NDArray weights = blockQ.matMul(k.transpose(0, 2, 1)).div(Math.sqrt(internalDim / heads)).softmax(-1);
        NDArray perHead = weights.matMul(v).mul(mask).reshape(b, heads, t, internalDim);
        return outProj.forward(perHead.sum(new int[] {1}));
    }

    /**
     * The image's projected queries (B, N, d) attending to few prompt tokens (B, T, d), with block-diagonal keys
     * and values as in {@link #tokensToImage}; scores are laid out (head, token, pixel) so that the softmax over
     * the T tokens runs along contiguous pixels.
     */
    public NDArray imageToTokens(NDArray q, NDArray k, NDArray v) {
        long b = q.getShape().get(0);
        long n = q.getShape().get(1);
        long t = k.getShape().get(1);
        NDArray mask = headMask(q.getManager(), t);
        NDArray blockK = k.tile(new long[] {1, heads, 1}).mul(mask);
        NDArray blockV = v.tile(new long[] {1, heads, 1}).mul(mask);
        NDArray scores = blockK.matMul(q.transpose(0, 2, 1)).div(Math.sqrt(internalDim / heads));
        NDArray weights = scores.reshape(b, heads, t, n).softmax(2).reshape(b, heads * t, n);
        return outProj.forward(weights.transpose(0, 2, 1).matMul(blockV));
    }

    /** (heads * T, d): row block h keeps the channels of head h. */
    private NDArray headMask(NDManager manager, long tokens) {
        int headDim = internalDim / heads;
        float[] mask = new float[(int) (heads * tokens * internalDim)];
        for (int h = 0; h < heads; h++) {
            for (int r = 0; r < tokens; r++) {
                int row = (int) ((h * tokens + r) * internalDim);
                java.util.Arrays.fill(mask, row + h * headDim, row + (h + 1) * headDim, 1f);
            }
        }
        return manager.create(mask).reshape(heads * tokens, internalDim);
    }

    private NDArray separateHeads(NDArray x) {
        long b = x.getShape().get(0);
        long n = x.getShape().get(1);
        return x.reshape(b, n, heads, internalDim / heads).transpose(0, 2, 1, 3);
    }

    /**
     * One projection of the image tokens used by this attention: as keys (with the positional encoding added), as
     * values (without), or as queries (with).
     */
    public record Side(LinearLayer layer, boolean addsPositional) {
    }

    public Side keys() {
        return new Side(kProj, true);
    }

    public Side values() {
        return new Side(vProj, false);
    }

    public Side queries() {
        return new Side(qProj, true);
    }

    public NDArray projectQuery(NDArray x) {
        return qProj.forward(x);
    }

    public NDArray projectKey(NDArray x) {
        return kProj.forward(x);
    }

    public NDArray projectValue(NDArray x) {
        return vProj.forward(x);
    }

    /**
     * Several projections of the same image tokens x fused into one matrix product: x W^T + B where W stacks the
     * projection weights and B holds, per token, the bias plus the projection of the positional encoding, which
     * does not depend on the image and is computed once per model (linear maps distribute over the sum).
     */
    public record StackedProjection(NDArray weight, NDArray bias, int[] widths) {

        /** positional: the (N, C) positional encoding of the image tokens. */
        static StackedProjection of(NDManager manager, NDArray positional, Side... sides) {
            NDList weights = new NDList();
            NDList biases = new NDList();
            int[] widths = new int[sides.length];
            for (int i = 0; i < sides.length; i++) {
                LinearLayer layer = sides[i].layer();
                weights.add(layer.weight());
                widths[i] = (int) layer.weight().getShape().get(0);
                long tokens = positional.getShape().get(0);
                biases.add(sides[i].addsPositional()
                        ? Linear.linear(positional, layer.weight(), layer.bias()).singletonOrThrow()
                        : manager.zeros(new Shape(tokens, widths[i])).add(layer.bias()));
            }
            return new StackedProjection(
                    ownedBy(manager, NDArrays.concat(weights, 0)), NDArrays.concat(biases, -1), widths);
        }

        /** Projects (B, N, C) image tokens; returns one (B, N, width) array per side, in order. */
        public NDList apply(NDArray tokens) {
            // one fused multiply-add when there is a single image (the interactive case)
            NDArray all = tokens.getShape().get(0) == 1
                    ? Linear.linear(tokens.squeeze(0), weight, bias).singletonOrThrow().expandDims(0)
                    : Linear.linear(tokens, weight).singletonOrThrow().add(bias);
            NDList parts = new NDList();
            int start = 0;
            for (int width : widths) {
                parts.add(all.get(new NDIndex("..., {}:{}", start, start + width)));
                start += width;
            }
            return parts;
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
        return new NDList(forward(in.get(0), in.get(1), in.get(2)));
    }
}
