package org.meander.sam.modeling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.meander.sam.PromptEncoderConfig;

/**
 * {@code SamPromptEncoder}: points and boxes become sparse tokens, a mask input becomes dense embeddings.
 * The positional encoding is the model's shared one ({@code shared_image_embedding}), tied in the checkpoint.
 */
public final class PromptEncoder extends SamBlock {

    /** Label of the point appended to a box-less prompt: gets {@code not_a_point_embed}. */
    public static final int NOT_A_POINT = -1;
    /** Label of a padding point (the seed's samplers): contributes a zero token. */
    public static final int PADDING = -10;

    private final PositionalEmbedding sharedEmbedding;
    private final MaskEmbedding maskEmbed;
    private final EmbeddingTable noMaskEmbed;
    private final List<EmbeddingTable> pointEmbed = new ArrayList<>();
    private final EmbeddingTable notAPointEmbed;
    private final PromptEncoderConfig config;

    public PromptEncoder(PromptEncoderConfig config, PositionalEmbedding sharedEmbedding) {
        this.config = config;
        this.sharedEmbedding = sharedEmbedding;
        maskEmbed = child("mask_embed", new MaskEmbedding(config));
        noMaskEmbed = child("no_mask_embed", new EmbeddingTable(1, config.hiddenSize()));
        for (int i = 0; i < config.numPointEmbeddings(); i++) {
            pointEmbed.add(child("point_embed." + i, new EmbeddingTable(1, config.hiddenSize())));
        }
        notAPointEmbed = child("not_a_point_embed", new EmbeddingTable(1, config.hiddenSize()));
    }

    /**
     * Sparse tokens (PB, T, C) of a point batch: PB prompts of {@code n} points each (x, y in the model's input
     * frame, labels 1 positive, 0 negative, -10 padding) and optionally one box per prompt (x0, y0, x1, y1).
     * Without a box every prompt gets one extra not-a-point token, as in SAM.
     */
    public NDArray embedSparse(NDManager manager, int promptCount, double[] points, int[] labels, double[] boxes) {
        int n = labels.length / promptCount;
        NDList parts = new NDList();
        if (n > 0) {
            parts.add(embedPoints(manager, promptCount, n, points, labels, boxes == null));
        }
        if (boxes != null) {
            parts.add(embedBoxes(manager, promptCount, boxes));
        }
        return parts.size() == 1 ? parts.get(0) : NDArrays.concat(parts, 1);
    }

    private NDArray embedPoints(NDManager manager, int pb, int n, double[] points, int[] labels, boolean pad) {
        int tokens = pad ? n + 1 : n;
        float[] centred = new float[pb * tokens * 2];
        float[] keep = new float[pb * tokens];
        float[] select = new float[pb * tokens * 3]; // one-hot over [not_a_point, negative, positive]
        for (int p = 0; p < pb; p++) {
            for (int t = 0; t < tokens; t++) {
                int out = p * tokens + t;
                boolean padding = t == n;
                int label = padding ? NOT_A_POINT : labels[p * n + t];
                double x = padding ? 0 : points[2 * (p * n + t)];
                double y = padding ? 0 : points[2 * (p * n + t) + 1];
                centred[2 * out] = (float) centre(x);
                centred[2 * out + 1] = (float) centre(y);
                keep[out] = label == NOT_A_POINT || label == PADDING ? 0f : 1f;
                switch (label) {
                    case NOT_A_POINT -> select[3 * out] = 1f;
                    case 0 -> select[3 * out + 1] = 1f;
                    case 1 -> select[3 * out + 2] = 1f;
                    case PADDING -> { }
                    default -> throw new IllegalArgumentException(
                            "point label " + label + ": use 1 (positive), 0 (negative) or -10 (padding)");
                }
            }
        }
        NDArray encoding = sharedEmbedding.forwardCentred(manager.create(centred).reshape(pb, tokens, 2));
        NDArray table = ownedBy(manager, NDArrays.concat(new NDList(
                notAPointEmbed.weight(), pointEmbed.get(0).weight(), pointEmbed.get(1).weight())));
        NDArray added = manager.create(select).reshape(pb, tokens, 3).toType(table.getDataType(), false).matMul(table);
        return encoding.mul(manager.create(keep).reshape(pb, tokens, 1)).add(added);
    }

    private NDArray embedBoxes(NDManager manager, int pb, double[] boxes) {
        float[] centred = new float[pb * 4];
        for (int i = 0; i < centred.length; i++) {
            centred[i] = (float) centre(boxes[i]);
        }
        NDArray corners = sharedEmbedding.forwardCentred(manager.create(centred).reshape(pb, 2, 2));
        NDArray cornerEmbeddings = ownedBy(manager, NDArrays.concat(new NDList(
                pointEmbed.get(2).weight(), pointEmbed.get(3).weight())));
        return corners.add(cornerEmbeddings);
    }

    /** Pixel centre (+0.5), normalised by the input size and mapped to [-1, 1], in double like transformers. */
    private double centre(double coordinate) {
        return 2 * ((coordinate + 0.5) / config.imageSize()) - 1;
    }

    /** Dense embeddings of a mask input (B, 1, 256, 256), as tokens (B, 4096, C). */
    public NDArray embedMask(NDArray masks) {
        return maskEmbed.forward(masks.toType(noMaskEmbed.weight().getDataType(), false));
    }

    /**
     * A mask input (1, 1, 256, 256) as the low-rank move of image tokens that have the {@link #noMaskEmbedding}
     * added: what {@link #embedMask} gives, less that embedding, without an image-sized array.
     */
    public MaskShift maskShift(NDArray masks) {
        NDArray noMask = noMaskEmbed.weight();
        return maskEmbed.shift(masks.toType(noMask.getDataType(), false), noMask);
    }

    /** The (1, C) embedding added to every image token when there is no mask input. */
    public NDArray noMaskEmbedding() {
        return noMaskEmbed.weight();
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
        return new NDList(embedMask(in.singletonOrThrow()));
    }
}
