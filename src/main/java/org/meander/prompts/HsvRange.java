package org.meander.prompts;

import org.meander.project.LabelMask;
import org.meander.sam.RgbImage;

/**
 * A box in HSV colour space, bounds included: hue in degrees [0, 360], saturation and value in [0, 1]. A hue range
 * whose start lies above its end wraps through 0, so 340 to 20 is red. Value is max(r, g, b) / 255, saturation
 * (max - min) / max (0 for black), hue the usual hexcone angle: what Python's colorsys and OpenCV compute, up to scale.
 */
public record HsvRange(double hueFrom, double hueTo, double saturationMin, double saturationMax, double valueMin,
                       double valueMax) {

    /**
     * River water in the Elwha airborne frames: pale cyan to light blue (hue 175 to 235), bright (value from 0.88)
     * and barely to moderately saturated (0.03 to 0.45: glacial silt). Darker blues are forest under the camera's
     * blue cast, pure whites (no saturation) are gravel bars and glare, pinks and greys are fields and roads. Tuned
     * by eye on those 25 frames: it finds the river in the frames that show one and nothing in most frames of roads
     * and fields, but takes a pale clearing (frame 6) and hazy crowns (16, 17) for water too. A rough mask to draw
     * prompts from, not a label.
     */
    public static final HsvRange RIVER_WATER = new HsvRange(175, 235, 0.03, 0.45, 0.88, 1.0);

    public HsvRange {
        requireWithin("hue from", hueFrom, 360);
        requireWithin("hue to", hueTo, 360);
        requireWithin("saturation min", saturationMin, 1);
        requireWithin("saturation max", saturationMax, 1);
        requireWithin("value min", valueMin, 1);
        requireWithin("value max", valueMax, 1);
        if (saturationMin > saturationMax || valueMin > valueMax) {
            throw new IllegalArgumentException("an HSV range needs min <= max, got saturation " + saturationMin
                    + " to " + saturationMax + " and value " + valueMin + " to " + valueMax);
        }
    }

    private static void requireWithin(String what, double x, double max) {
        if (!(x >= 0 && x <= max)) {
            throw new IllegalArgumentException("HSV range: " + what + " is " + x + ", expected 0 to " + max);
        }
    }

    /** Whether the 8-bit colour lies in the range. */
    public boolean contains(int red, int green, int blue) {
        int max = Math.max(red, Math.max(green, blue));
        int min = Math.min(red, Math.min(green, blue));
        double value = max / 255.0;
        double saturation = max == 0 ? 0 : (double) (max - min) / max;
        if (value < valueMin || value > valueMax || saturation < saturationMin || saturation > saturationMax) {
            return false;
        }
        double hue = hue(red, green, blue, max, min);
        return hueFrom <= hueTo ? hue >= hueFrom && hue <= hueTo : hue >= hueFrom || hue <= hueTo;
    }

    /** Degrees in [0, 360); 0 for greys, which have no hue. */
    private static double hue(int red, int green, int blue, int max, int min) {
        double chroma = max - min;
        if (chroma == 0) {
            return 0;
        }
        double sector;
        if (max == red) {
            sector = (green - blue) / chroma;
        } else if (max == green) {
            sector = 2 + (blue - red) / chroma;
        } else {
            sector = 4 + (red - green) / chroma;
        }
        double degrees = 60 * sector;
        return degrees < 0 ? degrees + 360 : degrees;
    }

    /** The pixels of the image whose colour lies in the range. */
    public LabelMask select(RgbImage image) {
        byte[] rgb = image.rgb();
        byte[] pixels = new byte[image.size().pixels()];
        for (int i = 0; i < pixels.length; i++) {
            int red = Byte.toUnsignedInt(rgb[3 * i]);
            int green = Byte.toUnsignedInt(rgb[3 * i + 1]);
            int blue = Byte.toUnsignedInt(rgb[3 * i + 2]);
            pixels[i] = contains(red, green, blue) ? (byte) 1 : (byte) 0;
        }
        return new LabelMask(image.width(), image.height(), pixels);
    }
}
