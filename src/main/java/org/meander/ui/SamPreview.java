package org.meander.ui;

import org.meander.project.LabelMask;
import org.meander.sam.Prediction;

/**
 * SAM's answer to the current prompt as the window shows it: its candidates' predicted IoU and low-resolution
 * logits, which candidate is shown (Tab cycles), and the shown one's mask at the tile's size. Only the shown
 * candidate is upscaled to full resolution, a few milliseconds each on a 1024 tile: the others only if Tab asks.
 */
record SamPreview(Prediction prediction, int shown, LabelMask mask, String decoder) {

    /** The candidate SAM rates highest, shown. */
    static SamPreview of(Prediction p) {
        return of(p, null);
    }

    /**
     * The candidate SAM rates highest, shown; decoder: the decoder that answered, as the status line names it
     * ("Decoder of run-2 (best checkpoint)"), or null while Annotate has only the model's own.
     */
    static SamPreview of(Prediction p, String decoder) {
        return showing(p, p.best(0), decoder);
    }

    private static SamPreview showing(Prediction p, int candidate, String decoder) {
        return new SamPreview(p, candidate, new LabelMask(p.original().width(), p.original().height(),
                p.mask(0, candidate)), decoder);
    }

    int candidates() {
        return prediction.candidates();
    }

    float shownIou() {
        return prediction.iou(0, shown);
    }

    /** The shown candidate's low-resolution logits: what the next click refines. */
    float[] shownLowRes() {
        return prediction.lowRes(0, shown);
    }

    SamPreview next() {
        return showing(prediction, (shown + 1) % candidates(), decoder);
    }

    /** The status line of the answer: the decoder that gave it, when there are two, then the candidate shown. */
    String describe() {
        return decoder == null ? describeCandidate() : decoder + ": " + describeCandidate();
    }

    /** The candidate shown, its predicted IoU, and Tab. */
    String describeCandidate() {
        return String.format("Candidate %d of %d, predicted IoU %.2f (Tab for the next)", shown + 1, candidates(),
                shownIou());
    }
}
