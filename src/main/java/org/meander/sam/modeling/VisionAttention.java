package org.meander.sam.modeling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.meander.sam.VisionConfig;

/**
 * {@code SamVisionAttention}: multi-head self-attention with decomposed relative positions (MViTv2), within square
 * windows or over the whole grid (window size 0).
 *
 * <p>The (heads, N, N) score tensor of a global layer is 800 MB for ViT-B; computing it whole makes every
 * element-wise pass memory-bound. Scores are therefore computed in slices of query rows small enough to stay in
 * cache, each slice getting its relative-position terms, softmax and value product before the next one starts.
 */
public final class VisionAttention extends SamBlock {

    /**
     * Upper bound on one slice of scores, in floats (16 MB): within the last-level cache of the machines measured,
     * and enough rows for the products to run near the matrix rate.
     */
    private static final long SLICE_FLOATS = 1L << 22;

    private final LinearLayer qkv;
    private final LinearLayer proj;
    private final Parameter relPosH;
    private final Parameter relPosW;
    private final int windowSize;
    private final int heads;
    private final int headDim;
    private final float scale;

    public VisionAttention(VisionConfig config, int windowSize) {
        int size = windowSize == 0 ? config.gridSize() : windowSize;
        this.windowSize = windowSize;
        heads = config.numAttentionHeads();
        headDim = config.headDim();
        scale = (float) Math.pow(headDim, -0.5);
        qkv = child("qkv", new LinearLayer(config.hiddenSize(), 3 * config.hiddenSize(), config.qkvBias()));
        proj = child("proj", new LinearLayer(config.hiddenSize(), config.hiddenSize()));
        if (config.useRelPos()) {
            relPosH = parameter("rel_pos_h", 2L * size - 1, headDim);
            relPosW = parameter("rel_pos_w", 2L * size - 1, headDim);
        } else {
            relPosH = null;
            relPosW = null;
        }
    }

    /**
     * x: (B, H, W, C) channels-last, the whole grid; returns the same shape. A windowed layer attends within each
     * window; the padding up to whole windows is built directly into the windows' q, k and v (see
     * {@link #splitWindows}), and the projections see only the grid's tokens.
     */
    public NDArray forward(NDArray x) {
        Shape s = x.getShape();
        long b = s.get(0);
        long hidden = s.get(3);
        NDArray tokens = qkv.forwardGrid(x).reshape(-1, 3 * hidden);
        if (windowSize == 0) {
            NDArray out = attend(splitGlobal(tokens, b, s.get(1) * s.get(2)), (int) s.get(1), (int) s.get(2));
            return proj.forwardGrid(mergeGlobal(out, b).reshape(s));
        }
        WindowGrid grid = new WindowGrid(b, s.get(1), s.get(2), windowSize);
        NDArray out = attend(splitWindows(tokens, grid, s), windowSize, windowSize);
        return proj.forwardGrid(mergeWindows(out, grid, s).reshape(s));
    }

    /**
     * (B * n, 3 * C) to (3, heads * B, n, headDim): q, k and v, batched head by head, row-major. The permuted view
     * would serve as it is, but then every query slice is copied inside its product and the values' transpose reads
     * with a stride of 3 * C: one copy here costs a quarter of those.
     */
    private NDArray splitGlobal(NDArray tokens, long b, long n) {
        return Contiguous.of(tokens.reshape(b, n, 3, heads, headDim).transpose(2, 3, 0, 1, 4)
                .reshape(3, heads * b, n, headDim));
    }

    /** (n, heads * B, headDim) to (B * n, C): a view for one image. */
    private NDArray mergeGlobal(NDArray out, long b) {
        long n = out.getShape().get(0);
        return out.reshape(n, heads, b, headDim).transpose(2, 0, 1, 3).reshape(b * n, (long) heads * headDim);
    }

    /**
     * (B * H * W, 3 * C) to (3, heads * windows, size * size, headDim), batched head by head and then window by
     * window, in one copy. In {@code SamVisionLayer} the padding is added to the layer-normed input with zeros,
     * so a padded token's q, k and v are exactly the qkv bias: the projection runs on the grid's tokens alone and the
     * padded positions get the bias.
     */
    private NDArray splitWindows(NDArray tokens, WindowGrid grid, Shape s) {
        long perWindow = (long) windowSize * windowSize;
        NDArray windows = tokens.getManager().create(new Shape(3, heads, grid.windows(), perWindow, headDim));
        NDArray windowed = windows.reshape(new Shape(3, heads, s.get(0), grid.windowRows(), grid.windowColumns(),
                windowSize, windowSize, headDim)).transpose(2, 3, 5, 4, 6, 0, 1, 7);
        grid.gridToWindows(tokens.reshape(s.get(0), s.get(1), s.get(2), 3, heads, headDim), windowed);
        NDArray bias = qkv.bias();
        grid.fillPadding(windowed, bias == null
                ? tokens.getManager().zeros(new Shape(headDim))
                : bias.reshape(3, heads, headDim));
        return windows.reshape(3, heads * grid.windows(), perWindow, headDim);
    }

    /** (heads * windows, size * size, headDim) to the grid's tokens (B * H * W, C), padding dropped, in one copy. */
    private NDArray mergeWindows(NDArray out, WindowGrid grid, Shape s) {
        NDArray windowed = out.reshape(new Shape(heads, s.get(0), grid.windowRows(), grid.windowColumns(),
                windowSize, windowSize, headDim)).transpose(1, 2, 4, 3, 5, 0, 6);
        NDArray tokens = out.getManager().create(new Shape(s.get(0), s.get(1), s.get(2), heads, headDim));
        grid.windowsToGrid(windowed, tokens);
        return tokens.reshape(-1, (long) heads * headDim);
    }

    /**
     * Attention of q, k and v (3, batch, h * w, headDim) over a (h, w) grid; returns (h * w, batch, headDim) for
     * global layers and (batch, h * w, headDim) for windows, the layouts their merges read in one copy or none.
     */
    private NDArray attend(NDArray qkvHeads, int h, int w) {
        NDArray q = qkvHeads.get(0);
        NDArray relH = null;
        NDArray relW = null;
        if (relPosH != null) {
            NDArray rq = q.reshape(q.getShape().get(0), h, w, headDim);
            NDArray tableH = relativePositions(h, value(relPosH), q.getManager());
            NDArray tableW = relativePositions(w, value(relPosW), q.getManager());
            // row-major (the batched products leave them permuted, which slows the adds over every slice), and
            // shaped to broadcast over a slice's scores (b, rows, w, h, w)
            relH = Contiguous.of(relativeTermsAlongHeight(rq, tableH)).expandDims(4);
            relW = Contiguous.of(relativeTermsAlongWidth(rq, tableW)).expandDims(3);
        }
        // the relative terms take the queries unscaled
        NDArray scaledQ = q.mul(scale);
        return windowSize == 0
                ? attendGlobal(scaledQ, qkvHeads.get(1), qkvHeads.get(2), relH, relW, h, w)
                : attendWindows(scaledQ, qkvHeads.get(1), qkvHeads.get(2), relH, relW, h, w);
    }

    /**
     * Global attention, head by head in slices of query rows; returns (h * w, batch, headDim). Each slice's two
     * products (with K = headDim, they are thin) go through {@link PixelLinear}, the slice's (rows, w) grid of
     * queries as its pixels: on a CPU about 25% faster than the BLAS matmul at these shapes, measured.
     */
    private static NDArray attendGlobal(NDArray scaledQ, NDArray k, NDArray v, NDArray relH, NDArray relW,
                                        int h, int w) {
        long n = (long) h * w;
        long bh = scaledQ.getShape().get(0);
        int headDim = (int) scaledQ.getShape().get(2);
        // the products' weights: keys (n, headDim) as they are, values transposed to (headDim, n)
        NDArray valuesT = Contiguous.of(v.transpose(0, 2, 1));
        long rowsPerSlice = Math.max(1, Math.min(h, SLICE_FLOATS / ((long) w * n)));
        NDList heads = new NDList();
        for (long b = 0; b < bh; b++) {
            NDArray headKeys = k.get(b);
            NDArray headValuesT = valuesT.get(b);
            NDList rowSlices = new NDList();
            for (long r0 = 0; r0 < h; r0 += rowsPerSlice) {
                long r1 = Math.min(h, r0 + rowsPerSlice);
                NDIndex rows = new NDIndex("{}:{}, {}:{}", b, b + 1, r0, r1);
                NDArray queries = scaledQ.get(new NDIndex("{}, {}:{}", b, r0 * w, r1 * w))
                        .reshape(1, r1 - r0, w, headDim);
                NDArray sliceRelH = relH == null ? null : relH.get(rows);
                NDArray sliceRelW = relW == null ? null : relW.get(rows);
                rowSlices.add(Scope.keep(queries, grid -> {
                    NDArray scores = PixelLinear.apply(grid, headKeys, null);
                    addRelativeTerms(scores, sliceRelH, sliceRelW, h, w);
                    return PixelLinear.apply(scores.softmax(-1), headValuesT, null).reshape(-1, headDim);
                }));
            }
            heads.add(rowSlices.size() == 1 ? rowSlices.get(0) : NDArrays.concat(rowSlices, 0));
        }
        return NDArrays.stack(heads, 1);
    }

    /** Windowed attention: batches of windows (all heads' windows in one batch axis) through batched products. */
    private static NDArray attendWindows(NDArray scaledQ, NDArray k, NDArray v, NDArray relH, NDArray relW,
                                         int h, int w) {
        long n = (long) h * w;
        long windows = scaledQ.getShape().get(0);
        NDArray kT = k.transpose(0, 2, 1);
        long batchPerSlice = Math.max(1, SLICE_FLOATS / (n * n));
        NDList batches = new NDList();
        for (long b0 = 0; b0 < windows; b0 += batchPerSlice) {
            long b1 = Math.min(windows, b0 + batchPerSlice);
            NDIndex batch = new NDIndex("{}:{}", b0, b1);
            NDArray batchKT = kT.get(batch);
            NDArray batchV = v.get(batch);
            NDArray sliceRelH = relH == null ? null : relH.get(batch);
            NDArray sliceRelW = relW == null ? null : relW.get(batch);
            batches.add(Scope.keep(scaledQ.get(batch), queries -> {
                NDArray scores = queries.matMul(batchKT);
                addRelativeTerms(scores, sliceRelH, sliceRelW, h, w);
                return scores.softmax(-1).matMul(batchV);
            }));
        }
        return batches.size() == 1 ? batches.get(0) : NDArrays.concat(batches, 0);
    }

    /**
     * Adds, in place, the relative terms (b, rows, w, h, 1) and (b, rows, w, 1, w) to scores whose last axis runs over
     * the h * w keys; nothing when the layer has no relative positions.
     */
    private static void addRelativeTerms(NDArray scores, NDArray relH, NDArray relW, int h, int w) {
        if (relH == null) {
            return;
        }
        Shape s = relH.getShape();
        NDArray grid = scores.reshape(s.get(0), s.get(1), w, h, w);
        grid.addi(relH);
        grid.addi(relW);
    }

    /**
     * {@code get_rel_pos} for equal query and key sizes: R[i, j] = table[i - j + size - 1], shape (size, size, C).
     * The table always has 2 * size - 1 rows here (windows and the global grid are fixed by the config).
     */
    private static NDArray relativePositions(int size, NDArray table, NDManager manager) {
        int[] index = new int[size * size];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                index[i * size + j] = i - j + size - 1;
            }
        }
        NDArray idx = manager.create(index).toType(DataType.INT64, false);
        return ownedBy(manager, table.get(idx)).reshape(size, size, table.getShape().get(1));
    }

    /** einsum("bhwc,hkc->bhwk"): for each query row y, q[:, y] @ R[y]^T. */
    private static NDArray relativeTermsAlongHeight(NDArray rq, NDArray r) {
        long bh = rq.getShape().get(0);
        long h = rq.getShape().get(1);
        long w = rq.getShape().get(2);
        long c = rq.getShape().get(3);
        NDArray perRow = rq.transpose(1, 0, 2, 3).reshape(h, bh * w, c).matMul(r.transpose(0, 2, 1));
        return perRow.reshape(h, bh, w, r.getShape().get(1)).transpose(1, 0, 2, 3);
    }

    /** einsum("bhwc,wkc->bhwk"): for each query column x, q[:, :, x] @ R[x]^T. */
    private static NDArray relativeTermsAlongWidth(NDArray rq, NDArray r) {
        long bh = rq.getShape().get(0);
        long h = rq.getShape().get(1);
        long w = rq.getShape().get(2);
        long c = rq.getShape().get(3);
        NDArray perColumn = rq.transpose(2, 0, 1, 3).reshape(w, bh * h, c).matMul(r.transpose(0, 2, 1));
        return perColumn.reshape(w, bh, h, r.getShape().get(1)).transpose(1, 2, 0, 3);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
        return new NDList(forward(in.singletonOrThrow()));
    }
}
