package org.meander.project;

import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Label files on disk: read leniently (whatever other tools wrote), written as 8-bit grayscale PNG, 0 or 255. */
public final class LabelPng {

    private LabelPng() {
    }

    /**
     * A pixel is foreground when its first stored sample is above zero: that covers 0/1 and 0/255 masks, gray and
     * RGB(A) images (the red channel), and palette labels, where the sample is the class index, not the colour.
     */
    public static LabelMask read(Path file) throws IOException {
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            if (!Files.exists(file)) {
                throw e;
            }
            // a file cut short (a full disk, a copy that stopped) or damaged since; ImageIO's message names no file
            throw new IOException(file + ": the label is damaged and cannot be read (" + e.getMessage() + ");"
                    + " every earlier version of it is kept in labels/.history/ (History… in the window restores"
                    + " one), or delete the file to label the tile afresh", e);
        }
        if (image == null) {
            throw new IOException(file + ": not a readable image; a label is a PNG the size of its tile, 0 for"
                    + " background and anything above 0 for foreground");
        }
        return ImportedMask.convert(image, null);
    }

    public static void write(Path file, LabelMask mask) throws IOException {
        byte[] png = encode(mask);
        AtomicBytes.write(file, png);
    }

    static byte[] encode(LabelMask mask) throws IOException {
        BufferedImage image = new BufferedImage(mask.width(), mask.height(), BufferedImage.TYPE_BYTE_GRAY);
        byte[] gray = new byte[mask.pixels().length];
        for (int i = 0; i < gray.length; i++) {
            gray[i] = mask.pixels()[i] != 0 ? (byte) 255 : 0;
        }
        image.getRaster().setDataElements(0, 0, mask.width(), mask.height(), gray);
        return png(image);
    }

    static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("this Java runtime has no PNG writer (javax.imageio); Meander needs a full JDK");
        }
        return out.toByteArray();
    }

    /** The size of any image ImageIO reads, from its header alone: tiles can be large and the pixels are not needed. */
    static Dimension imageSize(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new IOException(file + ": not an image Meander can read; tiles are PNG, JPEG, TIFF or BMP files");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return new Dimension(reader.getWidth(0), reader.getHeight(0));
            } finally {
                reader.dispose();
            }
        }
    }
}
