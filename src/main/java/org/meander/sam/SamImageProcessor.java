package org.meander.sam;

import java.awt.image.BufferedImage;

/**
 * SAM's image pre-processing exactly as Hugging Face transformers' {@code SamImageProcessor} does it: resize the
 * longest side to 1024 (PIL bilinear, antialiased), rescale by 1/255, normalise with the ImageNet mean and std, and
 * pad with zeros at the bottom and right to 1024 x 1024.
 */
public final class SamImageProcessor {

    /** The side of the square the image encoder sees; also the frame that post-processing crops from. */
    public static final int PADDED_SIZE = 1024;

    private static final float[] MEAN = {0.485f, 0.456f, 0.406f};
    private static final float[] STD = {0.229f, 0.224f, 0.225f};

    /**
     * The normalised value of every 8-bit sample, per channel, computed the way transformers does: the rescale in
     * float64 then cast to float32, the normalisation in float32.
     */
    private static final float[][] NORMALISED = normalisationTable();

    private SamImageProcessor() {
    }

    /** transformers' {@code _get_preprocess_shape}: the same float64 operations, in the same order. */
    public static ImageSize resizedSize(ImageSize original, int longestSide) {
        double scale = longestSide * 1.0 / original.longestSide();
        return new ImageSize((int) (original.height() * scale + 0.5), (int) (original.width() * scale + 0.5));
    }

    /** See {@link RgbImage#from} for how non-RGB images (alpha, gray, 16-bit, palette) are read. */
    public static PreprocessedImage preprocess(BufferedImage image) {
        return preprocess(RgbImage.from(image));
    }

    public static PreprocessedImage preprocess(RgbImage image) {
        ImageSize resized = resizedSize(image.size(), PADDED_SIZE);
        RgbImage scaled = PilBilinearResize.resize(image, resized);
        float[] pixels = new float[3 * PADDED_SIZE * PADDED_SIZE];
        byte[] rgb = scaled.rgb();
        int plane = PADDED_SIZE * PADDED_SIZE;
        float[] red = NORMALISED[0];
        float[] green = NORMALISED[1];
        float[] blue = NORMALISED[2];
        int in = 0;
        for (int y = 0; y < resized.height(); y++) {
            int out = y * PADDED_SIZE;
            for (int x = 0; x < resized.width(); x++, out++) {
                pixels[out] = red[rgb[in++] & 0xFF];
                pixels[plane + out] = green[rgb[in++] & 0xFF];
                pixels[2 * plane + out] = blue[rgb[in++] & 0xFF];
            }
        }
        return new PreprocessedImage(pixels, image.size(), resized, PADDED_SIZE);
    }

    private static float[][] normalisationTable() {
        float[][] table = new float[3][256];
        for (int c = 0; c < 3; c++) {
            for (int v = 0; v < 256; v++) {
                float rescaled = (float) (v * (1.0 / 255));
                table[c][v] = (rescaled - MEAN[c]) / STD[c];
            }
        }
        return table;
    }
}
