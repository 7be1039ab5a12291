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
     * window, block by block of windows with the same grid tokens ({@link WindowGrid}): only the grid's tokens are
     * projected and only they ask queries, while the keys and values span the whole padded window.
     */
    public NDArray forward(NDArray x) {
        NDArray qkvGrid = qkv.forwardGrid(x);
        NDArray attended = windowSize == 0 ? attendGlobally(qkvGrid) : attendInWindows(qkvGrid);
        return proj.forwardGrid(attended.reshape(x.getShape()));
    }

    /** qkv (B, H, W, 3 * C) to the heads' outputs of the whole grid, (B * H * W, C). */
    private NDArray attendGlobally(NDArray qkvGrid) {
        Shape s = qkvGrid.getShape();
        long b = s.get(0);
        int h = (int) s.get(1);
        int w = (int) s.get(2);
        NDArray qkvHeads = splitGlobal(qkvGrid.reshape(-1, s.get(3)), b, (long) h * w);
        NDArray q = qkvHeads.get(0);
        NDManager manager = qkvGrid.getManager();
        RelativeTerms relative = relativeTerms(q.reshape(-1, h, w, headDim), relativeTable(relPosH, h, manager),
                relativeTable(relPosW, w, manager));
        return mergeGlobal(attendGlobal(q.mul(scale), qkvHeads.get(1), qkvHeads.get(2), relative, h, w), b);
    }

    /** qkv (B, H, W, 3 * C) to the heads' outputs within each window, (B, H, W, heads, headDim). */
    private NDArray attendInWindows(NDArray qkvGrid) {
        Shape s = qkvGrid.getShape();
        NDArray tokens = qkvGrid.reshape(s.get(0), s.get(1), s.get(2), 3, heads, headDim);
        NDManager manager = qkvGrid.getManager();
        NDArray out = manager.create(new Shape(s.get(0), s.get(1), s.get(2), heads, headDim));
        NDArray tableH = relativeTable(relPosH, windowSize, manager);
        NDArray tableW = relativeTable(relPosW, windowSize, manager);
        for (WindowGrid.Block block : new WindowGrid(s.get(0), s.get(1), s.get(2), windowSize).blocks()) {
            NDArray blockTokens = block.tokensOf(tokens);
            NDArray q = queriesOf(blockTokens, block);
            NDArray keysValues = keysAndValuesOf(blockTokens, block);
            RelativeTerms relative = relativeTerms(q.reshape(-1, block.rows(), block.columns(), headDim), tableH,
                    tableW);
            NDArray attended = attendWindows(q.mul(scale), keysValues.get(0), keysValues.get(1), relative);
            // (heads, B, window rows, window columns, rows, columns, headDim) to the block's tokens of the grid
            block.tokensOf(out).set(new NDIndex("..."), attended.reshape(new Shape(heads, s.get(0),
                    block.windowRows(), block.windowColumns(), block.rows(), block.columns(), headDim))
                    .transpose(1, 2, 4, 3, 5, 0, 6));
        }
        return out;
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
     * A block's queries, from its tokens (B, window rows, rows, window columns, columns, 3, heads, headDim), as
     * (heads * windows, rows * columns, headDim), batched head by head and then window by window, in one copy.
     */
    private NDArray queriesOf(NDArray blockTokens, WindowGrid.Block block) {
        NDArray q = blockTokens.get(new NDIndex("..., 0, :, :")).transpose(5, 0, 1, 3, 2, 4, 6);
        return Contiguous.of(q).reshape(heads * block.windows(), (long) block.rows() * block.columns(), headDim);
    }

    /**
     * A block's keys and values over whole windows, padding included: (2, heads * windows, size * size, headDim), in
     * one copy. In {@code SamVisionLayer} the padding is added to the layer-normed input with zeros, so a padded
     * token's k and v are exactly the qkv bias: the projection runs on the grid's tokens alone and the padded
     * positions get the bias.
     */
    private NDArray keysAndValuesOf(NDArray blockTokens, WindowGrid.Block block) {
        long windows = block.windows();
        Shape stored = new Shape(2, heads, blockTokens.getShape().get(0), block.windowRows(), block.windowColumns(),
                windowSize, windowSize, headDim);
        NDArray keysValues = blockTokens.getManager().create(stored);
        NDArray bias = qkv.bias();
        NDArray padding = bias == null
                ? blockTokens.getManager().zeros(new Shape(headDim))
                : bias.reshape(3, heads, headDim).get("1:");
        block.toWindows(blockTokens.get(new NDIndex("..., 1:, :, :")), keysValues.transpose(2, 3, 5, 4, 6, 0, 1, 7),
                padding);
        return keysValues.reshape(2, heads * windows, (long) windowSize * windowSize, headDim);
    }

    /**
     * {@link #relativePositions} of a layer's table for a key grid side of {@code size}, or null for a layer without
     * relative positions.
     */
    private NDArray relativeTable(Parameter table, int size, NDManager manager) {
        return table == null ? null : relativePositions(size, value(table), manager);
    }

    /**
     * The relative-position terms of queries q (batch, rows, columns, headDim), unscaled, at the top-left of a key
     * grid whose {@link #relativeTable}s are tableH (keyRows, keyRows, C) and tableW (keyColumns, keyColumns, C):
     * (batch, rows, columns, keyRows, 1) and (batch, rows, columns, 1, keyColumns), shaped to broadcast over the
     * scores.
     */
    private static RelativeTerms relativeTerms(NDArray q, NDArray tableH, NDArray tableW) {
        if (tableH == null) {
            return RelativeTerms.NONE;
        }
        // the queries' rows and columns of the tables
        NDArray rowsH = tableH.get(new NDIndex(":{}", q.getShape().get(1)));
        NDArray columnsW = tableW.get(new NDIndex(":{}", q.getShape().get(2)));
        // row-major (the batched products leave them permuted, which slows the adds over every slice)
        return new RelativeTerms(Contiguous.of(relativeTermsAlongHeight(q, rowsH)).expandDims(4),
                Contiguous.of(relativeTermsAlongWidth(q, columnsW)).expandDims(3));
    }

    /**
     * Global attention, head by head in slices of query rows; returns (h * w, batch, headDim). Each slice's two
     * products (with K = headDim, they are thin) go through {@link PixelLinear}, the slice's (rows, w) grid of
     * queries as its pixels: on a CPU about 25% faster than the BLAS matmul at these shapes, measured.
     */
    private static NDArray attendGlobal(NDArray scaledQ, NDArray k, NDArray v, RelativeTerms relative,
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
                NDArray queries = scaledQ.get(new NDIndex("{}, {}:{}", b, r0 * w, r1 * w))
                        .reshape(1, r1 - r0, w, headDim);
                RelativeTerms sliceRelative = relative.get(new NDIndex("{}:{}, {}:{}", b, b + 1, r0, r1));
                rowSlices.add(Scope.keep(queries, grid -> {
                    NDArray scores = PixelLinear.apply(grid, headKeys, null);
                    sliceRelative.addTo(scores, h, w);
                    return PixelLinear.apply(scores.softmax(-1), headValuesT, null).reshape(-1, headDim);
                }));
            }
            heads.add(rowSlices.size() == 1 ? rowSlices.get(0) : NDArrays.concat(rowSlices, 0));
        }
        return NDArrays.stack(heads, 1);
    }

    /**
     * Windowed attention of queries (batch, rows * columns, headDim) over whole windows, keys and values (batch,
     * size * size, headDim), through batched products; returns (batch, rows * columns, headDim).
     */
    private NDArray attendWindows(NDArray scaledQ, NDArray k, NDArray v, RelativeTerms relative) {
        long windows = scaledQ.getShape().get(0);
        long scoresPerWindow = scaledQ.getShape().get(1) * k.getShape().get(1);
        NDArray kT = k.transpose(0, 2, 1);
        long batchPerSlice = Math.max(1, SLICE_FLOATS / scoresPerWindow);
        NDList batches = new NDList();
        for (long b0 = 0; b0 < windows; b0 += batchPerSlice) {
            long b1 = Math.min(windows, b0 + batchPerSlice);
            NDIndex batch = new NDIndex("{}:{}", b0, b1);
            NDArray batchKT = kT.get(batch);
            NDArray batchV = v.get(batch);
            RelativeTerms sliceRelative = relative.get(batch);
            batches.add(Scope.keep(scaledQ.get(batch), queries -> {
                NDArray scores = queries.matMul(batchKT);
                sliceRelative.addTo(scores, windowSize, windowSize);
                return scores.softmax(-1).matMul(batchV);
            }));
        }
        return batches.size() == 1 ? batches.get(0) : NDArrays.concat(batches, 0);
    }

    /**
     * Relative-position terms (b, rows, columns, keyRows, 1) along the keys' height and (b, rows, columns, 1,
     * keyColumns) along their width; both null for a layer without relative positions.
     */
    private record RelativeTerms(NDArray height, NDArray width) {

        static final RelativeTerms NONE = new RelativeTerms(null, null);

        /** The terms of some of the queries: {@code index} over their leading axes. */
        RelativeTerms get(NDIndex index) {
            return height == null ? NONE : new RelativeTerms(height.get(index), width.get(index));
        }

        /** Adds the terms, in place, to scores whose last axis runs over the keyRows * keyColumns keys. */
        void addTo(NDArray scores, int keyRows, int keyColumns) {
            if (height == null) {
                return;
            }
            Shape s = height.getShape();
            NDArray grid = scores.reshape(s.get(0), s.get(1), s.get(2), keyRows, keyColumns);
            grid.addi(height);
            grid.addi(width);
        }
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
