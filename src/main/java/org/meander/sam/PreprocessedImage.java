package org.meander.sam;

/**
 * SAM's {@code pixel_values} for one image: normalised floats in CHW order, 3 x size x size, the resized image in
 * the top-left corner and zeros elsewhere. The array is shared, not copied: treat it as read-only.
 *
 * @param original the image's size as given, which masks are post-processed back to
 * @param resized  the size it was resized to (longest side = size), which prompts are scaled to
 */
public record PreprocessedImage(float[] pixels, ImageSize original, ImageSize resized, int size) {

    public PreprocessedImage {
        if (pixels.length != 3 * size * size) {
            throw new IllegalArgumentException("expected 3 x " + size + " x " + size + " pixels, got " + pixels.length);
        }
        if (resized.height() > size || resized.width() > size) {
            throw new IllegalArgumentException("resized " + resized + " does not fit in " + size + " x " + size);
        }
    }

    public PixelStatistics statistics() {
        double sum = 0;
        double sumOfAbs = 0;
        for (float v : pixels) {
            sum += v;
            sumOfAbs += Math.abs(v);
        }
        double mean = sum / pixels.length;
        double squares = 0; // two passes: one-pass sums of squares lose digits when the mean is large
        for (float v : pixels) {
            double d = v - mean;
            squares += d * d;
        }
        double std = Math.sqrt(squares / (pixels.length - 1));
        return new PixelStatistics(mean, std, sumOfAbs, unpaddedSum() / (3.0 * resized.pixels()));
    }

    private double unpaddedSum() {
        double sum = 0;
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < resized.height(); y++) {
                int row = (c * size + y) * size;
                for (int x = 0; x < resized.width(); x++) {
                    sum += pixels[row + x];
                }
            }
        }
        return sum;
    }
}
