package org.meander.project.raster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Where a raster lies on the Earth: the GeoTIFF fields of its TIFF directory (pixel scale, tie points, transformation,
 * the GeoKey directory and its double and ASCII parameters), copied as they are into the masks exported for it, so
 * GIS tools place a mask over its imagery; and GDAL's metadata and nodata fields, which describe its bands.
 */
public record Georeferencing(List<TiffField> fields) {

    public static final int MODEL_PIXEL_SCALE = 33550;
    public static final int MODEL_TIEPOINT = 33922;
    public static final int MODEL_TRANSFORMATION = 34264;
    public static final int GEO_KEY_DIRECTORY = 34735;
    public static final int GEO_DOUBLE_PARAMS = 34736;
    public static final int GEO_ASCII_PARAMS = 34737;
    public static final int GDAL_METADATA = 42112;
    public static final int GDAL_NODATA = 42113;
    public static final Set<Integer> TAGS = Set.of(MODEL_PIXEL_SCALE, MODEL_TIEPOINT, MODEL_TRANSFORMATION,
            GEO_KEY_DIRECTORY, GEO_DOUBLE_PARAMS, GEO_ASCII_PARAMS, GDAL_METADATA, GDAL_NODATA);
    /** GeoKeys, and the values of theirs that Meander reads or writes. */
    public static final int MODEL_TYPE_KEY = 1024;
    public static final int RASTER_TYPE_KEY = 1025;
    public static final int PIXEL_IS_AREA = 1;
    private static final int PIXEL_IS_POINT = 2;
    public static final int GEOGRAPHIC_CRS_KEY = 2048;
    public static final int PROJECTED_CRS_KEY = 3072;
    private static final int USER_DEFINED = 32767;

    public Georeferencing {
        fields = List.copyOf(fields);
    }

    /** The fields of {@link #TAGS} in a TIFF image's metadata; none for other metadata. */
    static List<TiffField> fieldsOf(IIOMetadata metadata) {
        if (metadata == null || !List.of(metadata.getMetadataFormatNames()).contains(TiffField.TIFF_FORMAT)) {
            return List.of();
        }
        Node root = metadata.getAsTree(TiffField.TIFF_FORMAT);
        List<TiffField> fields = new ArrayList<>();
        for (Node ifd = root.getFirstChild(); ifd != null; ifd = ifd.getNextSibling()) {
            for (Node field = ifd.getFirstChild(); field != null; field = field.getNextSibling()) {
                if (field instanceof Element element && "TIFFField".equals(element.getNodeName())
                        && TAGS.contains(Integer.parseInt(element.getAttribute("number")))) {
                    fields.add(TiffField.fromNode(element));
                }
            }
            break; // the first directory is the image; later ones would be overviews
        }
        return fields;
    }

    /** The georeferencing of these fields of a TIFF directory; empty when none is a tie point or transformation. */
    public static Optional<Georeferencing> of(List<TiffField> fields) {
        Georeferencing found = new Georeferencing(fields);
        boolean placed = found.field(MODEL_TIEPOINT).isPresent() || found.field(MODEL_TRANSFORMATION).isPresent();
        return placed ? Optional.of(found) : Optional.empty();
    }

    /**
     * Where the pixel grid lies on the map: from a transformation matrix, or from one tie point and a pixel scale;
     * empty for control points alone, which place the raster only through a warp. A raster whose samples are points
     * (GeoTIFF's PixelIsPoint) has its tie point at a pixel's centre, so the grid is moved half a pixel, as GDAL does.
     */
    public Optional<PixelToMap> pixelToMap() {
        double shift = geoKey(RASTER_TYPE_KEY).orElse(PIXEL_IS_AREA) == PIXEL_IS_POINT ? -0.5 : 0;
        Optional<TiffField> matrix = field(MODEL_TRANSFORMATION);
        if (matrix.isPresent() && matrix.get().values().size() == 16) {
            TiffField m = matrix.get();
            return Optional.of(new PixelToMap(
                    m.number(3) + shift * (m.number(0) + m.number(1)), m.number(0), m.number(1),
                    m.number(7) + shift * (m.number(4) + m.number(5)), m.number(4), m.number(5)));
        }
        Optional<TiffField> tiePoint = field(MODEL_TIEPOINT);
        Optional<TiffField> scale = field(MODEL_PIXEL_SCALE);
        if (tiePoint.isPresent() && tiePoint.get().values().size() == 6 && scale.isPresent()) {
            TiffField t = tiePoint.get();
            double sx = scale.get().number(0);
            double sy = scale.get().number(1);
            return Optional.of(new PixelToMap(t.number(3) + (shift - t.number(0)) * sx, sx, 0,
                    t.number(4) - (shift - t.number(1)) * sy, 0, -sy));
        }
        return Optional.empty();
    }

    /**
     * The EPSG code of the map's coordinate reference system: the projected one, else the geographic one; empty when
     * the GeoKeys name none or a user-defined one.
     */
    public OptionalInt epsg() {
        for (int key : new int[] {PROJECTED_CRS_KEY, GEOGRAPHIC_CRS_KEY}) {
            OptionalInt code = geoKey(key);
            if (code.isPresent() && code.getAsInt() > 0 && code.getAsInt() < USER_DEFINED) {
                return code;
            }
        }
        return OptionalInt.empty();
    }

    /** A GeoKey whose value is a short held in the key directory itself. */
    private OptionalInt geoKey(int key) {
        Optional<TiffField> directory = field(GEO_KEY_DIRECTORY);
        if (directory.isEmpty()) {
            return OptionalInt.empty();
        }
        TiffField keys = directory.get();
        for (int entry = 4; entry + 3 < keys.values().size(); entry += 4) {
            if ((int) keys.number(entry) == key && (int) keys.number(entry + 1) == 0) {
                return OptionalInt.of((int) keys.number(entry + 3));
            }
        }
        return OptionalInt.empty();
    }

    public Optional<TiffField> field(int number) {
        return fields.stream().filter(f -> f.number() == number).findFirst();
    }

    /** GDAL's nodata value, when it has one that is a number. */
    public OptionalDouble noData() {
        return noData(fields);
    }

    /**
     * GDAL's nodata value among a TIFF directory's fields, when it has one that is a number: GDAL writes it for
     * rasters without a place on the map too.
     */
    public static OptionalDouble noData(List<TiffField> fields) {
        try {
            return fields.stream().filter(f -> f.number() == GDAL_NODATA).findFirst()
                    .map(f -> OptionalDouble.of(Double.parseDouble(f.values().get(0).trim())))
                    .orElse(OptionalDouble.empty());
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    /**
     * The georeferencing of the window of this raster that starts at pixel (x, y): raster pixel (i, j) of the window
     * is pixel (i + x, j + y) of the raster. With one tie point and a pixel scale the tie point is moved to the
     * window's top left pixel; several tie points (control points) keep their places on the ground and move in
     * raster coordinates; a transformation matrix gets the matching translation.
     */
    public Georeferencing shifted(int x, int y) {
        List<TiffField> shifted = new ArrayList<>();
        for (TiffField field : fields) {
            shifted.add(switch (field.number()) {
                case MODEL_TIEPOINT -> shiftTiePoints(field, x, y);
                case MODEL_TRANSFORMATION -> shiftTransformation(field, x, y);
                default -> field;
            });
        }
        return new Georeferencing(shifted);
    }

    private TiffField shiftTiePoints(TiffField tiePoints, int x, int y) {
        List<String> values = new ArrayList<>(tiePoints.values());
        Optional<TiffField> scale = field(MODEL_PIXEL_SCALE);
        if (values.size() == 6 && scale.isPresent()) {
            double i = tiePoints.number(0);
            double j = tiePoints.number(1);
            values.set(0, format(0));
            values.set(1, format(0));
            values.set(3, format(tiePoints.number(3) + (x - i) * scale.get().number(0)));
            values.set(4, format(tiePoints.number(4) - (y - j) * scale.get().number(1)));
        } else {
            for (int p = 0; p + 5 < values.size(); p += 6) {
                values.set(p, format(tiePoints.number(p) - x));
                values.set(p + 1, format(tiePoints.number(p + 1) - y));
            }
        }
        return new TiffField(tiePoints.number(), tiePoints.kind(), values);
    }

    /** The matrix maps (i, j, k, 1) to the model: the window's (i, j) is the raster's (i + x, j + y). */
    private static TiffField shiftTransformation(TiffField matrix, int x, int y) {
        List<String> values = new ArrayList<>(matrix.values());
        for (int row = 0; row < 4 && row * 4 + 3 < values.size(); row++) {
            double translation = matrix.number(row * 4 + 3) + matrix.number(row * 4) * x
                    + matrix.number(row * 4 + 1) * y;
            values.set(row * 4 + 3, format(translation));
        }
        return new TiffField(matrix.number(), matrix.kind(), values);
    }

    private static String format(double value) {
        return Double.toString(value);
    }

    /**
     * Adds the fields that place the raster on the map to the first directory of a TIFF metadata tree, replacing
     * fields of the same numbers. GDAL's metadata and nodata fields are left out: they describe the imagery's bands
     * (names, scales, a nodata value that would make every background pixel of a mask no data), not a mask's.
     */
    void addPlacementTo(IIOMetadataNode root) {
        Node ifd = root.getElementsByTagName("TIFFIFD").item(0);
        for (Node field = ifd.getFirstChild(); field != null; ) {
            Node next = field.getNextSibling();
            if (field instanceof Element element && TAGS.contains(Integer.parseInt(element.getAttribute("number")))) {
                ifd.removeChild(field);
            }
            field = next;
        }
        fields.stream().filter(f -> f.number() != GDAL_METADATA && f.number() != GDAL_NODATA)
                .forEach(f -> ifd.appendChild(f.toNode()));
    }

    /** As recorded in meander.json: {"33550": {"kind": "TIFFDoubles", "values": ["0.5", ...]}, ...}. */
    public JsonNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        for (TiffField field : fields) {
            ObjectNode entry = json.putObject(Integer.toString(field.number()));
            entry.put("kind", field.kind());
            field.values().forEach(entry.putArray("values")::add);
        }
        return json;
    }

    /** @throws IllegalArgumentException saying what is wrong, for the caller to name the file */
    public static Georeferencing fromJson(JsonNode json) {
        if (!json.isObject()) {
            throw new IllegalArgumentException("\"georeferencing\" is " + json.getNodeType() + ", expected an object"
                    + " of TIFF fields by tag number");
        }
        List<TiffField> fields = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> entries = json.fields(); entries.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = entries.next();
            List<String> values = new ArrayList<>();
            entry.getValue().path("values").forEach(v -> values.add(v.asText()));
            int number;
            try {
                number = Integer.parseInt(entry.getKey());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("georeferencing field \"" + entry.getKey() + "\" is not a TIFF"
                        + " tag number");
            }
            fields.add(new TiffField(number, entry.getValue().path("kind").asText(""), values));
        }
        return new Georeferencing(fields);
    }
}
