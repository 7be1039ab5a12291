package org.meander.project.export;

/**
 * A binary mask in COCO's compressed run-length form, as pycocotools writes it: {@code counts} is the
 * {@code rleToString} text of the column-major runs, and the size is {@code [height, width]} in that order in JSON.
 */
public record Rle(int height, int width, String counts) {

    public Rle {
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException("an RLE mask needs a positive size, got height " + height
                    + " and width " + width);
        }
        if (counts == null) {
            throw new IllegalArgumentException("an RLE mask needs its counts string (empty masks still have one)");
        }
    }
}
