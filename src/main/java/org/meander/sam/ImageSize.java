package org.meander.sam;

/** The size of an image in pixels, height first as in SAM's {@code original_size} and {@code reshaped_input_size}. */
public record ImageSize(int height, int width) {

    public ImageSize {
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + height + " x " + width);
        }
    }

    public int pixels() {
        return height * width;
    }

    public int longestSide() {
        return Math.max(height, width);
    }

    @Override
    public String toString() {
        return height + "x" + width;
    }
}
