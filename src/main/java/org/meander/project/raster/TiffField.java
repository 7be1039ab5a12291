package org.meander.project.raster;

import java.util.List;
import javax.imageio.metadata.IIOMetadataNode;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * One field of a TIFF directory as ImageIO's TIFF metadata tree ({@code javax_imageio_tiff_image_1.0}) spells it:
 * the tag number, the kind of its values ("TIFFDoubles", "TIFFShorts", "TIFFAsciis", ...) and the values as the
 * tree writes them, so that a field is copied exactly, whatever its type.
 */
public record TiffField(int number, String kind, List<String> values) {

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
