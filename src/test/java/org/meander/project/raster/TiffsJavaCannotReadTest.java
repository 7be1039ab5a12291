package org.meander.project.raster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meander.project.StrictImage;
import org.meander.testing.GdalStyleFloatTiff;
import org.meander.testing.GdalStyleTiff;
import org.meander.testing.TestRasters;

/**
 * TIFFs GDAL writes on request that Java's TIFF reader cannot decode (a BigTIFF; horizontal differencing on 16-bit
 * samples; the floating-point predictor) are read, window by window and whole, by Meander's own reader, as every
 * floating-point TIFF is; what that cannot decode either is refused with what to do, not called damaged (as Java's
 * reader had it) or no image at all.
 */
class TiffsJavaCannotReadTest {

    @TempDir
    Path folder;

    @Test
    void aClassicTiffWithSixteenBitDifferencingIsRead() throws IOException {
        assertReadWindowByWindowAndWhole(Files.write(folder.resolve("multispectral.tif"),
                GdalStyleTiff.write(64, 48, false)));
    }

    @Test
    void aBigTiffIsRead() throws IOException {
        assertReadWindowByWindowAndWhole(Files.write(folder.resolve("orthomosaic.tif"),
                GdalStyleTiff.write(64, 48, true)));
    }

    @Test
    void whatNeitherReaderDecodesIsNamedWithTheWayOut() throws IOException {
        for (boolean big : new boolean[] {false, true}) {
            byte[] content = GdalStyleTiff.write(64, 48, big);
            // the Compression field's value, in the 4th field after the header and the field count: LERC, 34887
            int value = big ? 16 + 8 + 3 * 20 + 12 : 8 + 2 + 3 * 12 + 8;
            content[value] = (byte) 0x47;
            content[value + 1] = (byte) 0x88;
            Path file = Files.write(folder.resolve(big + ".tif"), content);
            IOException error = assertThrows(IOException.class, () -> RasterFile.open(file));
            assertTrue(error.getMessage().startsWith(file + ": compressed with LERC (TIFF compression 34887), which"
                    + " Meander cannot decode"), error.getMessage());
            assertTrue(error.getMessage().contains("gdal_translate -co COMPRESS=DEFLATE"), error.getMessage());
            IOException whole = assertThrows(IOException.class, () -> StrictImage.decode(content));
            assertTrue(whole.getMessage().startsWith("compressed with LERC"), whole.getMessage());
        }
    }

    /** The same samples compressed without a predictor, which Java's reader decodes, still read. */
    @Test
    void sixteenBitSamplesWithoutAPredictorStillRead() throws IOException {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_USHORT_GRAY);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                image.getRaster().setSample(x, y, 0, x * 1000 + y);
            }
        }
        Path file = folder.resolve("plain.tif");
        ImageFiles.tiff(file, image, Optional.empty());
        try (RasterFile raster = RasterFile.open(file)) {
            assertEquals(16, raster.bitsPerSample());
            assertEquals(5 * 1000 + 7, raster.read(new Rectangle(0, 0, 64, 48)).getSample(5, 7, 0));
        }
    }

    @Test
    void aFloatTiffWithTheFloatingPointPredictorIsDecodedWhole() throws IOException {
        BufferedImage image = StrictImage.decode(GdalStyleFloatTiff.write(GdalStyleFloatTiff.Layout.of(64, 48, 4)));
        Raster raster = image.getRaster();
        assertEquals(DataBuffer.TYPE_FLOAT, raster.getDataBuffer().getDataType());
        for (int b = 0; b < 4; b++) {
            assertEquals((float) GdalStyleFloatTiff.value(63, 47, b), raster.getSampleFloat(63, 47, b));
            assertTrue(Float.isNaN(raster.getSampleFloat(3, 2, b)));
        }
    }

    /** Java's reader decodes a float TIFF without a predictor, but every float TIFF goes to Meander's, one way. */
    @Test
    void everyFloatTiffIsLeftToTheOwnReader() throws IOException {
        WritableRaster floats = Raster.createWritableRaster(new PixelInterleavedSampleModel(DataBuffer.TYPE_FLOAT,
                64, 48, 1, 64, new int[] {0}), null);
        WritableRaster integers = Raster.createInterleavedRaster(DataBuffer.TYPE_USHORT, 64, 48, 1, null);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                floats.setSample(x, y, 0, x * 0.01f + y);
                integers.setSample(x, y, 0, x * 1000 + y);
            }
        }
        assertTrue(TiffLimits.needsOwnReader(metadata(TestRasters.tiff(folder.resolve("reflectance.tif"), floats, 0,
                List.of(), "Deflate"))));
        assertFalse(TiffLimits.needsOwnReader(metadata(TestRasters.tiff(folder.resolve("counts.tif"), integers, 0,
                List.of(), "Deflate"))));
    }

    private static IIOMetadata metadata(Path file) throws IOException {
        ImageReader reader = ImageIO.getImageReadersByFormatName("tiff").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            reader.setInput(in);
            return reader.getImageMetadata(0);
        } finally {
            reader.dispose();
        }
    }

    /** Pixel (x, y) of GdalStyleTiff's images holds x * 1000 + y. */
    private static void assertReadWindowByWindowAndWhole(Path file) throws IOException {
        try (RasterFile raster = RasterFile.open(file)) {
            assertEquals(64, raster.width());
            assertEquals(48, raster.height());
            assertEquals(1, raster.bandCount());
            assertEquals(16, raster.bitsPerSample());
            assertTrue(raster.integerSamples());
            Raster window = raster.read(new Rectangle(10, 20, 30, 25));
            assertEquals(30, window.getWidth());
            assertEquals(11 * 1000 + 22, window.getSample(1, 2, 0));
            Raster coarse = raster.readSubsampled(4);
            assertEquals(16, coarse.getWidth());
            assertEquals(8 * 1000 + 12, coarse.getSample(2, 3, 0));
        }
        BufferedImage whole = StrictImage.decode(Files.readAllBytes(file));
        assertEquals(64, whole.getWidth());
        assertEquals(63 * 1000 + 47, whole.getRaster().getSample(63, 47, 0));
    }
}
