package org.meander.project.raster;

import java.awt.image.Raster;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Where some pixels hold nothing: their alpha band at 0 (an RGBA orthomosaic outside the flight, as OpenDroneMap and
 * Metashape write them), the file's nodata mask at 0 (GDAL's internal mask, which JPEG-compressed orthomosaics and
 * many cloud-optimised GeoTIFFs carry instead of alpha), or the bands of their picture all at GDAL's nodata value or
 * NaN. The alpha band and the nodata value hold for a whole file; a mask is of particular pixels, those read with it
 * ({@link RasterFile#noData}, {@link Overview}).
 *
 * @param alphaBand the pixels' 0-based alpha band, if they have one
 * @param value     GDAL's nodata value, if there is one
 * @param mask      the pixels' mask, if the file has one: 0 where they hold no data, its pixel (x, y) from its top left
 *                  that of the pixels from theirs
 */
public record NoData(OptionalInt alphaBand, OptionalDouble value, Optional<Raster> mask) {

    /** Nothing marks a pixel as holding no data (NaN still does). */
    public static final NoData NONE = new NoData(OptionalInt.empty(), OptionalDouble.empty(), Optional.empty());

    /** GDAL's nodata value alone, if there is one: imagery without an alpha band or a mask. */
    public static NoData of(OptionalDouble value) {
        return new NoData(OptionalInt.empty(), value, Optional.empty());
    }

    /** What marks the part of the pixels {@code width} x {@code height} from (x, y) (from their top left). */
    public NoData within(int x, int y, int width, int height) {
        return new NoData(alphaBand, value, mask.map(m -> m.createChild(m.getMinX() + x, m.getMinY() + y, width,
                height, 0, 0, null)));
    }

    /**
     * Whether anything can say a pixel of {@code pixels} holds nothing: an alpha band, a mask, a nodata value, or
     * floating-point samples (NaN). Most imagery has none of them, and need not be read for it.
     */
    public boolean canMark(Raster pixels) {
        return marksPixels() || value.isPresent() || BandStretch.isFloatingPoint(pixels);
    }

    /** Whether the pixels' alpha band or a mask can say a pixel holds nothing, whatever its samples. */
    boolean marksPixels() {
        return alphaBand.isPresent() || mask.isPresent();
    }

    /**
     * Sets {@code empty[x]} for each pixel of row {@code y} (from the top) of {@code pixels} that holds nothing
     * whatever its samples say: its alpha or its mask is 0.
     */
    void emptyPixels(Raster pixels, int y, boolean[] empty) {
        int width = pixels.getWidth();
        Arrays.fill(empty, 0, width, false);
        if (!marksPixels()) {
            return; // most imagery: nothing to read
        }
        double[] row = new double[width];
        if (alphaBand.isPresent()) {
            pixels.getSamples(pixels.getMinX(), pixels.getMinY() + y, width, 1, alphaBand.getAsInt(), row);
            for (int x = 0; x < width; x++) {
                empty[x] = row[x] == 0;
            }
        }
        if (mask.isPresent()) {
            Raster m = mask.get();
            m.getSamples(m.getMinX(), m.getMinY() + y, width, 1, 0, row);
            for (int x = 0; x < width; x++) {
                empty[x] |= row[x] == 0;
            }
        }
    }

    /** Whether a sample says by itself that there is no data: NaN, or GDAL's nodata value. */
    private boolean marks(double sample) {
        return Double.isNaN(sample) || value.isPresent() && sample == value.getAsDouble();
    }

    /** Whether no pixel of {@code pixels} holds data, its picture made of {@code bands} (0-based). */
    public boolean covers(Raster pixels, int[] bands) {
        boolean[] empty = new boolean[pixels.getWidth()];
        double[][] rows = new double[bands.length][pixels.getWidth()];
        for (int y = 0; y < pixels.getHeight(); y++) {
            emptyPicture(pixels, bands, y, empty, rows);
            for (boolean none : empty) {
                if (!none) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Sets {@code empty[x]} for each pixel of row {@code y} (from the top) of {@code pixels} that holds no data in
     * its picture made of {@code bands} (0-based): its alpha or mask is 0, or every band is at the nodata value or
     * NaN.
     */
    public void emptyPicture(Raster pixels, int[] bands, int y, boolean[] empty) {
        emptyPicture(pixels, bands, y, empty, new double[bands.length][pixels.getWidth()]);
    }

    /** As {@link #emptyPicture(Raster, int[], int, boolean[])}, reading the bands' samples into {@code rows}. */
    private void emptyPicture(Raster pixels, int[] bands, int y, boolean[] empty, double[][] rows) {
        int width = pixels.getWidth();
        emptyPixels(pixels, y, empty);
        for (int b = 0; b < bands.length; b++) {
            pixels.getSamples(pixels.getMinX(), pixels.getMinY() + y, width, 1, bands[b], rows[b]);
        }
        for (int x = 0; x < width; x++) {
            empty[x] |= !holdsData(rows, x);
        }
    }

    private boolean holdsData(double[][] rows, int x) {
        for (double[] band : rows) {
            if (!marks(band[x])) {
                return true;
            }
        }
        return false;
    }
}
