package org.meander.ui.image;

import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import org.meander.sam.Box;
import org.meander.sam.Point;
import org.meander.sam.Prompt;

/** A prompt drawn into an overlay of its tile's size: its points as squares (green water, red not) and its box. */
public final class PromptMarks {

    private static final int POSITIVE_ARGB = 0xff20d040;
    private static final int NEGATIVE_ARGB = 0xffe02020;
    private static final int BOX_ARGB = 0xffffe040;

    private PromptMarks() {
    }

    /** Draws the prompt over {@code image} and returns it; a null prompt draws nothing. */
    public static WritableImage drawOn(WritableImage image, Prompt prompt) {
        if (prompt == null) {
            return image;
        }
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        // large enough to see when the tile is shown a few hundred pixels wide
        int mark = Math.max(3, Math.max(width, height) / 40);
        PixelWriter pixels = image.getPixelWriter();
        if (prompt.box() != null) {
            drawBox(pixels, width, height, prompt.box(), Math.max(1, mark / 3));
        }
        for (Point point : prompt.points()) {
            square(pixels, width, height, (int) point.x(), (int) point.y(), mark,
                    point.label() == Point.POSITIVE ? POSITIVE_ARGB : NEGATIVE_ARGB);
        }
        return image;
    }

    private static void drawBox(PixelWriter pixels, int width, int height, Box box, int thickness) {
        int x0 = (int) box.x0();
        int y0 = (int) box.y0();
        int x1 = (int) box.x1();
        int y1 = (int) box.y1();
        for (int t = 0; t < thickness; t++) {
            for (int x = x0; x <= x1; x++) {
                set(pixels, width, height, x, y0 + t, BOX_ARGB);
                set(pixels, width, height, x, y1 - t, BOX_ARGB);
            }
            for (int y = y0; y <= y1; y++) {
                set(pixels, width, height, x0 + t, y, BOX_ARGB);
                set(pixels, width, height, x1 - t, y, BOX_ARGB);
            }
        }
    }

    /** A filled square with a black rim, centred on (cx, cy). */
    private static void square(PixelWriter pixels, int width, int height, int cx, int cy, int side, int argb) {
        int half = side / 2 + 1;
        for (int y = cy - half; y <= cy + half; y++) {
            for (int x = cx - half; x <= cx + half; x++) {
                boolean rim = Math.abs(x - cx) == half || Math.abs(y - cy) == half;
                set(pixels, width, height, x, y, rim ? 0xff000000 : argb);
            }
        }
    }

    private static void set(PixelWriter pixels, int width, int height, int x, int y, int argb) {
        if (x >= 0 && y >= 0 && x < width && y < height) {
            pixels.setArgb(x, y, argb);
        }
    }
}
