package org.meander.project.edit;

import java.util.Arrays;
import org.meander.project.LabelMask;

/** Small masks drawn as text for tests: '#' is foreground, '.' background, one string per row. */
final class Masks {

    private Masks() {
    }

    static LabelMask parse(String... rows) {
        int width = rows[0].length();
        byte[] pixels = new byte[width * rows.length];
        for (int y = 0; y < rows.length; y++) {
            for (int x = 0; x < width; x++) {
                pixels[y * width + x] = rows[y].charAt(x) == '#' ? (byte) 1 : (byte) 0;
            }
        }
        return new LabelMask(width, rows.length, pixels);
    }

    static LabelMask full(int width, int height) {
        byte[] pixels = new byte[width * height];
        Arrays.fill(pixels, (byte) 1);
        return new LabelMask(width, height, pixels);
    }

    static int count(LabelMask mask) {
        int count = 0;
        for (byte pixel : mask.pixels()) {
            count += pixel;
        }
        return count;
    }

    static boolean at(LabelMask mask, int x, int y) {
        return mask.pixels()[y * mask.width() + x] == 1;
    }
}
