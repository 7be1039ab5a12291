package org.meander.project;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.meander.project.raster.TiffLimits;
import org.meander.project.raster.tiff.TiffBytes;
import org.meander.project.raster.tiff.TiffRasterReader;

/**
 * Decodes a whole image and fails on anything short of a clean read. ImageIO's JPEG reader returns a truncated file
 * as a picture whose missing part is gray, with only a warning; an import would keep that as a tile, so a warning
 * counts as a failure here. A TIFF ImageIO's reader cannot decode (a BigTIFF, 16-bit horizontal differencing, ZSTD)
 * and every floating-point TIFF is decoded by Meander's own {@link TiffRasterReader}.
 */
public final class StrictImage {

    private StrictImage() {
    }

    /** The decoded image; the message of the exception says what is wrong, without naming the file. */
    public static BufferedImage decode(byte[] content) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                if (TiffLimits.isBigTiff(content)) {
                    return ownTiff(content);
                }
                throw new IOException("not a PNG, JPEG, TIFF or BMP image");
            }
            ImageReader reader = readers.next();
            List<String> warnings = new ArrayList<>();
            boolean own;
            BufferedImage image = null;
            try {
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                reader.setInput(in, true, false);
                own = TiffLimits.needsOwnReader(reader.getImageMetadata(0));
                if (!own) {
                    image = reader.read(0);
                }
            } catch (IOException | RuntimeException e) {
                // ImageIO reports a cut-off file as an IIOException, an EOFException or, for some formats, an
                // IndexOutOfBoundsException: all mean the same to the user
                throw new IOException("damaged or truncated " + reader.getFormatName() + " ("
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")", e);
            } finally {
                reader.dispose();
            }
            if (own) {
                return ownTiff(content);
            }
            if (!warnings.isEmpty()) {
                throw new IOException("damaged or truncated image (" + warnings.get(0) + ")");
            }
            return image;
        }
    }

    /** A TIFF that Java's reader cannot decode, decoded by Meander's own; what that cannot decode, it says. */
    private static BufferedImage ownTiff(byte[] content) throws IOException {
        TiffRasterReader reader = TiffRasterReader.open(TiffBytes.of(content));
        try {
            return reader.image();
        } catch (IOException e) {
            throw new IOException("damaged or truncated TIFF (" + e.getMessage() + ")", e);
        }
    }
}
