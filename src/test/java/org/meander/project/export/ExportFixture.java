package org.meander.project.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.meander.project.LabelMask;
import org.meander.project.Project;

/**
 * A three-tile project: "a" (4 x 3) labelled with a river written 0/1, the way other tools often write masks; "b"
 * (5 x 2) labelled but empty; "c" (3 x 3) unlabelled.
 */
final class ExportFixture {

    static final LabelMask A_LABEL = CocoRleTest.mask(
            "0110",
            "0011",
            "0001");

    private ExportFixture() {
    }

    static Project create(Path dir) throws IOException {
        tile(dir.resolve("tiles/a.png"), 4, 3);
        tile(dir.resolve("tiles/b.png"), 5, 2);
        tile(dir.resolve("tiles/c.png"), 3, 3);
        gray(dir.resolve("labels/a.png"), A_LABEL, 1);
        gray(dir.resolve("labels/b.png"), new LabelMask(5, 2, new byte[10]), 255);
        return Project.open(dir);
    }

    private static void tile(Path file, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (x * 40 + y * 20) * 0x010101);
            }
        }
        write(image, file);
    }

    private static void gray(Path file, LabelMask mask, int foreground) throws IOException {
        BufferedImage image = new BufferedImage(mask.width(), mask.height(), BufferedImage.TYPE_BYTE_GRAY);
        int[] values = new int[mask.pixels().length];
        for (int i = 0; i < values.length; i++) {
            values[i] = mask.pixels()[i] * foreground;
        }
        image.getRaster().setPixels(0, 0, mask.width(), mask.height(), values);
        write(image, file);
    }

    private static void write(BufferedImage image, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer for " + file);
        }
    }
}
