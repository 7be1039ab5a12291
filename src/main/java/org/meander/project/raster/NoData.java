package org.meander.project.raster;

import java.awt.image.Raster;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Where a raster holds nothing: its alpha band at 0 (an RGBA orthomosaic outside the flight, as OpenDroneMap and
 * Metashape write them), or the bands of its picture all at GDAL's nodata value or NaN.
 *
 * @param alphaBand the raster's 0-based alpha band, if it has one
 * @param value     GDAL's nodata value, if it has one
 */
public record NoData(OptionalInt alphaBand, OptionalDouble value) {

    /** Nothing marks a pixel as holding no data (NaN still does). */
    public static final NoData NONE = new NoData(OptionalInt.empty(), OptionalDouble.empty());

    public static NoData of(RasterFile raster) {
        return new NoData(raster.alphaBand(), raster.noData());
    }

    /** GDAL's nodata value alone, if there is one: imagery without an alpha band. */
    public static NoData of(OptionalDouble value) {
        return new NoData(OptionalInt.empty(), value);
    }

    /** Whether a sample says by itself that there is no data: NaN, or GDAL's nodata value. */
    private boolean marks(double sample) {
        return Double.isNaN(sample) || value.isPresent() && sample == value.getAsDouble();
    }

    /** Whether no pixel of {@code pixels} holds data, its picture made of {@code bands} (0-based). */
    public boolean covers(Raster pixels, int[] bands) {
        int width = pixels.getWidth();
        double[][] rows = new double[bands.length][width];
        double[] alpha = new double[width];
        for (int y = 0; y < pixels.getHeight(); y++) {
            int row = pixels.getMinY() + y;
            if (alphaBand.isPresent()) {
                pixels.getSamples(pixels.getMinX(), row, width, 1, alphaBand.getAsInt(), alpha);
            }
            for (int b = 0; b < bands.length; b++) {
                pixels.getSamples(pixels.getMinX(), row, width, 1, bands[b], rows[b]);
            }
            for (int x = 0; x < width; x++) {
                if (holdsData(rows, alpha, x)) {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean holdsData(double[][] rows, double[] alpha, int x) {
        if (alphaBand.isPresent() && alpha[x] == 0) {
            return false;
        }
        for (double[] band : rows) {
            if (!marks(band[x])) {
                return true;
            }
        }
        return false;
    }
}
