package org.meander.ui.evaluate;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.meander.project.LabelMask;
import org.meander.sam.Box;
import org.meander.sam.Point;
import org.meander.sam.Prompt;

/** The side-by-side view's overlays: a mask in a translucent colour, and the prompt that made it on top. */
final class ComparisonImages {

    static final int LABEL_ARGB = 0x80ff30d0;
    static final int BASE_ARGB = 0x80ff9020;
    static final int TUNED_ARGB = 0x8020c0ff;
    private static final int POSITIVE_ARGB = 0xff20d040;
    private static final int NEGATIVE_ARGB = 0xffe02020;
    private static final int BOX_ARGB = 0xffffe040;

    private ComparisonImages() {
    }

    /** The mask in {@code argb}, transparent elsewhere, with the prompt drawn over it when there is one. */
    static WritableImage overlay(LabelMask mask, int argb, Prompt prompt) {
        int width = mask.width();
        int height = mask.height();
        int[] pixels = new int[width * height];
        for (int i = 0; i < pixels.length; i++) {
            if (mask.pixels()[i] != 0) {
                pixels[i] = argb;
            }
        }
        if (prompt != null) {
            // large enough to see when the tile is shown a third of the window wide
            int mark = Math.max(3, Math.max(width, height) / 90);
            if (prompt.box() != null) {
                drawBox(pixels, width, height, prompt.box(), Math.max(1, mark / 3));
            }
            for (Point point : prompt.points()) {
                square(pixels, width, height, (int) point.x(), (int) point.y(), mark,
                        point.label() == Point.POSITIVE ? POSITIVE_ARGB : NEGATIVE_ARGB);
            }
        }
        WritableImage image = new WritableImage(width, height);
        image.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), pixels, 0, width);
        return image;
    }

    private static void drawBox(int[] pixels, int width, int height, Box box, int thickness) {
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
    private static void square(int[] pixels, int width, int height, int cx, int cy, int side, int argb) {
        int half = side / 2 + 1;
        for (int y = cy - half; y <= cy + half; y++) {
            for (int x = cx - half; x <= cx + half; x++) {
                boolean rim = Math.abs(x - cx) == half || Math.abs(y - cy) == half;
                set(pixels, width, height, x, y, rim ? 0xff000000 : argb);
            }
        }
    }

    private static void set(int[] pixels, int width, int height, int x, int y, int argb) {
        if (x >= 0 && y >= 0 && x < width && y < height) {
            pixels[y * width + x] = argb;
        }
    }
}
