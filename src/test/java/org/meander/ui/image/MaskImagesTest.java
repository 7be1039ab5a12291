package org.meander.ui.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.meander.testing.OneWindow;
import org.testfx.framework.junit5.ApplicationExtension;

/** Updating a rectangle of an overlay gives the same image as rebuilding it, filled or as an outline. */
@ExtendWith({ApplicationExtension.class, OneWindow.class})
class MaskImagesTest {

    private static final int W = 97;
    private static final int H = 61;
    private static final int ARGB = 0x59ff30d0;

    @Test
    void updatingARegionEqualsRebuildingTheOverlay() {
        for (boolean outline : new boolean[] {false, true}) {
            Random random = new Random(outline ? 1 : 2);
            byte[] mask = randomBlobs(random);
            WritableImage image = build(mask, outline);
            for (int step = 0; step < 20; step++) {
                int x0 = random.nextInt(W);
                int y0 = random.nextInt(H);
                int x1 = Math.min(W, x0 + 1 + random.nextInt(30));
                int y1 = Math.min(H, y0 + 1 + random.nextInt(30));
                for (int y = y0; y < y1; y++) {
                    for (int x = x0; x < x1; x++) {
                        mask[y * W + x] = (byte) (random.nextInt(3) == 0 ? 0 : 1);
                    }
                }
                MaskImages.update(image, mask, W, H, x0, y0, x1, y1, ARGB, outline);
                assertArrayEquals(pixels(build(mask, outline)), pixels(image), "step " + step + " outline " + outline);
            }
        }
    }

    private static WritableImage build(byte[] mask, boolean outline) {
        return outline ? MaskImages.outline(mask, W, H, ARGB) : MaskImages.overlay(mask, W, H, ARGB);
    }

    private static int[] pixels(WritableImage image) {
        int[] out = new int[W * H];
        image.getPixelReader().getPixels(0, 0, W, H, PixelFormat.getIntArgbInstance(), out, 0, W);
        return out;
    }

    private static byte[] randomBlobs(Random random) {
        byte[] mask = new byte[W * H];
        for (int i = 0; i < 6; i++) {
            int cx = random.nextInt(W);
            int cy = random.nextInt(H);
            int r = 5 + random.nextInt(15);
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r) {
                        mask[y * W + x] = 1;
                    }
                }
            }
        }
        return mask;
    }
}
