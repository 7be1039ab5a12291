package org.meander.sam;

/**
 * The image encoder's output for one image, (C, side, side) in row-major order, with the sizes needed to map
 * prompts and masks between the image and the model's 1024 frame.
 */
public record ImageEmbedding(float[] values, int channels, int side, ImageSize original, ImageSize resized) {

    public ImageEmbedding {
        if (values.length != channels * side * side) {
            throw new IllegalArgumentException("embedding has " + values.length + " values, expected "
                    + channels + " x " + side + " x " + side);
        }
    }
}
