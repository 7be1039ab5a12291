package org.meander.train;

import ai.djl.ndarray.NDArray;

/** How SAM's mask candidates meet the loss. */
public enum OutputHandling {
    /** Single-mask output: the one mask. */
    SINGLE(false),
    /** Multimask output: per prompt, the candidate with the highest predicted IoU (a choice, not differentiated). */
    BEST(true),
    /** Multimask output: the mean of the candidates' logits. */
    MEAN(true);

    private final boolean multimask;

    OutputHandling(boolean multimask) {
        this.multimask = multimask;
    }

    public boolean multimask() {
        return multimask;
    }

    /** masks (M, K, H, W) and iou (M, K) to the (M, 1, H, W) logits the loss sees. */
    public NDArray select(NDArray masks, NDArray iou) {
        return switch (this) {
            case SINGLE -> masks;
            case MEAN -> masks.mean(new int[] {1}, true);
            case BEST -> {
                NDArray index = iou.stopGradient().argMax(1);
                long h = masks.getShape().get(2);
                long w = masks.getShape().get(3);
                NDArray gatherIndex = index.reshape(-1, 1, 1, 1).broadcast(masks.getShape().get(0), 1, h, w);
                yield masks.gather(gatherIndex, 1);
            }
        };
    }

    /** The (M, 1) predicted IoU of the candidate {@link #select} keeps (the mean of the candidates for MEAN). */
    public NDArray selectIou(NDArray iou) {
        return switch (this) {
            case SINGLE -> iou;
            case MEAN -> iou.mean(new int[] {1}, true);
            case BEST -> iou.max(new int[] {1}, true);
        };
    }
}
