package org.meander.train;

import java.util.List;

/**
 * How a predicted mask agrees with a label, pixel by pixel. A metric whose denominator is 0 (an empty label and an
 * empty prediction) counts as perfect agreement.
 */
public record TileMetrics(String tile, double iou, double f1, double precision, double recall, double accuracy) {

    /** predicted and label: 0 or non-zero per pixel, over the same pixels. */
    public static TileMetrics of(String tile, boolean[] predicted, boolean[] label) {
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] && label[i]) {
                tp++;
            } else if (predicted[i]) {
                fp++;
            } else if (label[i]) {
                fn++;
            }
        }
        long tn = predicted.length - tp - fp - fn;
        return new TileMetrics(tile, ratio(tp, tp + fp + fn), ratio(2 * tp, 2 * tp + fp + fn), ratio(tp, tp + fp),
                ratio(tp, tp + fn), ratio(tp + tn, predicted.length));
    }

    /** The mean of each metric: a tile decoded with several prompts scores as their average. */
    public static TileMetrics mean(String tile, List<TileMetrics> each) {
        int n = each.size();
        return new TileMetrics(tile, each.stream().mapToDouble(TileMetrics::iou).sum() / n,
                each.stream().mapToDouble(TileMetrics::f1).sum() / n,
                each.stream().mapToDouble(TileMetrics::precision).sum() / n,
                each.stream().mapToDouble(TileMetrics::recall).sum() / n,
                each.stream().mapToDouble(TileMetrics::accuracy).sum() / n);
    }

    /** Disagreement between prediction and label: 1 - IoU. */
    public double disagreement() {
        return 1 - iou;
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 1 : (double) numerator / denominator;
    }
}
