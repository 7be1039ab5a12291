package org.meander.project.raster;

import java.awt.Dimension;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.meander.project.raster.tiff.TiffDirectory;

/**
 * Windows decoded by an ImageIO reader: its TIFF reader decodes only the strips or tiles under a window (PNG is
 * decoded from its start for each). A decoder warning counts as damage, as in an import.
 */
final class ImageIoWindows implements WindowReader {

    /** Images looked at for overviews: GDAL writes a handful. */
    private static final int MOST_IMAGES = 64;

    private final ImageInputStream input;
    private final ImageReader reader;
    private final List<String> warnings = new ArrayList<>();
    private List<Integer> overviews;

    ImageIoWindows(ImageInputStream input, ImageReader reader) {
        this.input = input;
        this.reader = reader;
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
    }

    @Override
    public Raster read(Rectangle window, int step, boolean stored) throws IOException {
        return read(0, window, step, stored);
    }

    @Override
    public List<Dimension> overviewSizes() throws IOException {
        return overviews().stream().map(i -> size(i)).toList();
    }

    @Override
    public Raster readOverview(int index, int step) throws IOException {
        int image = overviews().get(index);
        return read(image, new Rectangle(size(image)), step, false);
    }

    /**
     * The images of a TIFF after the first that are reduced-resolution copies of it (NewSubfileType 1, not a mask)
     * with its bands, largest first; none for other formats.
     */
    private List<Integer> overviews() throws IOException {
        if (overviews == null) {
            List<Integer> found = new ArrayList<>();
            if (reader.getFormatName().equalsIgnoreCase("tif")) {
                int bands = reader.getImageTypes(0).next().getSampleModel().getNumBands();
                for (int image = 1; image < Math.min(reader.getNumImages(true), MOST_IMAGES); image++) {
                    long kind = (long) TiffField.firstValue(reader.getImageMetadata(image),
                            TiffDirectory.NEW_SUBFILE_TYPE).orElse(0);
                    if (TiffDirectory.isOverview(kind)
                            && reader.getImageTypes(image).next().getSampleModel().getNumBands() == bands) {
                        found.add(image);
                    }
                }
                found.sort(Comparator.comparingLong((Integer i) -> (long) size(i).width * size(i).height)
                        .reversed());
            }
            overviews = found;
        }
        return overviews;
    }

    private Dimension size(int image) {
        try {
            return new Dimension(reader.getWidth(image), reader.getHeight(image));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Raster read(int imageIndex, Rectangle window, int step, boolean stored) throws IOException {
        ImageReadParam param = reader.getDefaultReadParam();
        param.setSourceRegion(window);
        param.setSourceSubsampling(step, step, 0, 0);
        warnings.clear();
        BufferedImage image;
        try {
            image = reader.read(imageIndex, param);
        } catch (IOException | RuntimeException e) {
            // a cut-off file shows as an IIOException, an EOFException or an IndexOutOfBoundsException
            throw new IOException(RasterFile.describe(e), e);
        }
        if (!warnings.isEmpty()) {
            throw new IOException(warnings.get(0));
        }
        return !stored && image.getColorModel() instanceof IndexColorModel palette
                ? palette.convertToIntDiscrete(image.getRaster(), false).getRaster() : image.getRaster();
    }

    @Override
    public void close() throws IOException {
        reader.dispose();
        input.close();
    }
}
