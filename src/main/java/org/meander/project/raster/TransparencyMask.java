package org.meander.project.raster;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;

/**
 * Where a tile's picture holds no data, as GDAL's nodata mask says it: one bit a pixel, 0 where the picture's alpha is
 * 0, 1 elsewhere. A tile cut from a raster, or converted from an image, is transparent where its imagery held no data
 * (alpha, GDAL's nodata mask or value, NaN; see {@link RgbComposite}); a picture imported as it is, where it is
 * transparent.
 */
public final class TransparencyMask {

    private TransparencyMask() {
    }

    /**
     * The mask of a tile's picture, when some of its pixels are transparent. A picture without alpha (most tiles) is
     * known so from its header alone; only one with alpha is decoded.
     */
    public static Optional<BufferedImage> of(Path picture) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(picture.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new IOException(picture + ": not an image Meander can read; tiles are PNG, JPEG, TIFF or BMP"
                        + " files");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                ImageTypeSpecifier type = reader.getRawImageType(0);
                if (type != null && !type.getColorModel().hasAlpha()) {
                    return Optional.empty();
                }
                return of(reader.read(0));
            } finally {
                reader.dispose();
            }
        }
    }

    /** The mask of a picture, when some of its pixels are transparent. */
    private static Optional<BufferedImage> of(BufferedImage picture) {
        if (!picture.getColorModel().hasAlpha()) {
            return Optional.empty();
        }
        int width = picture.getWidth();
        Raster alpha = picture.getAlphaRaster(); // null for a palette: its alpha is in its colours
        int[] row = new int[width];
        BufferedImage mask = null;
        for (int y = 0; y < picture.getHeight(); y++) {
            if (alpha != null) {
                alpha.getSamples(alpha.getMinX(), alpha.getMinY() + y, width, 1, 0, row);
            } else {
                picture.getRGB(0, y, width, 1, row, 0, width);
            }
            for (int x = 0; x < width; x++) {
                row[x] = (alpha != null ? row[x] : row[x] >>> 24) != 0 ? 1 : 0;
                if (row[x] == 0 && mask == null) {
                    mask = opaque(width, picture.getHeight());
                }
            }
            if (mask != null) {
                mask.getRaster().setSamples(0, y, width, 1, 0, row);
            }
        }
        return Optional.ofNullable(mask);
    }

    /** A mask of 1 everywhere: the pixels above the first transparent one hold data. */
    private static BufferedImage opaque(int width, int height) {
        BufferedImage mask = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY);
        Arrays.fill(((DataBufferByte) mask.getRaster().getDataBuffer()).getData(), (byte) 0xff);
        return mask;
    }
}
