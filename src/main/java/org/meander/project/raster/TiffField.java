package org.meander.project.raster;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * One field of a TIFF directory as ImageIO's TIFF metadata tree ({@code javax_imageio_tiff_image_1.0}) spells it:
 * the tag number, the kind of its values ("TIFFDoubles", "TIFFShorts", "TIFFAsciis", ...) and the values as the
 * tree writes them, so that a field is copied exactly, whatever its type.
 */
public record TiffField(int number, String kind, List<String> values) {

    static final String TIFF_FORMAT = "javax_imageio_tiff_image_1.0";

    public TiffField {
        if (!kind.startsWith("TIFF") || !kind.endsWith("s")) {
            throw new IllegalArgumentException("tag " + number + ": \"" + kind + "\" is not a TIFF value array such"
                    + " as TIFFDoubles, TIFFShorts or TIFFAsciis");
        }
        values = List.copyOf(values);
    }

    /** The field of a {@code TIFFField} node; values are read from its single array child. */
    static TiffField fromNode(Element field) {
        int number = Integer.parseInt(field.getAttribute("number"));
        for (Node array = field.getFirstChild(); array != null; array = array.getNextSibling()) {
            if (array instanceof Element element && element.getNodeName().endsWith("s")) {
                List<String> values = new java.util.ArrayList<>();
                for (Node value = element.getFirstChild(); value != null; value = value.getNextSibling()) {
                    if (value instanceof Element v) {
                        values.add(v.getAttribute("value"));
                    }
                }
                return new TiffField(number, element.getNodeName(), values);
            }
        }
        throw new IllegalArgumentException("tag " + number + " has no values");
    }

    /**
     * The first value of field {@code number} in the first directory of a TIFF image's metadata; empty when it has no
     * such field, or is not a TIFF's.
     */
    static OptionalDouble firstValue(IIOMetadata metadata, int number) {
        return fieldIn(metadata, number).map(f -> OptionalDouble.of(f.number(0))).orElse(OptionalDouble.empty());
    }

    /** Field {@code number} of the first directory of a TIFF image's metadata; empty when it has none. */
    static Optional<TiffField> fieldIn(IIOMetadata metadata, int number) {
        if (metadata == null || !List.of(metadata.getMetadataFormatNames()).contains(TIFF_FORMAT)) {
            return Optional.empty();
        }
        Node ifd = metadata.getAsTree(TIFF_FORMAT).getFirstChild();
        for (Node field = ifd == null ? null : ifd.getFirstChild(); field != null; field = field.getNextSibling()) {
            if (field instanceof Element element && "TIFFField".equals(element.getNodeName())
                    && Integer.parseInt(element.getAttribute("number")) == number) {
                return Optional.of(fromNode(element));
            }
        }
        return Optional.empty();
    }

    IIOMetadataNode toNode() {
        IIOMetadataNode field = new IIOMetadataNode("TIFFField");
        field.setAttribute("number", Integer.toString(number));
        IIOMetadataNode array = new IIOMetadataNode(kind);
        String element = kind.substring(0, kind.length() - 1); // TIFFDoubles holds TIFFDouble elements
        for (String value : values) {
            IIOMetadataNode node = new IIOMetadataNode(element);
            node.setAttribute("value", value);
            array.appendChild(node);
        }
        field.appendChild(array);
        return field;
    }

    double number(int index) {
        return Double.parseDouble(values.get(index));
    }
}
