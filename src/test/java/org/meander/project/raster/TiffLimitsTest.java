package org.meander.project.raster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meander.project.StrictImage;
import org.meander.testing.GdalStyleTiff;

/**
 * TIFFs GDAL writes on request and Java's TIFF reader cannot decode are refused up front with what to do, not called
 * damaged (as the reader's own error had it) or not an image at all.
 */
class TiffLimitsTest {

    @TempDir
    Path folder;

    @Test
    void aPredictorOn16BitSamplesIsNamedWithTheWayOut() throws IOException {
        Path file = Files.write(folder.resolve("multispectral.tif"), GdalStyleTiff.write(64, 48, false));
        IOException error = assertThrows(IOException.class, () -> RasterFile.open(file));
        assertTrue(error.getMessage().startsWith(file + ": compressed with horizontal differencing (predictor 2)"
                + " on 16-bit samples, which Java's TIFF reader cannot undo"), error.getMessage());
        assertTrue(error.getMessage().contains("gdal_translate -co COMPRESS=DEFLATE -co PREDICTOR=1"),
                error.getMessage());

        IOException whole = assertThrows(IOException.class, () -> StrictImage.decode(Files.readAllBytes(file)));
        assertTrue(whole.getMessage().startsWith("compressed with horizontal differencing"), whole.getMessage());
    }

    @Test
    void aBigTiffIsNamedWithTheWayOut() throws IOException {
        Path file = Files.write(folder.resolve("orthomosaic.tif"), GdalStyleTiff.write(64, 48, true));
        IOException error = assertThrows(IOException.class, () -> RasterFile.open(file));
        assertTrue(error.getMessage().startsWith(file + ": a BigTIFF, which Java's TIFF reader cannot read"),
                error.getMessage());
        assertTrue(error.getMessage().contains("-co BIGTIFF=NO"), error.getMessage());

        IOException whole = assertThrows(IOException.class, () -> StrictImage.decode(Files.readAllBytes(file)));
        assertTrue(whole.getMessage().startsWith("a BigTIFF"), whole.getMessage());
    }

    /** The same samples compressed without a predictor, which the reader decodes, are read as before. */
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
}
