package org.meander.project.raster.tiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * A JPEG block whose tables are kept once for all blocks in the directory's JPEGTables field, as GDAL and libtiff
 * write them, decodes to the samples of the whole JPEG it was cut from.
 */
class JpegBlocksTest {

    private static final int DQT = 0xdb;
    private static final int DHT = 0xc4;

    @Test
    void aBlockAndTheSharedTablesDecodeAsTheWholeJpeg() throws IOException {
        BufferedImage picture = new BufferedImage(48, 32, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 48; x++) {
                picture.setRGB(x, y, (x * 5) << 16 | (y * 7) << 8 | (x * y) & 0xff);
            }
        }
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(picture, "jpeg", jpeg);
        byte[] whole = jpeg.toByteArray();

        ByteArrayOutputStream tables = new ByteArrayOutputStream();
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        tables.write(whole, 0, 2);
        block.write(whole, 0, 2);
        // the segments up to the scan: tables to one stream, everything else (frame, JFIF) to the block
        int at = 2;
        while ((whole[at + 1] & 0xff) != 0xda) {
            int length = ((whole[at + 2] & 0xff) << 8 | whole[at + 3] & 0xff) + 2;
            int marker = whole[at + 1] & 0xff;
            (marker == DQT || marker == DHT ? tables : block).write(whole, at, length);
            at += length;
        }
        block.write(whole, at, whole.length - at);
        tables.write(0xff);
        tables.write(0xd9);

        int[] expected = ImageIO.read(new ByteArrayInputStream(whole)).getRaster()
                .getPixels(0, 0, 48, 32, (int[]) null);
        byte[] decoded = JpegBlocks.decode(tables.toByteArray(), block.toByteArray(), 48, 32, 3);
        int[] actual = new int[decoded.length];
        for (int i = 0; i < decoded.length; i++) {
            actual[i] = decoded[i] & 0xff;
        }
        assertArrayEquals(expected, actual);
    }
}
