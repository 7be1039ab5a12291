package org.meander.project.raster.jpeg2000;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.ParserConfigurationException;
import org.meander.project.raster.GdalXml;
import org.meander.project.raster.Georeferencing;
import org.meander.project.raster.TiffField;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Where a GMLJP2 box places the image (Sentinel-2's only georeferencing; GDAL writes one beside GeoJP2), read as GDAL
 * reads it and given as the GeoTIFF fields that say the same: the {@code gml:RectifiedGrid}'s origin (the centre of
 * the first pixel), its two offset vectors (one pixel across, one down) and the EPSG code of its {@code srsName}. GML
 * gives coordinates in the CRS's own axis order: latitude first for a geographic CRS, so those are swapped, unless
 * the grid's axis names say longitude comes first.
 */
final class GmlJp2 {

    private static final Pattern EPSG = Pattern.compile(
            "(?i)^(?:urn:ogc:def:crs:epsg:[^:]*:|epsg:|https?://www\\.opengis\\.net/def/crs/epsg/[^/]*/)(\\d+)$");
    /** GTModelTypeGeoKey's values. */
    private static final int PROJECTED = 1;
    private static final int GEOGRAPHIC = 2;

    private GmlJp2() {
    }

    /** The GeoTIFF fields of the coverage's grid; none when the XML holds no grid with an origin and two offsets. */
    static List<TiffField> fields(byte[] xml) {
        Element root;
        try {
            int length = xml.length;
            while (length > 0 && xml[length - 1] == 0) {
                length--; // some writers end the box with NULs
            }
            root = GdalXml.parser().parse(new ByteArrayInputStream(xml, 0, length)).getDocumentElement();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            return List.of();
        }
        Optional<Element> grid = first(root, "RectifiedGrid");
        Optional<Element> point = grid.flatMap(g -> child(g, "origin")).flatMap(o -> first(o, "Point"));
        List<Element> offsets = grid.map(g -> children(g, "offsetVector")).orElse(List.of());
        Optional<double[]> origin = point.flatMap(p -> child(p, "pos").or(() -> child(p, "coordinates")))
                .flatMap(GmlJp2::numbers);
        if (origin.isEmpty() || offsets.size() < 2) {
            return List.of();
        }
        Optional<double[]> across = numbers(offsets.get(0));
        Optional<double[]> down = numbers(offsets.get(1));
        if (across.isEmpty() || down.isEmpty()) {
            return List.of();
        }
        String srsName = point.get().getAttribute("srsName");
        if (srsName.isEmpty()) {
            srsName = child(root, "boundedBy").flatMap(b -> child(b, "Envelope"))
                    .map(e -> e.getAttribute("srsName")).orElse("");
        }
        if (srsName.isEmpty()) {
            srsName = grid.get().getAttribute("srsName");
        }
        OptionalInt epsg = epsg(srsName);
        boolean swap = epsg.isPresent() && latitudeFirst(epsg.getAsInt()) && !longitudeNamedFirst(grid.get());
        double[] o = axes(origin.get(), swap);
        double[] a = axes(across.get(), swap);
        double[] d = axes(down.get(), swap);
        // the origin is the first pixel's centre; GeoTIFF's tie point, its corner
        double x = o[0] - 0.5 * (a[0] + d[0]);
        double y = o[1] - 0.5 * (a[1] + d[1]);
        return fields(x, y, a, d, epsg);
    }

    /** A tie point and a pixel scale for a north-up grid, as GDAL writes them; a transformation matrix otherwise. */
    private static List<TiffField> fields(double x, double y, double[] across, double[] down, OptionalInt epsg) {
        List<TiffField> fields = new ArrayList<>();
        if (across[1] == 0 && down[0] == 0 && across[0] > 0 && down[1] < 0) {
            fields.add(doubles(Georeferencing.MODEL_PIXEL_SCALE, across[0], -down[1], 0));
            fields.add(doubles(Georeferencing.MODEL_TIEPOINT, 0, 0, 0, x, y, 0));
        } else {
            fields.add(doubles(Georeferencing.MODEL_TRANSFORMATION, across[0], down[0], 0, x, across[1], down[1], 0, y,
                    0, 0, 0, 0, 0, 0, 0, 1));
        }
        List<String> keys = new ArrayList<>(List.of("1", "1", "0", "0"));
        if (epsg.isPresent()) {
            boolean geographic = latitudeFirst(epsg.getAsInt());
            addKey(keys, Georeferencing.MODEL_TYPE_KEY, geographic ? GEOGRAPHIC : PROJECTED);
            addKey(keys, Georeferencing.RASTER_TYPE_KEY, Georeferencing.PIXEL_IS_AREA);
            addKey(keys, geographic ? Georeferencing.GEOGRAPHIC_CRS_KEY : Georeferencing.PROJECTED_CRS_KEY,
                    epsg.getAsInt());
        } else {
            addKey(keys, Georeferencing.RASTER_TYPE_KEY, Georeferencing.PIXEL_IS_AREA);
        }
        keys.set(3, Integer.toString(keys.size() / 4 - 1));
        fields.add(new TiffField(Georeferencing.GEO_KEY_DIRECTORY, "TIFFShorts", keys));
        return fields;
    }

    private static void addKey(List<String> keys, int key, int value) {
        keys.addAll(List.of(Integer.toString(key), "0", "1", Integer.toString(value)));
    }

    private static TiffField doubles(int number, double... values) {
        List<String> text = new ArrayList<>();
        for (double value : values) {
            text.add(Double.toString(value));
        }
        return new TiffField(number, "TIFFDoubles", text);
    }

    /** The EPSG code of a GML srsName: {@code urn:ogc:def:crs:EPSG::32610}, {@code EPSG:4326}, or its URL. */
    static OptionalInt epsg(String srsName) {
        Matcher matcher = EPSG.matcher(srsName.strip());
        return matcher.matches() ? OptionalInt.of(Integer.parseInt(matcher.group(1))) : OptionalInt.empty();
    }

    /**
     * Whether EPSG gives the CRS's latitude first: its geographic 2D CRSs, 4001 to 4999 (WGS 84 is 4326, NAD83
     * 4269, ETRS89 4258), but for the two projected ones numbered among them. Projected CRSs are taken with easting
     * first, as UTM zones and most others are.
     */
    private static boolean latitudeFirst(int epsg) {
        return epsg > 4000 && epsg < 5000 && epsg != 4087 && epsg != 4088;
    }

    /** Pleiades-style files name the grid's axes Easting, Northing (or Long, Lat), overriding EPSG's order. */
    private static boolean longitudeNamedFirst(Element grid) {
        List<String> names = children(grid, "axisName").stream()
                .map(e -> e.getTextContent().strip().toUpperCase(Locale.ROOT)).toList();
        return names.size() >= 2 && (names.get(0).startsWith("EAST") || names.get(0).startsWith("LONG"))
                && (names.get(1).startsWith("NORTH") || names.get(1).startsWith("LAT"));
    }

    private static double[] axes(double[] xy, boolean swap) {
        return swap ? new double[] {xy[1], xy[0]} : new double[] {xy[0], xy[1]};
    }

    /** The first two numbers of an element's text ("399960 5300040", or "399960,5300040" in gml:coordinates). */
    private static Optional<double[]> numbers(Element element) {
        String[] parts = element.getTextContent().strip().split("[\\s,]+");
        try {
            return parts.length < 2 ? Optional.empty()
                    : Optional.of(new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1])});
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The element's name without its namespace prefix: {@code gml:origin} is {@code origin}. */
    private static boolean named(Node node, String name) {
        if (!(node instanceof Element element)) {
            return false;
        }
        String tag = element.getTagName();
        return tag.substring(tag.indexOf(':') + 1).equals(name);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (named(node, name)) {
                found.add((Element) node);
            }
        }
        return found;
    }

    private static Optional<Element> child(Element parent, String name) {
        return children(parent, name).stream().findFirst();
    }

    /** The first element of that name below {@code parent}, in document order. */
    private static Optional<Element> first(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (named(node, name)) {
                return Optional.of((Element) node);
            }
            if (node instanceof Element element) {
                Optional<Element> below = first(element, name);
                if (below.isPresent()) {
                    return below;
                }
            }
        }
        return Optional.empty();
    }
}
