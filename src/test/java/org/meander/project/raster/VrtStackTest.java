package org.meander.project.raster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meander.testing.TestRasters;

/**
 * A GDAL virtual raster stacking a satellite scene's band files (one band to a file, as Landsat and Sentinel-2 come),
 * as {@code gdalbuildvrt -separate} writes it, reads as one raster of those bands; what else a VRT can say is refused,
 * named.
 */
class VrtStackTest {

    private static final int WIDTH = 70;
    private static final int HEIGHT = 45;

    @TempDir
    Path temp;

    /** Band file {@code band}: 16-bit, georeferenced, its samples 1000 times its number plus x. */
    private Path bandFile(String name, int band) throws IOException {
        return TestRasters.tiff(temp.resolve(name), TestRasters.raster(WIDTH, HEIGHT, 1, 16,
                (x, y, b) -> 1000 * band + x + y), 16, TestRasters.georeferencing());
    }

    /** A VRT as gdalbuildvrt -separate writes it, with the bands' descriptions and colours given. */
    private Path vrt(String name, String... bands) throws IOException {
        StringBuilder xml = new StringBuilder("<VRTDataset rasterXSize=\"" + WIDTH + "\" rasterYSize=\"" + HEIGHT
                + "\">\n  <SRS>PROJCS[\"WGS 84 / UTM zone 10N\"]</SRS>\n"
                + "  <GeoTransform>5.0e+05, 0.5, 0, 4.0e+06, 0, -0.5</GeoTransform>\n");
        for (int b = 0; b < bands.length; b++) {
            xml.append("  <VRTRasterBand dataType=\"UInt16\" band=\"").append(b + 1).append("\">\n")
                    .append(bands[b]).append("  </VRTRasterBand>\n");
        }
        return Files.writeString(temp.resolve(name), xml.append("</VRTDataset>\n"));
    }

    private static String band(String file, String extra) {
        return extra + "    <ComplexSource>\n      <SourceFilename relativeToVRT=\"1\">" + file + "</SourceFilename>\n"
                + "      <SourceBand>1</SourceBand>\n      <SrcRect xOff=\"0\" yOff=\"0\" xSize=\"" + WIDTH
                + "\" ySize=\"" + HEIGHT + "\" />\n      <DstRect xOff=\"0\" yOff=\"0\" xSize=\"" + WIDTH
                + "\" ySize=\"" + HEIGHT + "\" />\n    </ComplexSource>\n";
    }

    @Test
    void theBandFilesReadAsOneRasterInTheStacksOrder() throws IOException {
        bandFile("B2.tif", 2);
        bandFile("B3.tif", 3);
        bandFile("B4.tif", 4);
        bandFile("B8.tif", 8);
        Path stack = vrt("scene.vrt", band("B4.tif", "    <Description>Red</Description>\n"),
                band("B3.tif", "    <Description>Green</Description>\n"), band("B2.tif", ""),
                band("B8.tif", "    <Description>NIR</Description>\n"));

        try (RasterFile raster = RasterFile.open(stack)) {
            assertEquals(WIDTH, raster.width());
            assertEquals(4, raster.bandCount());
            assertEquals(new SampleFormat(16, false), raster.sampleFormat());
            assertEquals(List.of("Red", "Green", "", "NIR"), raster.bandNames().names());
            assertEquals(OptionalInt.of(4), BandChoice.of(raster.bandNames()).nearInfrared());
            assertTrue(raster.georeferencing().isPresent(), "the band files' place on the map");
            Raster window = raster.read(new Rectangle(10, 5, 30, 20));
            for (int b = 0; b < 4; b++) {
                assertEquals(1000 * List.of(4, 3, 2, 8).get(b) + 10 + 5, window.getSample(0, 0, b), "band " + b);
                assertEquals(1000 * List.of(4, 3, 2, 8).get(b) + 39 + 24, window.getSample(29, 19, b), "band " + b);
            }
            assertEquals(4, raster.readOverview().pixels().getNumBands());
        }
    }

    @Test
    void bandsOfOneFileAreReadFromIt() throws IOException {
        TestRasters.tiff(temp.resolve("rgb.tif"), TestRasters.raster(WIDTH, HEIGHT, 3, 8, (x, y, b) -> 10 * b + x),
                0, List.of());
        Path stack = vrt("bgr.vrt", band("rgb.tif", "").replace("<SourceBand>1", "<SourceBand>3")
                .replace("UInt16", "Byte"), band("rgb.tif", "").replace("<SourceBand>1", "<SourceBand>2"),
                band("rgb.tif", "").replace("<SourceBand>1", "<SourceBand>1"));
        try (RasterFile raster = RasterFile.open(stack)) {
            Raster window = raster.read(new Rectangle(0, 0, 5, 5));
            assertEquals(20 + 3, window.getSample(3, 0, 0));
            assertEquals(10 + 3, window.getSample(3, 0, 1));
            assertEquals(3, window.getSample(3, 0, 2));
        }
    }

    @Test
    void aMosaicIsRefusedWithWhatToDo() throws IOException {
        bandFile("west.tif", 1);
        bandFile("east.tif", 1);
        Path mosaic = vrt("mosaic.vrt", band("west.tif", "") + band("east.tif", "")); // one band, two sources
        IOException error = assertThrows(IOException.class, () -> RasterFile.open(mosaic));
        assertEquals(mosaic + ": band 1 takes its pixels from 2 sources (a mosaic, or none), where Meander reads one"
                + " file's band per band; make a GeoTIFF of it (gdal_translate IN.vrt OUT.tif) and give that",
                error.getMessage());
    }

    @Test
    void bandFilesNotOnOneGridAreRefused() throws IOException {
        bandFile("B4.tif", 4);
        Path shifted = vrt("shifted.vrt", band("B4.tif", "").replace("<DstRect xOff=\"0\"",
                "<DstRect xOff=\"12\""));
        IOException error = assertThrows(IOException.class, () -> RasterFile.open(shifted));
        assertTrue(error.getMessage().startsWith(shifted + ": band 1 takes DstRect x 12, y 0, 70 x 45 of a 70 x 45"
                + " raster: its files are not on one grid"), error.getMessage());
    }

    @Test
    void aMissingBandFileIsNamed() throws IOException {
        Path stack = vrt("scene.vrt", band("B4.tif", ""));
        IOException error = assertThrows(IOException.class, () -> RasterFile.open(stack));
        assertTrue(error.getMessage().startsWith(temp.resolve("B4.tif") + ": "), error.getMessage());
    }

    @Test
    void aDamagedBandFileIsNamedWhenItsPixelsAreRead() throws IOException {
        Path b4 = bandFile("B4.tif", 4);
        Path stack = vrt("scene.vrt", band("B4.tif", ""));
        try (RasterFile raster = RasterFile.open(stack)) {
            byte[] bytes = Files.readAllBytes(b4);
            Files.write(b4, java.util.Arrays.copyOf(bytes, bytes.length / 2)); // cut short after it was opened
            IOException error = assertThrows(IOException.class, () -> raster.read(new Rectangle(0, 0, WIDTH,
                    HEIGHT)));
            assertTrue(error.getMessage().startsWith(stack + ": "), error.getMessage());
            assertTrue(error.getMessage().contains("(" + b4 + ": "), error.getMessage());
        }
    }

    @Test
    void bandFilesOfAnotherSizeOrKindAreRefused() throws IOException {
        bandFile("B4.tif", 4);
        TestRasters.tiff(temp.resolve("small.tif"), TestRasters.raster(20, 20, 1, 16, (x, y, b) -> 1), 0, List.of());
        TestRasters.tiff(temp.resolve("bytes.tif"), TestRasters.raster(WIDTH, HEIGHT, 1, 8, (x, y, b) -> 1), 0,
                List.of());
        Path small = vrt("small.vrt", band("B4.tif", ""), band("small.tif", ""));
        Path mixed = vrt("mixed.vrt", band("B4.tif", ""), band("bytes.tif", ""));

        IOException wrongSize = assertThrows(IOException.class, () -> RasterFile.open(small));
        assertTrue(wrongSize.getMessage().contains("band 2 (" + temp.resolve("small.tif") + ") is 20 x 20 pixels,"
                + " not the stack's 70 x 45"), wrongSize.getMessage());
        IOException wrongKind = assertThrows(IOException.class, () -> RasterFile.open(mixed));
        assertTrue(wrongKind.getMessage().contains("holds 8-bit samples where band 1's are 16-bit"),
                wrongKind.getMessage());
    }
}
