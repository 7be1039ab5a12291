package org.meander.project.raster;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The TIFF files Meander reads with its own reader rather than Java's, found before a read fails on them: a BigTIFF,
 * which Java's does not recognise at all; a predictor it cannot undo (horizontal differencing on samples wider than
 * 8 bits, or the floating-point predictor), which GDAL writes when asked ({@code -co BIGTIFF=YES},
 * {@code -co PREDICTOR=2|3}); and any floating-point TIFF, predictor or not, so that float rasters are read one way
 * (Java's reader, in JDK 17, also truncates float samples to integers when it reads every n-th pixel). Meander's
 * reader says what it cannot decode in turn.
 */
public final class TiffLimits {

    private static final int BITS_PER_SAMPLE = 258;
    private static final int COMPRESSION = 259;
    private static final int PREDICTOR = 317;
    private static final int SAMPLE_FORMAT = 339;
    private static final int IEEE_FLOAT = 3;
    private static final int HORIZONTAL_DIFFERENCING = 2;
    /** None, the CCITT codes, LZW, old and new JPEG, Deflate (both numbers) and PackBits. */
    private static final Set<Integer> JAVA_COMPRESSIONS = Set.of(1, 2, 3, 4, 5, 6, 7, 8, 32773, 32946);

    private TiffLimits() {
    }

    /** Whether the stream starts as a BigTIFF does (II+ or MM+); the stream is left where it was. */
    public static boolean isBigTiff(ImageInputStream in) throws IOException {
        in.mark();
        try {
            byte[] header = new byte[4];
            return in.read(header) == 4 && isBigTiff(header);
        } finally {
            in.reset();
        }
    }

    /** Whether the bytes start as a BigTIFF does: the byte order, then 43 where a classic TIFF has 42. */
    public static boolean isBigTiff(byte[] header) {
        return header.length >= 4
                && (header[0] == 'I' && header[1] == 'I' && header[2] == 43 && header[3] == 0
                || header[0] == 'M' && header[1] == 'M' && header[2] == 0 && header[3] == 43);
    }

    /**
     * Whether the image of this metadata has floating-point samples, a predictor Java's TIFF reader does not undo (it
     * undoes horizontal differencing on 8-bit samples only), or a compression it does not know (ZSTD, which Meander's
     * own reader decodes; LERC, WebP, which it names). Metadata in another format (not a TIFF) never has.
     */
    public static boolean needsOwnReader(IIOMetadata metadata) {
        if (metadata == null || !List.of(metadata.getMetadataFormatNames()).contains(TiffField.TIFF_FORMAT)) {
            return false;
        }
        int predictor = 1;
        int bits = 8;
        int compression = 1;
        int sampleFormat = 1;
        Node ifd = metadata.getAsTree(TiffField.TIFF_FORMAT).getFirstChild();
        for (Node field = ifd == null ? null : ifd.getFirstChild(); field != null; field = field.getNextSibling()) {
            if (field instanceof Element element && "TIFFField".equals(element.getNodeName())) {
                int number = Integer.parseInt(element.getAttribute("number"));
                if (number == PREDICTOR) {
                    predictor = (int) TiffField.fromNode(element).number(0);
                } else if (number == BITS_PER_SAMPLE) {
                    bits = (int) TiffField.fromNode(element).number(0);
                } else if (number == COMPRESSION) {
                    compression = (int) TiffField.fromNode(element).number(0);
                } else if (number == SAMPLE_FORMAT) {
                    sampleFormat = (int) TiffField.fromNode(element).number(0);
                }
            }
        }
        return predictor != 1 && !(predictor == HORIZONTAL_DIFFERENCING && bits <= 8)
                || !JAVA_COMPRESSIONS.contains(compression) || sampleFormat == IEEE_FLOAT;
    }
}
