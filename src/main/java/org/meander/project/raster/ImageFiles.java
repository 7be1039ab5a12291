package org.meander.project.raster;

import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.plugins.tiff.BaselineTIFFTagSet;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.plugins.tiff.TIFFField;
import javax.imageio.plugins.tiff.TIFFTag;
import org.meander.weights.AtomicFile;

/**
 * Images written atomically (a temporary file renamed into place) and straight to disk, whatever their size: the
 * writers pull the image a region at a time, which a {@link RegionImage} computes on demand.
 */
public final class ImageFiles {

    /** Tiles of 256 x 256 pixels, as GDAL writes tiled GeoTIFFs: any window can be read without reading whole rows. */
    private static final int TIFF_TILE = 256;

    private ImageFiles() {
    }

    /** A tiled, zlib-compressed TIFF, with the georeferencing fields when given (a GeoTIFF). */
    public static void tiff(Path file, RenderedImage image, Optional<Georeferencing> georeferencing)
            throws IOException {
        tiff(file, image, Optional.empty(), georeferencing);
    }

    /**
     * A tiled, zlib-compressed TIFF, followed, when given, by a one-bit image of the same size that says which pixels
     * hold data (1) and which hold none (0): GDAL's internal nodata mask, a second directory of subfile type 4 and
     * photometric interpretation 4 (a transparency mask), which GDAL and QGIS read as the image's mask.
     */
    public static void tiff(Path file, RenderedImage image, Optional<RenderedImage> noDataMask,
            Optional<Georeferencing> georeferencing) throws IOException {
        ImageWriter writer = writer("tiff");
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setTilingMode(ImageWriteParam.MODE_EXPLICIT);
            param.setTiling(TIFF_TILE, TIFF_TILE, 0, 0);
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionType("ZLib"); // Adobe Deflate, compression 8: what GDAL and libtiff write
            IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), param);
            if (georeferencing.isPresent()) {
                IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(TiffField.TIFF_FORMAT);
                georeferencing.get().addPlacementTo(root);
                metadata.mergeTree(TiffField.TIFF_FORMAT, root);
            }
            AtomicFile.replace(file, channel -> {
                try (ChannelImageOutput out = new ChannelImageOutput(channel)) {
                    writer.setOutput(out);
                    if (noDataMask.isEmpty()) {
                        writer.write(null, new IIOImage(image, null, metadata), param);
                        return;
                    }
                    writer.prepareWriteSequence(null);
                    writer.writeToSequence(new IIOImage(image, null, metadata), param);
                    writer.writeToSequence(new IIOImage(noDataMask.get(), null,
                            maskMetadata(writer, noDataMask.get(), param)), param);
                    writer.endWriteSequence();
                }
            });
        } finally {
            writer.dispose();
        }
    }

    private static IIOMetadata maskMetadata(ImageWriter writer, RenderedImage mask, ImageWriteParam param)
            throws IIOInvalidTreeException {
        TIFFDirectory directory = TIFFDirectory.createFromMetadata(
                writer.getDefaultImageMetadata(new ImageTypeSpecifier(mask), param));
        BaselineTIFFTagSet baseline = BaselineTIFFTagSet.getInstance();
        directory.addTIFFField(new TIFFField(baseline.getTag(BaselineTIFFTagSet.TAG_NEW_SUBFILE_TYPE),
                TIFFTag.TIFF_LONG, 1, new long[] {BaselineTIFFTagSet.NEW_SUBFILE_TYPE_TRANSPARENCY}));
        directory.addTIFFField(new TIFFField(baseline.getTag(BaselineTIFFTagSet.TAG_PHOTOMETRIC_INTERPRETATION),
                TIFFTag.TIFF_SHORT, 1,
                new char[] {(char) BaselineTIFFTagSet.PHOTOMETRIC_INTERPRETATION_TRANSPARENCY_MASK}));
        return directory.getAsMetadata();
    }

    /** A PNG file. */
    public static void png(Path file, RenderedImage image) throws IOException {
        ImageWriter writer = writer("png");
        try {
            AtomicFile.replace(file, channel -> {
                try (ChannelImageOutput out = new ChannelImageOutput(channel)) {
                    writer.setOutput(out);
                    writer.write(image);
                }
            });
        } finally {
            writer.dispose();
        }
    }

    /** A PNG in memory: for tiles, small enough to hold, written through the project's own atomic write. */
    public static byte[] pngBytes(RenderedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("this Java runtime has no PNG writer (javax.imageio); Meander needs a full JDK");
        }
        return out.toByteArray();
    }

    private static ImageWriter writer(String format) throws IOException {
        var writers = ImageIO.getImageWritersByFormatName(format);
        if (!writers.hasNext()) {
            throw new IOException("this Java runtime has no " + format.toUpperCase(java.util.Locale.ROOT)
                    + " writer (javax.imageio); Meander needs a full JDK 17");
        }
        return writers.next();
    }
}
