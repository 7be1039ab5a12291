package org.meander.prompts;

import org.meander.project.LabelMask;

/** Label masks for the sampler tests. */
final class Masks {

    private Masks() {
    }

    /** A river-like label: a band 50 pixels wide meandering left to right across a 512 x 512 tile. */
    static LabelMask river() {
        int size = 512;
        byte[] pixels = new byte[size * size];
        for (int x = 0; x < size; x++) {
            double centre = 256 + 120 * Math.sin(2 * Math.PI * x / 300.0);
            for (int y = 0; y < size; y++) {
                if (Math.abs(y - centre) <= 25) {
                    pixels[y * size + x] = 1;
                }
            }
        }
        return new LabelMask(size, size, pixels);
    }

    /** A width x height mask whose listed pixels, given as x, y pairs, are foreground. */
    static LabelMask withForeground(int width, int height, int... xys) {
        byte[] pixels = new byte[width * height];
        for (int i = 0; i < xys.length; i += 2) {
            pixels[xys[i + 1] * width + xys[i]] = 1;
        }
        return new LabelMask(width, height, pixels);
    }

    /** A mask whose rectangle [x0, x1] x [y0, y1], bounds included, is foreground. */
    static LabelMask rectangle(int width, int height, int x0, int y0, int x1, int y1) {
        byte[] pixels = new byte[width * height];
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                pixels[y * width + x] = 1;
            }
        }
        return new LabelMask(width, height, pixels);
    }

    static int count(LabelMask mask, int value) {
        int count = 0;
        for (byte pixel : mask.pixels()) {
            if (pixel == value) {
                count++;
            }
        }
        return count;
    }
}
