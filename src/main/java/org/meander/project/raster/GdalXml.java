package org.meander.project.raster;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A parser for the XML GDAL writes (a TIFF's band metadata, a virtual raster, a JPEG 2000 file's GML): no document
 * types or outside entities, which a file from elsewhere could use against the reader, and silent, since what is wrong
 * is said by the caller.
 */
public final class GdalXml {

    private GdalXml() {
    }

    public static DocumentBuilder parser() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(new DefaultHandler()); // its default prints to stderr before throwing
        return builder;
    }
}
