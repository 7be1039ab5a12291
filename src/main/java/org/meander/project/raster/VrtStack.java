package org.meander.project.raster;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * A GDAL virtual raster that stacks bands of other files, each whole and in place: what {@code gdalbuildvrt -separate}
 * and QGIS's Build Virtual Raster (each input a band) make of the band files of a satellite scene (Landsat and
 * Sentinel-2 come a band to a file). Anything else a VRT can say (a mosaic, a window, resampling, scaling, pixel
 * functions, warping) is refused with what to do instead.
 *
 * @param width  the raster's width in pixels
 * @param height its height
 * @param bands  its bands, band 1 first
 * @param noData the bands' nodata value, when they all have the same
 */
record VrtStack(int width, int height, List<Band> bands, OptionalDouble noData) {

    private static final String CONVERT = "make a GeoTIFF of it (gdal_translate IN.vrt OUT.tif) and give that";

    /**
     * A band of the stack: band {@code sourceBand} (from 1) of {@code source}, with what the VRT calls it.
     *
     * @param description its Description, or ""
     * @param colour      its ColorInterp (Red, Green, Blue, Alpha, Undefined, ...), or ""
     */
    record Band(Path source, int sourceBand, String description, String colour) {
    }

    static VrtStack read(Path file) throws IOException {
        Element root;
        try {
            root = GdalXml.parser().parse(file.toFile()).getDocumentElement();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException(file + ": not a GDAL virtual raster (" + e.getMessage() + ")", e);
        }
        if (!root.getTagName().equals("VRTDataset")) {
            throw new IOException(file + ": not a GDAL virtual raster (its root is <" + root.getTagName() + ">, not"
                    + " <VRTDataset>)");
        }
        if (!root.getAttribute("subClass").isEmpty()) {
            throw new IOException(file + ": a " + root.getAttribute("subClass") + ", which Meander does not read; "
                    + CONVERT);
        }
        int width = size(file, root, "rasterXSize");
        int height = size(file, root, "rasterYSize");
        List<Band> bands = new ArrayList<>();
        List<String> noData = new ArrayList<>();
        for (Element band : children(root, "VRTRasterBand")) {
            int number = bands.size() + 1;
            String where = file + ": band " + number;
            if (!band.getAttribute("subClass").isEmpty()) {
                throw new IOException(where + " is a " + band.getAttribute("subClass") + " (computed), which Meander"
                        + " does not read; " + CONVERT);
            }
            List<Element> sources = new ArrayList<>(children(band, "SimpleSource"));
            sources.addAll(children(band, "ComplexSource"));
            if (sources.size() != 1 || !children(band, "KernelFilteredSource").isEmpty()
                    || !children(band, "AveragedSource").isEmpty()) {
                throw new IOException(where + " takes its pixels from " + sources.size() + " sources (a mosaic, or"
                        + " none), where Meander reads one file's band per band; " + CONVERT);
            }
            Element source = sources.get(0);
            for (String scaling : List.of("ScaleOffset", "ScaleRatio", "LUT", "Exponent")) {
                if (!children(source, scaling).isEmpty()) {
                    throw new IOException(where + " scales its source's values (<" + scaling + ">), which Meander"
                            + " does not do; " + CONVERT);
                }
            }
            requireWhole(where, source, "SrcRect", width, height);
            requireWhole(where, source, "DstRect", width, height);
            Element name = only(where, source, "SourceFilename");
            Path sourceFile = "1".equals(name.getAttribute("relativeToVRT"))
                    ? file.toAbsolutePath().resolveSibling(name.getTextContent().strip())
                    : Path.of(name.getTextContent().strip());
            Element sourceBand = only(where, source, "SourceBand");
            int fromBand;
            try {
                fromBand = Integer.parseInt(sourceBand.getTextContent().strip());
            } catch (NumberFormatException e) {
                throw new IOException(where + ": <SourceBand> is \"" + sourceBand.getTextContent().strip()
                        + "\", not a band number (" + (sourceBand.getTextContent().startsWith("mask") ? "a mask"
                        : "unknown") + "); " + CONVERT, e);
            }
            bands.add(new Band(sourceFile, fromBand, text(band, "Description"), text(band, "ColorInterp")));
            noData.add(text(band, "NoDataValue"));
        }
        if (bands.isEmpty()) {
            throw new IOException(file + ": a virtual raster without bands (no <VRTRasterBand>)");
        }
        boolean shared = noData.stream().distinct().count() == 1 && !noData.get(0).isEmpty();
        return new VrtStack(width, height, bands, shared ? parse(noData.get(0)) : OptionalDouble.empty());
    }

    /** A source that covers the whole raster at its own size: GDAL reads it as it is, neither moved nor resampled. */
    private static void requireWhole(String where, Element source, String rectangle, int width, int height)
            throws IOException {
        List<Element> found = children(source, rectangle);
        if (found.isEmpty()) {
            return; // GDAL takes the whole source
        }
        Element r = found.get(0);
        boolean whole = number(r, "xOff") == 0 && number(r, "yOff") == 0 && number(r, "xSize") == width
                && number(r, "ySize") == height;
        if (!whole) {
            throw new IOException(where + " takes " + rectangle + " x " + r.getAttribute("xOff") + ", y "
                    + r.getAttribute("yOff") + ", " + r.getAttribute("xSize") + " x " + r.getAttribute("ySize")
                    + " of a " + width + " x " + height + " raster: its files are not on one grid, which Meander"
                    + " reads only as one GeoTIFF; " + CONVERT);
        }
    }

    private static double number(Element element, String attribute) {
        try {
            return Double.parseDouble(element.getAttribute(attribute));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static int size(Path file, Element root, String attribute) throws IOException {
        try {
            int size = Integer.parseInt(root.getAttribute(attribute));
            if (size > 0) {
                return size;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IOException(file + ": <VRTDataset " + attribute + "=\"" + root.getAttribute(attribute) + "\"> is"
                + " not a size in pixels");
    }

    private static OptionalDouble parse(String value) {
        try {
            return OptionalDouble.of(Double.parseDouble(value.equalsIgnoreCase("nan") ? "NaN" : value));
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    private static Element only(String where, Element parent, String tag) throws IOException {
        List<Element> found = children(parent, tag);
        if (found.size() != 1) {
            throw new IOException(where + ": its source has " + found.size() + " <" + tag + ">, where one is"
                    + " needed");
        }
        return found.get(0);
    }

    private static String text(Element parent, String tag) {
        List<Element> found = children(parent, tag);
        return found.isEmpty() ? "" : found.get(0).getTextContent().strip();
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element element && element.getTagName().equals(tag)) {
                found.add(element);
            }
        }
        return found;
    }
}
