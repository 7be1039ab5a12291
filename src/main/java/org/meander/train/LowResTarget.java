package org.meander.train;

import org.meander.project.LabelMask;
import org.meander.sam.ImageSize;

/**
 * A label in SAM's low-resolution frame, as the decoder's logits see the image: resized (nearest) to the model's
 * resized frame, padded to the square input, 4 x 4 average-pooled, and kept where at least half the block is label.
 */
public final class LowResTarget {

    private LowResTarget() {
    }

    /** side x side values of 0 and 1; side = input size / 4 (256 for SAM). */
    public static float[] of(LabelMask label, ImageSize resized, int side) {
        int[] counts = new int[side * side];
        int width = label.width();
        int height = label.height();
        byte[] pixels = label.pixels();
        for (int y = 0; y < resized.height(); y++) {
            // PIL's nearest neighbour: the source pixel under the target pixel's centre
            int sourceY = Math.min(height - 1, (int) ((y + 0.5) * height / resized.height()));
            int row = (y / 4) * side;
            for (int x = 0; x < resized.width(); x++) {
                int sourceX = Math.min(width - 1, (int) ((x + 0.5) * width / resized.width()));
                if (pixels[sourceY * width + sourceX] != 0) {
                    counts[row + x / 4]++;
                }
            }
        }
        float[] target = new float[side * side];
        for (int i = 0; i < target.length; i++) {
            target[i] = counts[i] >= 8 ? 1f : 0f;
        }
        return target;
    }

    /** Rows and columns of the low-resolution frame that hold the image rather than padding. */
    public static ImageSize validRegion(ImageSize resized) {
        return new ImageSize((resized.height() + 3) / 4, (resized.width() + 3) / 4);
    }
}
