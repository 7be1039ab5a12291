package org.meander.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import java.io.ByteArrayOutputStream;
import org.meander.weights.AtomicFile;

/** Writes a binary mask as an 8-bit grayscale PNG, 0 or 255, atomically. */
final class MaskPng {

    private MaskPng() {
    }

    /** mask: 0/1 bytes row-major, width x height. */
    static void write(Path file, byte[] mask, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] pixels = new byte[mask.length];
        for (int i = 0; i < mask.length; i++) {
            pixels[i] = mask[i] != 0 ? (byte) 255 : 0;
        }
        image.getRaster().setDataElements(0, 0, width, height, pixels);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", png)) {
            throw new IOException(file + ": no PNG writer available");
        }
        AtomicFile.replace(file, channel -> channel.write(ByteBuffer.wrap(png.toByteArray())));
    }
}
