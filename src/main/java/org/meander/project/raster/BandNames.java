package org.meander.project.raster;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * What an image's file says each band is, band by band: GDAL's colour interpretation of the band (its
 * {@code GDAL_METADATA} field, role "colorinterp"), else the band's description there (role "description", written by
 * GDAL, rasterio and processing software: "Blue", "NIR"), else Red, Green and Blue for the first three bands of a TIFF
 * or picture stored as RGB. A band the file says nothing of has the name "".
 *
 * @param names one name per band, band 1 first
 */
public record BandNames(List<String> names) {

    /** A file that names none of its bands. */
    public static final BandNames NONE = new BandNames(List.of());

    public BandNames {
        names = List.copyOf(names);
    }

    /**
     * The names of {@code bands} bands read from a TIFF directory's GDAL metadata among {@code fields}, with bands 1 to
     * 3 red, green and blue when the samples are stored as RGB ({@code rgb}), and the alpha band, if any, Alpha.
     * Metadata that is not well-formed XML names nothing, as GDAL then reads none.
     */
    static BandNames of(List<TiffField> fields, boolean rgb, OptionalInt alpha, int bands) {
        String[] described = new String[bands];
        String[] interpreted = new String[bands];
        fields.stream().filter(f -> f.number() == Georeferencing.GDAL_METADATA && !f.values().isEmpty())
                .findFirst().ifPresent(f -> readItems(String.join("", f.values()), described, interpreted));
        List<String> names = new ArrayList<>();
        for (int band = 0; band < bands; band++) {
            String stored = rgb && band < 3 ? List.of("Red", "Green", "Blue").get(band)
                    : alpha.isPresent() && alpha.getAsInt() == band ? "Alpha" : "";
            names.add(named(interpreted[band]) ? interpreted[band] : named(described[band]) ? described[band] : stored);
        }
        return names.stream().allMatch(String::isEmpty) ? NONE : new BandNames(names);
    }

    /** Whether a colour interpretation or description says something: GDAL writes "Undefined" and "Gray" for none. */
    private static boolean named(String name) {
        return name != null && !name.isBlank() && !name.equalsIgnoreCase("undefined") && !name.equalsIgnoreCase("gray");
    }

    private static void readItems(String xml, String[] described, String[] interpreted) {
        NodeList items;
        try {
            items = GdalXml.parser().parse(new InputSource(new StringReader(xml.strip())))
                    .getElementsByTagName("Item");
        } catch (ParserConfigurationException | SAXException | IOException e) {
            return;
        }
        for (int i = 0; i < items.getLength(); i++) {
            Element item = (Element) items.item(i);
            String role = item.getAttribute("role");
            int band;
            try {
                band = Integer.parseInt(item.getAttribute("sample"));
            } catch (NumberFormatException e) {
                continue; // an item of the whole dataset
            }
            if (band >= 0 && band < described.length) {
                String text = item.getTextContent().strip();
                if (role.equals("description")) {
                    described[band] = text;
                } else if (role.equals("colorinterp")) {
                    interpreted[band] = text;
                }
            }
        }
    }

    /**
     * The band (numbered from 1) named {@code colour}: the only one whose name gives that colour, or of several, the
     * only one named the colour and nothing else ("green" beside "green_i"); empty when none or no one band is.
     */
    public OptionalInt band(BandColour colour) {
        int[] found = IntStream.range(0, names.size())
                .filter(b -> BandColour.named(names.get(b)).filter(colour::equals).isPresent()).toArray();
        if (found.length > 1) {
            found = Arrays.stream(found).filter(b -> colour.isExactly(names.get(b))).toArray();
        }
        return found.length == 1 ? OptionalInt.of(found[0] + 1) : OptionalInt.empty();
    }

    /** The named bands as "1 Blue, 2 Green, 4 NIR", unnamed ones left out; "" when none is named. */
    public String text() {
        return IntStream.range(0, names.size()).filter(b -> !names.get(b).isEmpty())
                .mapToObj(b -> (b + 1) + " " + names.get(b)).collect(Collectors.joining(", "));
    }
}
