package org.meander.project.raster;

import java.awt.Dimension;
import java.awt.Rectangle;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * An image's windows with the nodata mask GDAL wrote beside it: {@code <file>.msk}, an 8-bit TIFF of the image's size
 * (0 where the image holds no data, 255 where it does) whose overviews are those of the image's. GDAL writes masks
 * there unless told to keep them inside the TIFF (the default until GDAL 3.9, so many a JPEG-compressed orthomosaic
 * has one). A mask inside the image's own file comes first; the sidecar is opened when the mask is first asked for.
 */
final class SidecarMaskWindows implements WindowReader {

    private final WindowReader image;
    private final Path maskFile;
    private final Dimension size;
    private RasterFile mask;

    private SidecarMaskWindows(WindowReader image, Path maskFile, Dimension size) {
        this.image = image;
        this.maskFile = maskFile;
        this.size = size;
    }

    /** The image's windows, with the sidecar mask beside {@code file} when there is one. */
    static WindowReader of(Path file, WindowReader image, int width, int height) {
        Path maskFile = file.resolveSibling(file.getFileName() + ".msk");
        return Files.isRegularFile(maskFile) ? new SidecarMaskWindows(image, maskFile, new Dimension(width, height))
                : image;
    }

    @Override
    public Raster read(Rectangle window, int step, boolean stored) throws IOException {
        return image.read(window, step, stored);
    }

    @Override
    public List<Dimension> overviewSizes() throws IOException {
        return image.overviewSizes();
    }

    @Override
    public Raster readOverview(int index, int step) throws IOException {
        return image.readOverview(index, step);
    }

    @Override
    public boolean hasMask() throws IOException {
        if (image.hasMask()) {
            return true;
        }
        sidecar(); // a sidecar that is not this image's mask is said now, not taken for none
        return true;
    }

    @Override
    public Raster readMask(Rectangle window, int step) throws IOException {
        if (image.hasMask()) {
            return image.readMask(window, step);
        }
        return firstBand(sidecar().windows().read(window, step, true));
    }

    @Override
    public boolean overviewHasMask(int index) throws IOException {
        if (image.hasMask()) {
            return image.overviewHasMask(index);
        }
        return sidecarOverview(index) >= 0;
    }

    @Override
    public Raster readOverviewMask(int index, int step) throws IOException {
        if (image.hasMask()) {
            return image.readOverviewMask(index, step);
        }
        int overview = sidecarOverview(index);
        if (overview < 0) {
            throw new IllegalArgumentException("no mask of overview " + index + " in " + maskFile);
        }
        return firstBand(sidecar().windows().readOverview(overview, step));
    }

    @Override
    public String maskSource() {
        return maskFile.toString();
    }

    /** The sidecar's overview of the size of the image's overview {@code index}; -1 when it has none. */
    private int sidecarOverview(int index) throws IOException {
        Dimension wanted = image.overviewSizes().get(index);
        return sidecar().windows().overviewSizes().indexOf(wanted);
    }

    private RasterFile sidecar() throws IOException {
        if (mask == null) {
            RasterFile opened = RasterFile.open(maskFile);
            if (opened.width() != size.width || opened.height() != size.height) {
                opened.close();
                throw new IOException(maskFile + " is " + opened.width() + " x " + opened.height() + " pixels, not"
                        + " the image's " + size.width + " x " + size.height + ": it is not this image's mask");
            }
            mask = opened;
        }
        return mask;
    }

    /** The mask's samples: its first band (GDAL writes one). */
    private static Raster firstBand(Raster samples) {
        return samples.getNumBands() == 1 ? samples
                : samples.createChild(samples.getMinX(), samples.getMinY(), samples.getWidth(), samples.getHeight(),
                        samples.getMinX(), samples.getMinY(), new int[] {0});
    }

    @Override
    public void close() throws IOException {
        try {
            image.close();
        } finally {
            if (mask != null) {
                mask.close();
            }
        }
    }
}
