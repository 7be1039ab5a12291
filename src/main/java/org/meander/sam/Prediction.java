package org.meander.sam;

import java.util.Arrays;

/**
 * SAM's answer to a point batch of {@code prompts} prompts: {@code candidates} masks each (3 with multimask
 * output, else 1) as low-resolution logits ({@code size} x {@code size}, the model's 1024 frame at a quarter
 * scale) and their predicted IoU.
 */
public record Prediction(int prompts, int candidates, int size, float[] lowResLogits, float[] iouScores,
                         ImageSize original, ImageSize resized) {

    /** The low-resolution logits of one candidate, a copy of size x size values. */
    public float[] lowRes(int prompt, int candidate) {
        int from = (prompt * candidates + candidate) * size * size;
        return Arrays.copyOfRange(lowResLogits, from, from + size * size);
    }

    public float iou(int prompt, int candidate) {
        return iouScores[prompt * candidates + candidate];
    }

    /** The candidate with the highest predicted IoU (the first on ties). */
    public int best(int prompt) {
        int best = 0;
        for (int k = 1; k < candidates; k++) {
            if (iou(prompt, k) > iou(prompt, best)) {
                best = k;
            }
        }
        return best;
    }

    /** The binary mask of one candidate at the original image size, 0/1 bytes row-major. */
    public byte[] mask(int prompt, int candidate) {
        return MaskPostprocessor.toBinaryMask(lowRes(prompt, candidate), size, resized, original);
    }
}
