package org.meander.project.raster;

import java.io.IOException;
import java.util.Optional;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The TIFF files Java's TIFF reader cannot decode, found before a read fails on them, with what to do: a BigTIFF
 * (which it does not recognise at all), and a predictor it cannot undo (horizontal differencing on samples wider
 * than 8 bits, or the floating-point predictor), which GDAL writes when asked ({@code -co PREDICTOR=2|3}). Without
 * these words the reader's own would call such a file damaged, or no image at all.
 */
public final class TiffLimits {

    private static final String TIFF_FORMAT = "javax_imageio_tiff_image_1.0";
    private static final int BITS_PER_SAMPLE = 258;
    private static final int PREDICTOR = 317;
    private static final int HORIZONTAL_DIFFERENCING = 2;
    private static final int FLOATING_POINT = 3;

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

    /** What a BigTIFF's reader is told. */
    public static String bigTiffProblem() {
        return "a BigTIFF, which Java's TIFF reader cannot read; write it as a classic TIFF, for instance with"
                + " gdal_translate -co BIGTIFF=NO -co TILED=YES -co COMPRESS=DEFLATE IN.tif OUT.tif (a classic"
                + " TIFF holds up to 4 GB: cut a larger raster into parts with gdal_translate -srcwin)";
    }

    /**
     * Why the image of this TIFF metadata cannot be decoded, or empty when it can: a predictor the reader does not
     * undo. Metadata in another format (not a TIFF) is always fine.
     */
    public static Optional<String> problem(IIOMetadata metadata) {
        if (metadata == null || !java.util.List.of(metadata.getMetadataFormatNames()).contains(TIFF_FORMAT)) {
            return Optional.empty();
        }
        int predictor = 1;
        int bits = 8;
        Node ifd = metadata.getAsTree(TIFF_FORMAT).getFirstChild();
        for (Node field = ifd == null ? null : ifd.getFirstChild(); field != null; field = field.getNextSibling()) {
            if (field instanceof Element element && "TIFFField".equals(element.getNodeName())) {
                int number = Integer.parseInt(element.getAttribute("number"));
                if (number == PREDICTOR) {
                    predictor = (int) TiffField.fromNode(element).number(0);
                } else if (number == BITS_PER_SAMPLE) {
                    bits = (int) TiffField.fromNode(element).number(0);
                }
            }
        }
        boolean undone = predictor == 1 || predictor == HORIZONTAL_DIFFERENCING && bits <= 8;
        if (undone) {
            return Optional.empty();
        }
        String which = predictor == HORIZONTAL_DIFFERENCING ? "horizontal differencing (predictor 2) on " + bits
                + "-bit samples" : predictor == FLOATING_POINT ? "the floating-point predictor (predictor 3)"
                : "predictor " + predictor;
        return Optional.of("compressed with " + which + ", which Java's TIFF reader cannot undo; write it without,"
                + " for instance with gdal_translate -co COMPRESS=DEFLATE -co PREDICTOR=1 -co TILED=YES IN.tif"
                + " OUT.tif");
    }
}
