package org.meander.project.raster;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Small pictures of an image file as its tiles would show it with a choice of bands, so that the choice is seen
 * before anything is cut: read from the file's overviews when it has them (else every few pixels), 16-bit and
 * floating-point bands stretched between their 2nd and 98th percentiles as a cut stretches them, 8-bit ones as they
 * are; where the file holds no data (alpha, GDAL's mask or nodata value), transparent. The file is read once, at the
 * first picture, and each choice of bands after it is drawn from what was read: a JPEG 2000 file is decoded whole to
 * be read, seconds for a satellite scene's band.
 */
public final class BandPreview {

    /** About as many pixels as the picture holds: a few hundred on a side, quick to read from an overview. */
    static final long PIXELS = 250_000;

    private final Path file;
    private int bandCount;
    private boolean stretched;
    /** The file at about {@link #PIXELS} pixels, read at the first picture. */
    private Overview overview;

    public BandPreview(Path file) {
        this.file = file;
    }

    /**
     * @throws IOException              when the file cannot be read, naming it
     * @throws IllegalArgumentException when a chosen band is not in the file
     */
    public synchronized BufferedImage picture(BandChoice bands) throws IOException {
        if (overview == null) {
            try (RasterFile raster = RasterFile.open(file)) {
                bands.rgbIndices(raster.bandCount()); // a band not in the file is said before anything is read
                overview = raster.readOverview(PIXELS);
                bandCount = raster.bandCount();
                stretched = raster.needsStretch();
            }
        }
        int[] rgb = bands.rgbIndices(bandCount);
        BandStretch stretch = stretched
                ? BandStretch.measure(overview.pixels(), rgb, overview.noData()) : BandStretch.identity();
        return withoutNoData(RgbComposite.of(overview.pixels(), rgb, stretch), overview, rgb);
    }

    /** The picture, transparent where the file holds no data (outside the flight), as GIS viewers show it. */
    private static BufferedImage withoutNoData(BufferedImage picture, Overview overview, int[] rgb) {
        int width = picture.getWidth();
        BufferedImage shown = new BufferedImage(width, picture.getHeight(), BufferedImage.TYPE_INT_ARGB);
        boolean[] empty = new boolean[width];
        for (int y = 0; y < picture.getHeight(); y++) {
            overview.noData().emptyPicture(overview.pixels(), rgb, y, empty);
            for (int x = 0; x < width; x++) {
                shown.setRGB(x, y, empty[x] ? 0 : picture.getRGB(x, y));
            }
        }
        return shown;
    }
}
