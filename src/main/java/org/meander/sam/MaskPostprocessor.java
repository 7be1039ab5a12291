package org.meander.sam;

/**
 * transformers' {@code SamProcessor.post_process_masks} for one mask: low-resolution logits (256 x 256) are resized
 * bilinearly to the padded 1024 x 1024 frame, cropped to the resized image, resized bilinearly to the original image
 * size, and thresholded at 0. Only the cropped corner of the first resize is computed, since this runs on every click.
 */
public final class MaskPostprocessor {

    private MaskPostprocessor() {
    }

    /** The mask at the original size, row-major, 1 inside and 0 outside. */
    public static byte[] toBinaryMask(float[] lowRes, int lowResSize, ImageSize resized, ImageSize original) {
        float[] logits = upscaleLogits(lowRes, lowResSize, resized, original);
        byte[] mask = new byte[logits.length];
        for (int i = 0; i < logits.length; i++) {
            mask[i] = logits[i] > 0 ? (byte) 1 : (byte) 0;
        }
        return mask;
    }

    /** The logits at the original size, row-major, before the threshold. */
    public static float[] upscaleLogits(float[] lowRes, int lowResSize, ImageSize resized, ImageSize original) {
        int padded = SamImageProcessor.PADDED_SIZE;
        float[] cropped = BilinearResize.resizeTopLeft(lowRes, lowResSize, lowResSize, padded, padded,
                resized.height(), resized.width());
        if (resized.equals(original)) {
            return cropped; // PyTorch copies when sizes are equal; so can we, by not resizing at all
        }
        return BilinearResize.resize(cropped, resized.height(), resized.width(), original.height(), original.width());
    }
}
