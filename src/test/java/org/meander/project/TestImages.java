package org.meander.project;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/** Small images and masks written the way other tools would write them. */
final class TestImages {

    private TestImages() {
    }

    /** An RGB tile of the given size; the format follows the file's extension. */
    static Path tile(Path file, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (x * 7 + y * 3) % 256 * 0x010101);
            }
        }
        return write(image, file);
    }

    /** An 8-bit gray PNG holding the given values (row-major). */
    static Path grayPng(Path file, int width, int height, int... values) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setPixels(0, 0, width, height, values);
        return write(image, file);
    }

    static Path write(BufferedImage image, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        String name = file.getFileName().toString();
        if (!ImageIO.write(image, name.substring(name.lastIndexOf('.') + 1), file.toFile())) {
            throw new IOException("no ImageIO writer for " + file);
        }
        return file;
    }

    /** A mask with the given 0/1 values. */
    static LabelMask mask(int width, int height, int... values) {
        byte[] pixels = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            pixels[i] = (byte) values[i];
        }
        return new LabelMask(width, height, pixels);
    }

    /** Every file below the folder, relative and sorted, hidden ones included. */
    static List<String> filesBelow(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).map(f -> folder.relativize(f).toString()).sorted().toList();
        }
    }
}
