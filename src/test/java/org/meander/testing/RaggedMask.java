package org.meander.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.meander.project.LabelMask;

/** A ragged river mask of a real Elwha frame: its bright bluish pixels, the river and its glare, with many specks. */
public final class RaggedMask {

    private RaggedMask() {
    }

    /** Of {@code data/elwha-airborne/airborne_<frame>.png}. */
    public static LabelMask ofFrame(int frame) throws IOException {
        BufferedImage image = ImageIO.read(Fixtures.shared()
                .resolve("data/elwha-airborne/airborne_" + frame + ".png").toFile());
        int width = image.getWidth();
        int height = image.getHeight();
        byte[] pixels = new byte[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb = image.getRGB(x, y);
                pixels[y * width + x] = (byte) ((rgb & 0xff) > 150 && (rgb & 0xff) >= (rgb >> 16 & 0xff) ? 1 : 0);
            }
        }
        return new LabelMask(width, height, pixels);
    }
}
