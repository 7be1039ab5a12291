package org.meander.project.vector;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;
import org.locationtech.proj4j.UnknownAuthorityCodeException;
import org.locationtech.proj4j.UnsupportedParameterException;

/**
 * Polygons carried from one coordinate reference system to another, both named by EPSG code, through proj4j (the
 * Java port of PROJ, with the EPSG parameters): a river layer in longitude and latitude onto imagery in UTM, say.
 * Coordinates are x, y as GeoJSON and GeoTIFF give them (longitude first for geographic systems).
 */
public final class Reprojection {

    private static final CRSFactory SYSTEMS = new CRSFactory();

    private final CoordinateTransform transform;

    private Reprojection(CoordinateTransform transform) {
        this.transform = transform;
    }

    /** @throws IllegalArgumentException naming a code proj4j does not know */
    public static Reprojection between(int fromEpsg, int toEpsg) {
        CoordinateReferenceSystem from = system(fromEpsg);
        CoordinateReferenceSystem to = system(toEpsg);
        return new Reprojection(new CoordinateTransformFactory().createTransform(from, to));
    }

    /** Point (x, y) in the other system: a new array {x, y}. */
    public double[] apply(double x, double y) {
        ProjCoordinate out = transform.transform(new ProjCoordinate(x, y), new ProjCoordinate());
        return new double[] {out.x, out.y};
    }

    Polygon apply(Polygon polygon) {
        List<double[]> rings = new ArrayList<>();
        ProjCoordinate in = new ProjCoordinate();
        ProjCoordinate out = new ProjCoordinate();
        for (double[] ring : polygon.rings()) {
            double[] moved = new double[ring.length];
            for (int i = 0; i + 1 < ring.length; i += 2) {
                in.x = ring[i];
                in.y = ring[i + 1];
                transform.transform(in, out);
                moved[i] = out.x;
                moved[i + 1] = out.y;
            }
            rings.add(moved);
        }
        return new Polygon(rings);
    }

    private static CoordinateReferenceSystem system(int epsg) {
        try {
            return SYSTEMS.createFromName("EPSG:" + epsg);
        } catch (UnknownAuthorityCodeException | UnsupportedParameterException e) {
            throw new IllegalArgumentException("EPSG:" + epsg + " is not a coordinate system Meander knows ("
                    + e.getMessage() + "); reproject the layer with GDAL (ogr2ogr -t_srs)");
        }
    }
}
