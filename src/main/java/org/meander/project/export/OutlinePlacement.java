package org.meander.project.export;

import java.util.Optional;
import java.util.OptionalInt;
import org.meander.project.raster.Georeferencing;
import org.meander.project.raster.PixelToMap;
import org.meander.project.vector.Reprojection;

/**
 * Where a GeoJSON file puts a mask's grid corners: in pixels (no georeferencing, or control points alone), on the
 * imagery's map in its own CRS, or in longitude and latitude (WGS 84, as web maps read GeoJSON, RFC 7946).
 *
 * @param map     the grid on the map; empty for pixels
 * @param crs     the EPSG code the coordinates are in, when known
 * @param toWgs84 carries map coordinates into longitude and latitude, when asked
 */
record OutlinePlacement(Optional<PixelToMap> map, OptionalInt crs, Optional<Reprojection> toWgs84) {

    static final int WGS84 = 4326;

    /**
     * The placement of a mask with this georeferencing; in WGS 84 when {@code wgs84}, which needs a map and a CRS
     * with an EPSG code (empty otherwise).
     */
    static Optional<OutlinePlacement> of(Optional<Georeferencing> georeferencing, boolean wgs84) {
        Optional<PixelToMap> map = georeferencing.flatMap(Georeferencing::pixelToMap);
        OptionalInt crs = map.isEmpty() ? OptionalInt.empty()
                : georeferencing.map(Georeferencing::epsg).orElse(OptionalInt.empty());
        if (!wgs84) {
            return Optional.of(new OutlinePlacement(map, crs, Optional.empty()));
        }
        if (map.isEmpty() || crs.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new OutlinePlacement(map, OptionalInt.of(WGS84), crs.getAsInt() == WGS84
                ? Optional.empty() : Optional.of(Reprojection.between(crs.getAsInt(), WGS84))));
    }

    /** Grid corner (column, row) in the file's coordinates. */
    double[] place(int column, int row) {
        if (map.isEmpty()) {
            return new double[] {column, row};
        }
        double x = map.get().x(column, row);
        double y = map.get().y(column, row);
        return toWgs84.isPresent() ? toWgs84.get().apply(x, y) : new double[] {x, y};
    }

    /** Whether rings must be turned round for outer ones to run counterclockwise in the file's coordinates. */
    boolean reverses() {
        return map.isPresent() && map.get().mirrors();
    }

    /** The CRS to name in the file: none for pixels, or for WGS 84, GeoJSON's own. */
    OptionalInt namedCrs() {
        return crs.isPresent() && crs.getAsInt() != WGS84 ? crs : OptionalInt.empty();
    }
}
