package org.meander.project.raster;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A small picture of an image file as its tiles would show it with a choice of bands, so that the choice is seen
 * before anything is cut: read from the file's overviews when it has them (else every few pixels), 16-bit and
 * floating-point bands stretched between their 2nd and 98th percentiles as a cut stretches them, 8-bit ones as they
 * are; where the file holds no data (alpha, GDAL's mask or nodata value), transparent.
 */
public final class BandPreview {

    /** About as many pixels as the picture holds: a few hundred on a side, quick to read from an overview. */
    static final long PIXELS = 250_000;

    private BandPreview() {
    }

    /**
     * @throws IOException              when the file cannot be read, naming it
     * @throws IllegalArgumentException when a chosen band is not in the file
     */
    public static BufferedImage of(Path file, BandChoice bands) throws IOException {
        try (RasterFile raster = RasterFile.open(file)) {
            int[] rgb = bands.rgbIndices(raster.bandCount());
            Overview overview = raster.readOverview(PIXELS);
            BandStretch stretch = raster.needsStretch()
                    ? BandStretch.measure(overview.pixels(), rgb, overview.noData()) : BandStretch.identity();
            return withoutNoData(RgbComposite.of(overview.pixels(), rgb, stretch), overview, rgb);
        }
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
