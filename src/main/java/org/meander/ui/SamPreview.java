package org.meander.ui;

import java.util.List;
import org.meander.project.LabelMask;
import org.meander.sam.Prediction;

/**
 * SAM's answer to the current prompt as the window shows it: every candidate mask at the tile's size with its
 * predicted IoU and low-resolution logits, and which candidate is shown (Tab cycles).
 */
record SamPreview(List<LabelMask> masks, float[] iou, List<float[]> lowRes, int shown) {

    static SamPreview of(Prediction p) {
        List<LabelMask> masks = new java.util.ArrayList<>();
        List<float[]> lowRes = new java.util.ArrayList<>();
        float[] iou = new float[p.candidates()];
        for (int k = 0; k < p.candidates(); k++) {
            masks.add(new LabelMask(p.original().width(), p.original().height(), p.mask(0, k)));
            lowRes.add(p.lowRes(0, k));
            iou[k] = p.iou(0, k);
        }
        return new SamPreview(List.copyOf(masks), iou, List.copyOf(lowRes), p.best(0));
    }

    LabelMask mask() {
        return masks.get(shown);
    }

    float shownIou() {
        return iou[shown];
    }

    float[] shownLowRes() {
        return lowRes.get(shown);
    }

    SamPreview next() {
        return new SamPreview(masks, iou, lowRes, (shown + 1) % masks.size());
    }

    String describe() {
        return String.format("Candidate %d of %d, predicted IoU %.2f (Tab for the next)", shown + 1, masks.size(),
                shownIou());
    }
}
