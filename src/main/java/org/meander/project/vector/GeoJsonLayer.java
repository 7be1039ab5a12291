package org.meander.project.vector;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.meander.weights.JsonProblem;

/**
 * The polygons of a GeoJSON file (a FeatureCollection, a Feature or a bare geometry; Polygons and MultiPolygons, in
 * GeometryCollections too), where in the file each came from, and the EPSG code of their CRS: the one its {@code crs}
 * member names, as GDAL and QGIS write it, else WGS 84 longitude and latitude, GeoJSON's own (RFC 7946). Points and
 * lines are counted and left out, and so are the features a {@link FeatureFilter} does not admit.
 *
 * @param origins for each polygon, its feature as a problem names it ({@code feature 3 (id "reach-7")}, with
 *                {@code , polygon 2 of 3} when the feature has several), or "" for a bare geometry's only one
 */
public record GeoJsonLayer(Path file, List<Polygon> polygons, List<String> origins, int epsg, int otherGeometries,
                           int filteredOut) {

    public static final int WGS84 = 4326;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern EPSG = Pattern.compile("(?:urn:ogc:def:crs:EPSG:[0-9.]*:|EPSG:{1,2})(\\d+)");
    private static final Pattern CRS84 = Pattern.compile("(?:urn:ogc:def:crs:)?OGC:(?:1\\.3:)?CRS84");

    public GeoJsonLayer {
        polygons = List.copyOf(polygons);
        origins = List.copyOf(origins);
        if (origins.size() != polygons.size()) {
            throw new IllegalArgumentException(polygons.size() + " polygons but " + origins.size() + " origins");
        }
    }

    /** The file and where in it a polygon came from, as a problem begins: {@code rivers.geojson: feature 3}. */
    public String placeOf(int polygon) {
        String origin = origins.get(polygon);
        return origin.isEmpty() ? file.toString() : file + ": " + origin;
    }

    /** Every polygon of the file. */
    public static GeoJsonLayer read(Path file) throws IOException {
        return read(file, FeatureFilter.ALL);
    }

    /**
     * The polygons of the features {@code filter} admits (a bare geometry has no properties, so a filter other
     * than {@link FeatureFilter#ALL} leaves it out).
     *
     * @throws IOException naming the file and what in it is wrong
     */
    public static GeoJsonLayer read(Path file, FeatureFilter filter) throws IOException {
        Reading reading = new Reading(filter);
        ObjectNode rest = JSON.createObjectNode();
        // a FeatureCollection is read a feature at a time: a county's hydrography can run to gigabytes as a tree
        try (InputStream in = Files.newInputStream(file); JsonParser parser = JSON.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException(file + " is not a GeoJSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("features") && value == JsonToken.START_ARRAY) {
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        reading.feature(parser.readValueAsTree());
                    }
                } else {
                    rest.set(field, parser.readValueAsTree());
                }
            }
            switch (rest.path("type").asText()) {
                case "FeatureCollection" -> { }
                case "Feature" -> reading.feature(rest);
                default -> reading.bareGeometry(rest);
            }
        } catch (JsonProcessingException e) {
            throw new IOException(file + " is not JSON: " + JsonProblem.describe(e));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage());
        }
        return new GeoJsonLayer(file, reading.polygons, reading.origins, epsg(file, rest.path("crs")),
                reading.others, reading.filteredOut);
    }

    /** What a file has given so far. */
    private static final class Reading {

        private final FeatureFilter filter;
        private final List<Polygon> polygons = new ArrayList<>();
        private final List<String> origins = new ArrayList<>();
        private int others;
        private int filteredOut;
        private int features;

        Reading(FeatureFilter filter) {
            this.filter = filter;
        }

        void feature(JsonNode feature) {
            int index = features++;
            if (!filter.admits(feature.path("properties"))) {
                filteredOut++;
                return;
            }
            try {
                addFrom(feature.path("geometry"), "feature " + index + named(feature));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("feature " + index + ": " + e.getMessage());
            }
        }

        void bareGeometry(JsonNode geometry) {
            if (filter.admits(MissingNode.getInstance())) {
                addFrom(geometry, "");
            } else {
                filteredOut++;
            }
        }

        /** A geometry's polygons, each with its origin: the feature's, and which polygon when it has several. */
        private void addFrom(JsonNode geometry, String feature) {
            int first = polygons.size();
            add(geometry);
            int count = polygons.size() - first;
            for (int i = 1; i <= count; i++) {
                String part = count == 1 ? "" : "polygon " + i + " of " + count;
                origins.add(feature.isEmpty() || part.isEmpty() ? feature + part : feature + ", " + part);
            }
        }

        /** The feature's id, else its name property, as a user would look it up: {@code  (id "reach-7")}. */
        private static String named(JsonNode feature) {
            JsonNode id = feature.path("id");
            if (id.isValueNode() && !id.isNull()) {
                return " (id " + id + ")";
            }
            JsonNode name = feature.path("properties").path("name");
            return name.isValueNode() && !name.isNull() ? " (name " + name + ")" : "";
        }

        private void add(JsonNode geometry) {
            if (geometry.isNull() || geometry.isMissingNode()) {
                return;
            }
            switch (geometry.path("type").asText()) {
                case "Polygon" -> polygons.add(polygon(geometry.path("coordinates")));
                case "MultiPolygon" -> {
                    for (JsonNode polygon : geometry.path("coordinates")) {
                        polygons.add(polygon(polygon));
                    }
                }
                case "GeometryCollection" -> {
                    for (JsonNode member : geometry.path("geometries")) {
                        add(member);
                    }
                }
                case "Point", "MultiPoint", "LineString", "MultiLineString" -> others++;
                default -> throw new IllegalArgumentException("\"" + geometry.path("type").asText()
                        + "\" is not a GeoJSON geometry type");
            }
        }
    }

    private static Polygon polygon(JsonNode rings) {
        if (!rings.isArray() || rings.isEmpty()) {
            throw new IllegalArgumentException("a polygon's coordinates must be an array of rings");
        }
        List<double[]> parsed = new ArrayList<>();
        for (JsonNode ring : rings) {
            if (!ring.isArray() || ring.size() < 3) {
                throw new IllegalArgumentException("a ring needs at least 3 positions, got " + ring);
            }
            double[] points = new double[2 * ring.size()];
            for (int i = 0; i < ring.size(); i++) {
                JsonNode position = ring.get(i);
                if (!position.isArray() || position.size() < 2 || !position.get(0).isNumber()
                        || !position.get(1).isNumber()) {
                    throw new IllegalArgumentException("a position must be [x, y] numbers, got " + position);
                }
                points[2 * i] = position.get(0).asDouble();
                points[2 * i + 1] = position.get(1).asDouble();
            }
            parsed.add(points);
        }
        return new Polygon(parsed);
    }

    private static int epsg(Path file, JsonNode crs) throws IOException {
        if (crs.isMissingNode() || crs.isNull()) {
            return WGS84;
        }
        String name = crs.path("properties").path("name").asText("");
        if (CRS84.matcher(name).matches()) {
            return WGS84;
        }
        Matcher code = EPSG.matcher(name);
        if (code.matches()) {
            return Integer.parseInt(code.group(1));
        }
        throw new IOException(file + ": its crs " + crs + " names no EPSG code; reproject it to the imagery's CRS"
                + " with GDAL (ogr2ogr -t_srs EPSG:<code> out.geojson " + file.getFileName() + ")");
    }
}
