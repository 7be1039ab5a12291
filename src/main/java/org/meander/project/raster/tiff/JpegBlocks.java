package org.meander.project.raster.tiff;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Blocks compressed with JPEG (TIFF compression 7): each block is a JPEG stream whose tables may be shared from the
 * directory's JPEGTables field. The tables go in front of the block's data, as one stream, for ImageIO's JPEG reader,
 * which also turns YCbCr into RGB as it does for any JPEG; a grey block stays grey.
 */
final class JpegBlocks {

    private JpegBlocks() {
    }

    /** The block's 8-bit samples, interleaved, {@code width} x {@code rows} of them for each of {@code bands}. */
    static byte[] decode(byte[] tables, byte[] block, int width, int rows, int bands) throws IOException {
        BufferedImage image;
        List<String> warnings = new ArrayList<>();
        ImageReader reader = ImageIO.getImageReadersByFormatName("jpeg").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(stream(tables, block)))) {
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            reader.setInput(in, true, true);
            image = reader.read(0);
        } catch (IOException | RuntimeException e) {
            throw new IOException("a JPEG block that does not decode (" + e.getMessage() + ")", e);
        } finally {
            reader.dispose();
        }
        if (!warnings.isEmpty()) {
            throw new IOException("a damaged JPEG block (" + warnings.get(0) + ")");
        }
        Raster raster = image.getRaster();
        if (raster.getNumBands() != bands || raster.getWidth() < width || raster.getHeight() < rows) {
            throw new IOException("a JPEG block of " + raster.getWidth() + " x " + raster.getHeight() + " pixels and "
                    + raster.getNumBands() + " bands where the directory says " + width + " x " + rows + " and "
                    + bands);
        }
        int[] samples = raster.getPixels(0, 0, width, rows, (int[]) null);
        byte[] values = new byte[samples.length];
        for (int i = 0; i < samples.length; i++) {
            values[i] = (byte) samples[i];
        }
        return values;
    }

    /** The tables without their end marker, then the block without its start marker: one JPEG stream. */
    private static byte[] stream(byte[] tables, byte[] block) {
        if (tables == null || tables.length < 4) {
            return block;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(tables.length + block.length);
        out.write(tables, 0, tables.length - 2);
        out.write(block, 2, block.length - 2);
        return out.toByteArray();
    }
}
