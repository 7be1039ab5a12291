package org.meander.project.raster;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A near-infrared band kept in a raster of its own beside the imagery, as multispectral software writes its maps band
 * by band (Pix4D's reflectance maps, a satellite scene's band files), laid on the imagery's pixels: pixel for pixel
 * when the two share a grid, or through their map coordinates when both are georeferenced in one CRS with other pixel
 * sizes or extents (a multispectral camera's coarser map beside a colour camera's), read between its pixels
 * bilinearly. Its first band is the near-infrared; a second one is taken for alpha. Where it does not reach, where
 * its alpha or GDAL's nodata mask is 0 and where it holds GDAL's nodata value, the tiles' band has no value (alpha
 * 0).
 */
public final class NearInfraredRaster implements AutoCloseable {

    /** How the band was laid on the imagery. */
    public enum Fit {
        /** Same size and, when georeferenced, the same grid: pixel for pixel. */
        GRID,
        /** Another grid in the same CRS: resampled through map coordinates. */
        MAP
    }

    private final RasterFile band;
    private final Fit fit;
    /** Imagery pixel to band pixel, centres at whole numbers; the identity for {@link Fit#GRID}. */
    private final FrameWarp warp;
    private final NearInfraredScale scale;
    /** Whether some of the band's pixels may have no value: it has alpha, a nodata value or mask, or may hold NaN. */
    private final boolean gaps;

    private NearInfraredRaster(RasterFile band, Fit fit, FrameWarp warp, NearInfraredScale scale) throws IOException {
        this.band = band;
        this.fit = fit;
        this.warp = warp;
        this.scale = scale;
        this.gaps = band.bandCount() == 2 || band.noDataValue().isPresent() || band.hasMask()
                || !band.integerSamples();
    }

    /** As {@link #lay(Path, RasterFile, WholeDecoding)}, telling no one of a decode. */
    public static NearInfraredRaster lay(Path file, RasterFile imagery) throws IOException {
        return lay(file, imagery, WholeDecoding.NONE);
    }

    /**
     * Opens {@code file} and lays it on {@code imagery}; a file decoded whole at its first read (JPEG 2000) tells
     * {@code decoding} when it is.
     *
     * @throws IOException when it cannot be read, holds colours, or cannot be placed on the imagery's pixels
     *                     (another size without georeferencing for both, another CRS, elsewhere on the map), naming
     *                     both files and the gdalwarp options that make it fit
     */
    public static NearInfraredRaster lay(Path file, RasterFile imagery, WholeDecoding decoding) throws IOException {
        RasterFile band = RasterFile.open(file, decoding);
        try {
            requireGrey(band);
            Overview overview = band.integerSamples() ? null : band.readOverview();
            NearInfraredScale scale = overview == null ? NearInfraredScale.UNCHANGED
                    : NearInfraredScale.of(overview.pixels(), 0, overview.noData());
            return new NearInfraredRaster(band, fitOf(band, imagery), warpOnto(band, imagery), scale);
        } catch (IOException | RuntimeException e) {
            band.close();
            throw e;
        }
    }

    public Fit fit() {
        return fit;
    }

    public Path file() {
        return band.file();
    }

    /** How the band's floating-point values become 16-bit levels; {@link NearInfraredScale#UNCHANGED} for integers. */
    public NearInfraredScale scale() {
        return scale;
    }

    /**
     * Bytes {@link #over} holds for each pixel of the imagery, at most: the band's samples read under it (for a band
     * finer than the imagery, several of its pixels; resampled, copied into arrays of ints) and the result.
     */
    public double bytesPerPixel() {
        int stored = Math.max(1, band.bitsPerSample() / 8);
        int level = band.bitsPerSample() > 8 ? 2 : 1;
        int channels = gaps ? 2 : 1;
        double read = fit == Fit.MAP
                ? Math.max(1, warp.scale() * warp.scale()) * (stored * band.bandCount() + level * channels
                        + Integer.BYTES * channels)
                : stored * band.bandCount();
        return read + level * (fit == Fit.MAP || gaps ? 2 : 1);
    }

    /**
     * The band over a window of the imagery, the window's size: grey at the band's own depth (16 bits for
     * floating-point samples, scaled by {@link NearInfraredScale}), values unchanged when laid pixel for pixel; with
     * an alpha channel, 0 where the band has no value, when it was resampled or can have gaps (alpha, nodata, a
     * nodata mask, NaN).
     */
    public BufferedImage over(Rectangle window) throws IOException {
        if (fit == Fit.GRID) {
            return grey(band.read(window), band.noData(window));
        }
        FrameWarp local = warp.after(FrameWarp.translation(window.x, window.y));
        Rectangle footprint = footprint(local, window.width, window.height)
                .intersection(new Rectangle(0, 0, band.width(), band.height()));
        if (footprint.isEmpty()) {
            return NearInfrared.noValue(window.width, window.height, band.bitsPerSample() > 8);
        }
        BufferedImage source = grey(band.read(footprint), band.noData(footprint));
        return NearInfrared.warped(source, FrameWarp.translation(-footprint.x, -footprint.y).after(local),
                window.width, window.height);
    }

    /** The band's samples as grey levels, with alpha where it can have gaps; its second band, if any, is alpha. */
    private BufferedImage grey(Raster samples, NoData noData) {
        return gaps ? NearInfrared.bandWithAlpha(samples, 0, new NoData(band.bandCount() == 2 ? OptionalInt.of(1)
                : OptionalInt.empty(), noData.value(), noData.mask()), scale) : NearInfrared.band(samples, 0, scale);
    }

    /** The band pixels a bilinear read of the window's pixels touches. */
    private static Rectangle footprint(FrameWarp warp, int width, int height) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int[] corner : new int[][] {{0, 0}, {width - 1, 0}, {0, height - 1}, {width - 1, height - 1}}) {
            double x = warp.frameX(corner[0], corner[1]);
            double y = warp.frameY(corner[0], corner[1]);
            minX = Math.min(minX, x);
            minY = Math.min(minY, y);
            maxX = Math.max(maxX, x);
            maxY = Math.max(maxY, y);
        }
        int x0 = (int) Math.floor(minX) - 1;
        int y0 = (int) Math.floor(minY) - 1;
        return new Rectangle(x0, y0, (int) Math.ceil(maxX) + 2 - x0, (int) Math.ceil(maxY) + 2 - y0);
    }

    private static void requireGrey(RasterFile band) throws IOException {
        if (band.isPalette() || band.bandCount() > 2) {
            throw new IOException(band.file() + " has " + (band.isPalette() ? "a colour palette" : band.bandCount()
                    + " bands") + "; a near-infrared raster holds the band alone (its first band is taken, a second"
                    + " may be alpha). Extract it with gdal_translate -b K, or give the imagery's own band with"
                    + " --nir-band");
        }
    }

    private static Fit fitOf(RasterFile band, RasterFile imagery) throws IOException {
        Optional<PixelToMap> bandMap = band.georeferencing().flatMap(Georeferencing::pixelToMap);
        Optional<PixelToMap> imageryMap = imagery.georeferencing().flatMap(Georeferencing::pixelToMap);
        boolean sameSize = band.width() == imagery.width() && band.height() == imagery.height();
        if (bandMap.isEmpty() || imageryMap.isEmpty()) {
            if (sameSize) {
                return Fit.GRID;
            }
            throw new IOException(band.file() + " is " + band.width() + " x " + band.height() + " but "
                    + imagery.file() + " is " + imagery.width() + " x " + imagery.height() + ", and without"
                    + " georeferencing for both there is no telling where its pixels lie: give a near-infrared raster"
                    + " of the imagery's size (gdalwarp -te and -ts make one), or both as GeoTIFFs");
        }
        OptionalInt bandCrs = band.georeferencing().get().epsg();
        OptionalInt imageryCrs = imagery.georeferencing().get().epsg();
        if (!bandCrs.equals(imageryCrs)) {
            throw new IOException(band.file() + " is in " + crsName(bandCrs) + " but " + imagery.file() + " in "
                    + crsName(imageryCrs) + "; reproject the near-infrared raster onto the imagery's grid first"
                    + " (gdalwarp -t_srs with the imagery's CRS, -te and -tr with its extent and pixel size)");
        }
        if (sameSize && bandMap.get().sameGridAs(imageryMap.get())) {
            return Fit.GRID;
        }
        return Fit.MAP;
    }

    private static String crsName(OptionalInt epsg) {
        return epsg.isPresent() ? "EPSG:" + epsg.getAsInt() : "a CRS without an EPSG code";
    }

    /** Through map coordinates; also refuses a band that lies nowhere on the imagery. */
    private static FrameWarp warpOnto(RasterFile band, RasterFile imagery) throws IOException {
        Optional<PixelToMap> bandMap = band.georeferencing().flatMap(Georeferencing::pixelToMap);
        Optional<PixelToMap> imageryMap = imagery.georeferencing().flatMap(Georeferencing::pixelToMap);
        if (bandMap.isEmpty() || imageryMap.isEmpty()) {
            return FrameWarp.IDENTITY;
        }
        // pixel centres at whole numbers on both sides: the map takes pixel edges
        double[] origin = bandPixel(bandMap.get(), imageryMap.get(), 0, 0);
        double[] across = bandPixel(bandMap.get(), imageryMap.get(), 1, 0);
        double[] down = bandPixel(bandMap.get(), imageryMap.get(), 0, 1);
        FrameWarp warp = new FrameWarp(across[0] - origin[0], down[0] - origin[0], origin[0],
                across[1] - origin[1], down[1] - origin[1], origin[1]);
        Rectangle reach = footprint(warp, imagery.width(), imagery.height());
        if (!reach.intersects(new Rectangle(0, 0, band.width(), band.height()))) {
            throw new IOException(band.file() + " lies elsewhere on the map than " + imagery.file() + ": not one of"
                    + " its pixels falls on the imagery. Check that the two are of the same place");
        }
        return warp;
    }

    private static double[] bandPixel(PixelToMap bandMap, PixelToMap imageryMap, int column, int row) {
        double x = imageryMap.x(column + 0.5, row + 0.5);
        double y = imageryMap.y(column + 0.5, row + 0.5);
        return new double[] {bandMap.column(x, y) - 0.5, bandMap.row(x, y) - 0.5};
    }

    @Override
    public void close() throws IOException {
        band.close();
    }
}
