package org.meander.testing;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.MultiPixelPackedSampleModel;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.plugins.tiff.TIFFImageReadParam;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.meander.project.raster.tiff.PlainComponents;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Multi-band rasters written the way GIS tools write them: TIFF of any number of 8-, 16-bit or floating-point bands,
 * striped or tiled,
 * with GeoTIFF fields when asked; written through ImageIO's TIFF metadata tree directly, not through Meander.
 */
public final class TestRasters {

    /** A sample value for each pixel and band. */
    public interface Samples {
        int value(int x, int y, int band);
    }

    /** Where an image holds data, for its nodata mask. */
    public interface Coverage {
        boolean holdsData(int x, int y);
    }

    /** A floating-point sample value for each pixel and band. */
    public interface FloatSamples {
        float value(int x, int y, int band);
    }

    /** A field to write: tag number, ImageIO's array kind ("TIFFDoubles", ...) and values. */
    public record Field(int number, String kind, String... values) {
    }

    private static final int NEW_SUBFILE_TYPE = 254;
    private static final int PHOTOMETRIC = 262;
    private static final int TRANSPARENCY_MASK = 4;

    private TestRasters() {
    }

    /** The samples as a raster of {@code bands} bands of {@code bits} (8 or 16) bits. */
    public static WritableRaster raster(int width, int height, int bands, int bits, Samples samples) {
        WritableRaster raster = Raster.createInterleavedRaster(
                bits == 16 ? java.awt.image.DataBuffer.TYPE_USHORT : java.awt.image.DataBuffer.TYPE_BYTE,
                width, height, bands, null);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int b = 0; b < bands; b++) {
                    raster.setSample(x, y, b, samples.value(x, y, b));
                }
            }
        }
        return raster;
    }

    /** The samples as a raster of {@code bands} bands of 32-bit floating-point numbers, as reflectance maps hold. */
    public static WritableRaster floatRaster(int width, int height, int bands, FloatSamples samples) {
        int[] offsets = new int[bands];
        for (int b = 0; b < bands; b++) {
            offsets[b] = b;
        }
        // Raster.createInterleavedRaster makes bytes and shorts only
        WritableRaster raster = Raster.createWritableRaster(new PixelInterleavedSampleModel(DataBuffer.TYPE_FLOAT,
                width, height, bands, width * bands, offsets), null);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int b = 0; b < bands; b++) {
                    raster.setSample(x, y, b, samples.value(x, y, b));
                }
            }
        }
        return raster;
    }

    /**
     * Writes the raster as a TIFF: striped when {@code tile} is 0, else in tiles of that size (a multiple of 16).
     */
    public static Path tiff(Path file, WritableRaster raster, int tile, List<Field> fields) throws IOException {
        return tiff(file, raster, tile, fields, null);
    }

    /** As {@link #tiff(Path, WritableRaster, int, List)}, compressed as ImageIO names it ("LZW", ...), or not. */
    public static Path tiff(Path file, WritableRaster raster, int tile, List<Field> fields, String compression)
            throws IOException {
        return tiff(file, List.of(new Page(raster, fields)), tile, compression);
    }

    /**
     * One image of a TIFF and the fields written with it (NewSubfileType, 254, says an overview or a mask); with
     * {@code alpha}, four 8- or 16-bit bands are written as GDAL writes an RGBA orthomosaic: RGB, the fourth band
     * unassociated alpha (ExtraSamples 2).
     */
    public record Page(WritableRaster raster, List<Field> fields, boolean alpha) {

        public Page(WritableRaster raster, List<Field> fields) {
            this(raster, fields, false);
        }
    }

    /**
     * GDAL's internal nodata mask of an image of this size (of one of its overviews, {@code ofOverview}) as a page: one
     * bit a pixel, 1 where the image holds data, NewSubfileType 4 (5: reduced resolution and mask) and, as
     * {@link #tiff(Path, List, int, String)} writes it, PhotometricInterpretation 4 (transparency mask).
     */
    public static Page mask(int width, int height, boolean ofOverview, Coverage coverage) {
        WritableRaster bits = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY).getRaster();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                bits.setSample(x, y, 0, coverage.holdsData(x, y) ? 1 : 0);
            }
        }
        return new Page(bits, List.of(new Field(NEW_SUBFILE_TYPE, "TIFFLongs", ofOverview ? "5" : "4")));
    }

    /** Four 8- or 16-bit bands as an RGBA TIFF (ExtraSamples 2, unassociated alpha), striped. */
    public static Path rgbaTiff(Path file, WritableRaster raster) throws IOException {
        return tiff(file, List.of(new Page(raster, List.of(), true)), 0, null);
    }

    /**
     * The pages as the directories of one TIFF, in order, striped or tiled as {@link #tiff(Path, WritableRaster, int,
     * List)} writes one. A {@link #mask} page is compressed as GDAL compresses a mask: as the image, but with Deflate
     * where the image has JPEG.
     */
    public static Path tiff(Path file, List<Page> pages, int tile, String compression) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (Page page : pages) {
                ColorModel colours = page.alpha() ? new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB),
                        true, false, Transparency.TRANSLUCENT, page.raster().getDataBuffer().getDataType())
                        : colourModel(page.raster());
                BufferedImage image = new BufferedImage(colours, page.raster(), false, null);
                ImageWriteParam param = writer.getDefaultWriteParam();
                if (tile > 0) {
                    param.setTilingMode(ImageWriteParam.MODE_EXPLICIT);
                    param.setTiling(tile, tile, 0, 0);
                }
                if (compression != null) {
                    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                    param.setCompressionType(isMask(page) && compression.equals("JPEG") ? "ZLib" : compression);
                }
                IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), param);
                String format = metadata.getNativeMetadataFormatName();
                IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(format);
                IIOMetadataNode ifd = (IIOMetadataNode) root.getElementsByTagName("TIFFIFD").item(0);
                for (Field field : page.fields()) {
                    IIOMetadataNode node = new IIOMetadataNode("TIFFField");
                    node.setAttribute("number", Integer.toString(field.number()));
                    IIOMetadataNode array = new IIOMetadataNode(field.kind());
                    for (String value : field.values()) {
                        IIOMetadataNode element = new IIOMetadataNode(field.kind().substring(0,
                                field.kind().length() - 1));
                        element.setAttribute("value", value);
                        array.appendChild(element);
                    }
                    node.appendChild(array);
                    ifd.appendChild(node);
                }
                metadata.mergeTree(format, root);
                writer.writeToSequence(new IIOImage(image, null, metadata), param);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        markMasks(file, pages);
        return file;
    }

    private static boolean isMask(Page page) {
        return page.raster().getSampleModel() instanceof MultiPixelPackedSampleModel;
    }

    /**
     * Java's TIFF writer calls a one-bit image BlackIsZero whatever its metadata says: the directories of the mask
     * pages get GDAL's PhotometricInterpretation 4 (transparency mask) in the file itself.
     */
    private static void markMasks(Path file, List<Page> pages) throws IOException {
        for (int page = 0; page < pages.size(); page++) {
            if (isMask(pages.get(page))) {
                setShortField(file, page, PHOTOMETRIC, TRANSPARENCY_MASK);
            }
        }
    }

    /**
     * Sets the value of a field of one SHORT value (Compression, PhotometricInterpretation, ...) in directory
     * {@code page} (0 the first) of a classic TIFF, in the file itself.
     */
    public static void setShortField(Path file, int page, int tag, int value) throws IOException {
        ByteBuffer tiff = ByteBuffer.wrap(Files.readAllBytes(file));
        tiff.order(tiff.get(0) == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        int directory = tiff.getInt(4);
        for (int i = 0; i < page; i++) {
            directory = tiff.getInt(directory + 2 + (tiff.getShort(directory) & 0xffff) * 12);
        }
        int entries = tiff.getShort(directory) & 0xffff;
        for (int entry = directory + 2; entry < directory + 2 + entries * 12; entry += 12) {
            if (tiff.getShort(entry) == tag) {
                tiff.putShort(entry + 8, (short) value);
                Files.write(file, tiff.array());
                return;
            }
        }
        throw new IllegalArgumentException("no field " + tag + " in directory " + page + " of " + file);
    }

    /** The values of every field of a TIFF's first directory, by tag number, read with unknown tags kept. */
    public static Map<Integer, List<String>> fields(Path file) throws IOException {
        return fields(file, 0);
    }

    /** The values of every field of a TIFF's directory {@code page} (0 first), by tag number. */
    public static Map<Integer, List<String>> fields(Path file, int page) throws IOException {
        ImageReader reader = ImageIO.getImageReadersByFormatName("tiff").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            reader.setInput(in);
            TIFFImageReadParam param = new TIFFImageReadParam();
            param.setReadUnknownTags(true);
            reader.read(page, param);
            Node ifd = reader.getImageMetadata(page).getAsTree("javax_imageio_tiff_image_1.0").getFirstChild();
            Map<Integer, List<String>> fields = new TreeMap<>();
            for (Node field = ifd.getFirstChild(); field != null; field = field.getNextSibling()) {
                List<String> values = new ArrayList<>();
                for (Node array = field.getFirstChild(); array != null; array = array.getNextSibling()) {
                    for (Node value = array.getFirstChild(); value != null; value = value.getNextSibling()) {
                        values.add(((Element) value).getAttribute("value"));
                    }
                }
                fields.put(Integer.parseInt(((Element) field).getAttribute("number")), values);
            }
            return fields;
        } finally {
            reader.dispose();
        }
    }

    /** The first band's samples of a TIFF's directory {@code page} (0 first), row by row. */
    public static byte[] page(Path file, int page) throws IOException {
        ImageReader reader = ImageIO.getImageReadersByFormatName("tiff").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            reader.setInput(in);
            Raster read = reader.read(page).getRaster();
            int[] samples = read.getSamples(0, 0, read.getWidth(), read.getHeight(), 0, (int[]) null);
            byte[] out = new byte[samples.length];
            for (int i = 0; i < samples.length; i++) {
                out[i] = (byte) samples[i];
            }
            return out;
        } finally {
            reader.dispose();
        }
    }

    /**
     * GDAL's metadata field naming the bands, band 1 first, as GDAL 3.6 writes band descriptions (read back from a
     * file gdal_translate wrote from a VRT's {@code <Description>}s); an empty name is left out.
     */
    public static Field bandNames(String... names) {
        StringBuilder xml = new StringBuilder("<GDALMetadata>\n");
        for (int band = 0; band < names.length; band++) {
            if (!names[band].isEmpty()) {
                xml.append("  <Item name=\"DESCRIPTION\" sample=\"").append(band).append("\" role=\"description\">")
                        .append(names[band]).append("</Item>\n");
            }
        }
        return new Field(42112, "TIFFAsciis", xml.append("</GDALMetadata>\n").toString());
    }

    /** UTM-style georeferencing: pixel size 0.5 m, top left pixel at (500000, 4000000), with GDAL's nodata. */
    public static List<Field> georeferencing() {
        return georeferencing(0.5, 500000, 4000000, 32610);
    }

    /**
     * North-up georeferencing in projected CRS {@code epsg}: square pixels of {@code pixelSize}, the top left corner
     * of the top left pixel at ({@code x}, {@code y}), with GDAL's nodata 0.
     */
    public static List<Field> georeferencing(double pixelSize, double x, double y, int epsg) {
        return List.of(
                new Field(33550, "TIFFDoubles", Double.toString(pixelSize), Double.toString(pixelSize), "0.0"),
                new Field(33922, "TIFFDoubles", "0.0", "0.0", "0.0", Double.toString(x), Double.toString(y), "0.0"),
                new Field(34735, "TIFFShorts", "1", "1", "0", "3", "1024", "0", "1", "1", "1025", "0", "1", "1",
                        "3072", "0", "1", Integer.toString(epsg)),
                new Field(34737, "TIFFAsciis", "EPSG:" + epsg + "|"),
                new Field(42113, "TIFFAsciis", "0"));
    }

    /**
     * Black and white for one bit a pixel, gray for one band, RGB for three 8-bit bands, otherwise a colour space of
     * as many plain components.
     */
    private static ColorModel colourModel(Raster raster) {
        if (raster.getSampleModel() instanceof MultiPixelPackedSampleModel) {
            return new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_BINARY).getColorModel();
        }
        int bands = raster.getNumBands();
        int type = raster.getDataBuffer().getDataType();
        ColorSpace space = bands == 1 ? ColorSpace.getInstance(ColorSpace.CS_GRAY)
                : bands == 3 && type == java.awt.image.DataBuffer.TYPE_BYTE ? ColorSpace.getInstance(ColorSpace.CS_sRGB)
                : new PlainComponents(bands);
        return new ComponentColorModel(space, false, false, Transparency.OPAQUE, type);
    }
}
