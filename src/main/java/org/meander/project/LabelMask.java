package org.meander.project;

import java.util.Arrays;

/**
 * A binary label in memory: one byte per pixel, 0 (background) or 1 (foreground), row-major. The array is shared, not
 * copied, so that an editor can paint into it without copying a megabyte per stroke; equality compares the pixels.
 */
public record LabelMask(int width, int height, byte[] pixels) {

    public LabelMask {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("a label mask needs a positive size, got " + width + " x " + height);
        }
        if (pixels.length != (long) width * height) {
            throw new IllegalArgumentException("a " + width + " x " + height + " label mask needs "
                    + (long) width * height + " pixels, got " + pixels.length);
        }
        for (int i = 0; i < pixels.length; i++) {
            if (pixels[i] != 0 && pixels[i] != 1) {
                throw new IllegalArgumentException("label mask pixels are 0 or 1; pixel " + i + " (x " + i % width
                        + ", y " + i / width + ") is " + Byte.toUnsignedInt(pixels[i]));
            }
        }
    }

    /** How many pixels are foreground. */
    public long foreground() {
        long count = 0;
        for (byte pixel : pixels) {
            count += pixel;
        }
        return count;
    }

    /** Whether no pixel is foreground. */
    public boolean isEmpty() {
        for (byte pixel : pixels) {
            if (pixel != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LabelMask that && width == that.width && height == that.height
                && Arrays.equals(pixels, that.pixels);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(pixels);
    }

    @Override
    public String toString() {
        return "LabelMask[" + width + " x " + height + "]";
    }
}
