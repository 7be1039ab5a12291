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
import javax.imageio.metadata.IIOMetadataNode;
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
                georeferencing.get().addTo(root);
                metadata.mergeTree(TiffField.TIFF_FORMAT, root);
            }
            AtomicFile.replace(file, channel -> {
                try (ChannelImageOutput out = new ChannelImageOutput(channel)) {
                    writer.setOutput(out);
                    writer.write(null, new IIOImage(image, null, metadata), param);
                }
            });
        } finally {
            writer.dispose();
        }
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
