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
import java.util.Optional;
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
    private List<Page> pages;
    private List<Page> overviews;

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
        return overviews().stream().map(Page::size).toList();
    }

    @Override
    public Raster readOverview(int index, int step) throws IOException {
        Page overview = overviews().get(index);
        return read(overview.index(), new Rectangle(overview.size()), step, false);
    }

    @Override
    public boolean hasMask() throws IOException {
        return maskOf(image()).isPresent();
    }

    @Override
    public Raster readMask(Rectangle window, int step) throws IOException {
        Page mask = maskOf(image()).orElseThrow(() -> new IllegalArgumentException("no mask: the file holds none"));
        return read(mask.index(), window, step, true);
    }

    @Override
    public boolean overviewHasMask(int index) throws IOException {
        return maskOf(overviews().get(index)).isPresent();
    }

    @Override
    public Raster readOverviewMask(int index, int step) throws IOException {
        Page mask = maskOf(overviews().get(index)).orElseThrow(
                () -> new IllegalArgumentException("no mask of overview " + index));
        return read(mask.index(), new Rectangle(mask.size()), step, true);
    }

    /** An image of the file after the first: its index, its NewSubfileType and its size. */
    private record Page(int index, long kind, Dimension size) {
    }

    /** The image itself, the first: it has no NewSubfileType. */
    private Page image() {
        return new Page(0, 0, size(0));
    }

    /**
     * The images of a TIFF after the first, up to one whose directory cannot be read (what follows it cannot be
     * found); none for other formats.
     */
    private List<Page> pages() throws IOException {
        if (pages == null) {
            List<Page> found = new ArrayList<>();
            if (reader.getFormatName().equalsIgnoreCase("tif")) {
                for (int image = 1; image < MOST_IMAGES; image++) {
                    try {
                        long kind = (long) TiffField.firstValue(reader.getImageMetadata(image),
                                TiffDirectory.NEW_SUBFILE_TYPE).orElse(0);
                        found.add(new Page(image, kind, size(image)));
                    } catch (IOException | RuntimeException e) {
                        break; // past the last image, or a damaged directory
                    }
                }
            }
            pages = found;
        }
        return pages;
    }

    /**
     * The images that are reduced-resolution copies of the first (NewSubfileType 1, not a mask) with its bands, largest
     * first.
     */
    private List<Page> overviews() throws IOException {
        if (overviews == null) {
            int bands = reader.getImageTypes(0).next().getSampleModel().getNumBands();
            List<Page> found = new ArrayList<>();
            for (Page page : pages()) {
                if (TiffDirectory.isOverview(page.kind())
                        && reader.getImageTypes(page.index()).next().getSampleModel().getNumBands() == bands) {
                    found.add(page);
                }
            }
            found.sort(Comparator.comparingLong((Page p) -> (long) p.size().width * p.size().height).reversed());
            overviews = found;
        }
        return overviews;
    }

    /** The mask of an image: the image of its size that NewSubfileType marks a mask of one of its kind. */
    private Optional<Page> maskOf(Page image) throws IOException {
        return pages().stream().filter(p -> TiffDirectory.isMaskOf(p.kind(), image.kind())
                && p.size().equals(image.size())).findFirst();
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
