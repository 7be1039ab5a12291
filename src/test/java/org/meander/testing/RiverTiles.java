package org.meander.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Synthetic tiles for auto-label tests, written where a project keeps them: dark green forest, optionally crossed
 * by a band of pale blue river, which the default colour thresholds take for water, with the matching grey
 * near-infrared band (dark river, bright forest), in which the water index finds the same river.
 */
public final class RiverTiles {

    public static final int SIZE = 256;
    /** The river band's rows, bounds included. */
    public static final int RIVER_TOP = 100;
    public static final int RIVER_BOTTOM = 159;

    private static final int FOREST = 0x28503C;
    /** (190, 220, 245): hue 207, saturation 0.22, value 0.96; the texture adds at most 7 to each channel. */
    private static final int RIVER = 0xBEDCF5;

    private RiverTiles() {
    }

    /** {@code project/tiles/<name>.png}, with a river when asked. */
    public static Path tile(Path project, String name, boolean river) throws IOException {
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                // a little texture, so that no two tiles share an embedding by accident of equal bytes
                int shade = (x * 7 + y * 13 + name.hashCode()) & 7;
                image.setRGB(x, y, (river && isRiver(y) ? RIVER : FOREST) + shade * 0x010101);
            }
        }
        return write(image, project.resolve("tiles").resolve(name + ".png"));
    }

    /** {@code project/nir/<name>.png}, an 8-bit grey band: the river at 20, the forest at 200. */
    public static Path nearInfrared(Path project, String name) throws IOException {
        BufferedImage band = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                band.getRaster().setSample(x, y, 0, isRiver(y) ? 20 : 200);
            }
        }
        return write(band, project.resolve("nir").resolve(name + ".png"));
    }

    private static boolean isRiver(int y) {
        return y >= RIVER_TOP && y <= RIVER_BOTTOM;
    }

    private static Path write(BufferedImage image, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
