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

    /** The grid column of map point (x, y): the inverse of {@link #x} and {@link #y}. */
    public double column(double x, double y) {
        return (yPerRow * (x - x0) - xPerRow * (y - y0)) / determinant();
    }

    /** The grid row of map point (x, y). */
    public double row(double x, double y) {
        return (xPerColumn * (y - y0) - yPerColumn * (x - x0)) / determinant();
    }

    /**
     * Whether the map turns the grid over, as a north-up raster does (its rows run south while y runs north): a ring
     * then runs the other way round on the map.
     */
    public boolean mirrors() {
        return determinant() < 0;
    }

    /**
     * Whether {@code other} puts the same pixels at the same places: its origin within a hundredth of a pixel, its
     * steps within a hundred-thousandth.
     */
    public boolean sameGridAs(PixelToMap other) {
        double tolerance = 0.01 * Math.sqrt(pixelArea());
        return Math.abs(x0 - other.x0) < tolerance && Math.abs(y0 - other.y0) < tolerance
                && Math.abs(xPerColumn - other.xPerColumn) < tolerance / 1000
                && Math.abs(yPerRow - other.yPerRow) < tolerance / 1000
                && Math.abs(xPerRow - other.xPerRow) < tolerance / 1000
                && Math.abs(yPerColumn - other.yPerColumn) < tolerance / 1000;
    }

    /** The map area of one pixel, in the square of the map's unit. */
    public double pixelArea() {
        return Math.abs(determinant());
    }

    private double determinant() {
        return xPerColumn * yPerRow - xPerRow * yPerColumn;
    }
}
