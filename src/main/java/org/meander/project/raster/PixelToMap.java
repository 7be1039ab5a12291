package org.meander.project.raster;

/**
 * The affine map from a raster's pixel grid (pixel (i, j) spans i to i + 1 and j to j + 1, y down) to its map
 * coordinates, as GDAL's geotransform gives it: x = x0 + i * xPerColumn + j * xPerRow, and y likewise.
 */
public record PixelToMap(double x0, double xPerColumn, double xPerRow, double y0, double yPerColumn,
                         double yPerRow) {

    public double x(double column, double row) {
        return x0 + column * xPerColumn + row * xPerRow;
    }

    public double y(double column, double row) {
        return y0 + column * yPerColumn + row * yPerRow;
    }

    /**
     * Whether the map turns the grid over, as a north-up raster does (its rows run south while y runs north): a ring
     * then runs the other way round on the map.
     */
    public boolean mirrors() {
        return xPerColumn * yPerRow - xPerRow * yPerColumn < 0;
    }

    /** The map area of one pixel, in the square of the map's unit. */
    public double pixelArea() {
        return Math.abs(xPerColumn * yPerRow - xPerRow * yPerColumn);
    }
}
