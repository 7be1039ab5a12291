package org.meander.project.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.meander.project.vector.Outline;
import org.meander.project.vector.OutlineSimplifier;
import org.meander.project.vector.Ring;
import org.meander.weights.AtomicFile;

/**
 * A mask's outlines as a GeoJSON FeatureCollection, a Polygon feature per region with its pixels (and its area on
 * the map). Placed as {@link OutlinePlacement} says: on the imagery's map with its CRS named as GDAL's GeoJSON
 * driver names a CRS other than WGS 84 (the {@code crs} member that QGIS and GDAL read), in longitude and latitude,
 * or in pixel coordinates, y down, as GDAL gives a raster without georeferencing. Rings run as RFC 7946 asks: outer
 * rings counterclockwise. Outlines are written along the pixel edges, or simplified at a tolerance in pixels
 * ({@link OutlineSimplifier}); a feature's pixels and area are its region's in the mask either way.
 */
final class GeoJsonFile {

    private static final JsonFactory JSON = new JsonFactory()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private GeoJsonFile() {
    }

    /**
     * Writes the file atomically: the traced outlines, simplified at {@code simplifyPixels} (0: as traced);
     * {@code properties} go into every feature.
     */
    static void write(Path file, String name, List<Outline> outlines, Map<String, Object> properties,
                      OutlinePlacement placement, double simplifyPixels) throws IOException {
        List<Outline> shapes = OutlineSimplifier.simplify(outlines, simplifyPixels);
        AtomicFile.replace(file, channel -> {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
            try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
                json.writeStartObject();
                json.writeStringField("type", "FeatureCollection");
                json.writeStringField("name", name);
                OptionalInt crs = placement.namedCrs();
                if (crs.isPresent()) {
                    json.writeObjectFieldStart("crs");
                    json.writeStringField("type", "name");
                    json.writeObjectFieldStart("properties");
                    json.writeStringField("name", "urn:ogc:def:crs:EPSG::" + crs.getAsInt());
                    json.writeEndObject();
                    json.writeEndObject();
                }
                json.writeArrayFieldStart("features");
                for (int i = 0; i < outlines.size(); i++) {
                    writeFeature(json, Math.round(outlines.get(i).area()), shapes.get(i), properties, placement);
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            out.flush();
        });
    }

    private static void writeFeature(JsonGenerator json, long pixels, Outline shape, Map<String, Object> properties,
                                     OutlinePlacement placement) throws IOException {
        json.writeStartObject();
        json.writeStringField("type", "Feature");
        json.writeObjectFieldStart("properties");
        for (Map.Entry<String, Object> property : properties.entrySet()) {
            json.writeObjectField(property.getKey(), property.getValue());
        }
        json.writeNumberField("pixels", pixels);
        if (placement.map().isPresent()) {
            // in the square of the imagery's own map unit, whatever the file's coordinates
            json.writeNumberField("area", pixels * placement.map().get().pixelArea());
        }
        json.writeEndObject();
        json.writeObjectFieldStart("geometry");
        json.writeStringField("type", "Polygon");
        json.writeArrayFieldStart("coordinates");
        writeRing(json, shape.outer(), placement);
        for (Ring hole : shape.holes()) {
            writeRing(json, hole, placement);
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndObject();
    }

    /** The ring's corners, closed; turned round where the map mirrors the grid, so outer rings run counterclockwise. */
    private static void writeRing(JsonGenerator json, Ring ring, OutlinePlacement placement) throws IOException {
        boolean reversed = placement.reverses();
        boolean pixels = placement.map().isEmpty();
        int n = ring.size();
        json.writeStartArray();
        for (int k = 0; k <= n; k++) {
            int corner = reversed ? (n - k) % n : k % n;
            json.writeStartArray();
            if (pixels) {
                json.writeNumber(ring.x(corner));
                json.writeNumber(ring.y(corner));
            } else {
                double[] point = placement.place(ring.x(corner), ring.y(corner));
                json.writeNumber(point[0]);
                json.writeNumber(point[1]);
            }
            json.writeEndArray();
        }
        json.writeEndArray();
    }
}
