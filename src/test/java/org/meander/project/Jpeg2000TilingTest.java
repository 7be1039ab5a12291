package org.meander.project;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Rectangle;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meander.project.raster.BandChoice;
import org.meander.project.raster.Georeferencing;
import org.meander.project.raster.OpenCvLibrary;
import org.meander.project.raster.RasterFile;
import org.meander.testing.Fixtures;
import org.meander.testing.Jp2Files;
import org.meander.testing.TestRasters;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * Real imagery (an Elwha frame and its near-infrared frame) written as JPEG 2000 by OpenCV, losslessly, reads back to
 * its own samples in its own band order, and is cut into the same tiles, byte for byte, as the same raster written
 * as a GeoTIFF: alone (8-bit RGB, placed by a GeoJP2 box; 16-bit red, green, blue, near-infrared) or as band files
 * stacked by a GDAL virtual raster, as a Sentinel-2 scene comes.
 */
class Jpeg2000TilingTest {

    private static final Path FRAMES = Fixtures.shared().resolve("data/elwha-airborne");
    /** Where the rasters lie: TestRasters' UTM place, without its nodata value, which a JP2 file cannot hold. */
    private static final List<TestRasters.Field> PLACE = TestRasters.georeferencing().stream()
            .filter(f -> f.number() != Georeferencing.GDAL_NODATA).toList();

    @TempDir
    Path temp;

    /** The frame's red, green and blue, then its near-infrared frame's first channel: 8-bit, or 256 v + 3. */
    private static WritableRaster frame(int bands, int bits) throws IOException {
        Raster colour = ImageIO.read(FRAMES.resolve("airborne_1.png").toFile()).getRaster();
        Raster nir = ImageIO.read(FRAMES.resolve("airborne_ir_1.png").toFile()).getRaster();
        return TestRasters.raster(colour.getWidth(), colour.getHeight(), bands, bits, (x, y, b) -> {
            int level = b < 3 ? colour.getSample(x, y, bands == 1 ? 1 : b) : nir.getSample(x, y, 0);
            return bits == 8 ? level : 256 * level + 3;
        });
    }

    /** The raster as OpenCV holds an image: a Mat of blue, green, red (and the fourth band), of its depth. */
    private static Mat mat(Raster raster, int bits) {
        OpenCvLibrary.ensureLoaded();
        int bands = raster.getNumBands();
        Mat mat = new Mat(raster.getHeight(), raster.getWidth(), CvType.makeType(bits == 8 ? CvType.CV_8U
                : CvType.CV_16U, bands));
        int[] pixels = raster.getPixels(0, 0, raster.getWidth(), raster.getHeight(), (int[]) null);
        for (int p = 0; p < pixels.length; p += bands) {
            if (bands >= 3) {
                int red = pixels[p];
                pixels[p] = pixels[p + 2];
                pixels[p + 2] = red;
            }
        }
        if (bits == 8) {
            byte[] bytes = new byte[pixels.length];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) pixels[i];
            }
            mat.put(0, 0, bytes);
        } else {
            short[] shorts = new short[pixels.length];
            for (int i = 0; i < shorts.length; i++) {
                shorts[i] = (short) pixels[i];
            }
            mat.put(0, 0, shorts);
        }
        return mat;
    }

    /** The raster as a JPEG 2000 file: no channel definitions (a fourth band is imagery), placed by GeoJP2. */
    private Path jp2(Path file, Raster raster, int bits, List<TestRasters.Field> place) throws IOException {
        Path plain = Jp2Files.write(temp.resolve("opencv-" + file.getFileName()), mat(raster, bits));
        return Jp2Files.spliced(plain, file, List.of("jp2h/cdef"),
                place.isEmpty() ? new byte[0][] : new byte[][] {Jp2Files.geoJp2(temp, place)});
    }

    @Test
    void elwhaFramesReadBackToTheirSamplesInTheirBandOrder() throws IOException {
        for (int bits : new int[] {8, 16}) {
            for (int bands : new int[] {1, 3, 4}) {
                WritableRaster source = frame(bands, bits);
                Path file = jp2(temp.resolve("frame-" + bands + "x" + bits + ".jp2"), source, bits, List.of());
                try (RasterFile raster = RasterFile.open(file)) {
                    assertEquals(bands, raster.bandCount());
                    assertEquals(bits, raster.bitsPerSample());
                    assertEquals(OptionalInt.empty(), raster.alphaBand());
                    Rectangle whole = new Rectangle(0, 0, source.getWidth(), source.getHeight());
                    assertArrayEquals(source.getPixels(0, 0, whole.width, whole.height, (int[]) null),
                            raster.read(whole).getPixels(0, 0, whole.width, whole.height, (int[]) null),
                            bands + " bands of " + bits + " bits");
                }
            }
        }
    }

    /** Cuts the raster into a project of its own; the tile files' bytes by their names, tiles/ then nir/. */
    private static List<byte[]> cut(Path raster, Path project, BandChoice bands) throws IOException {
        RasterTiling.tile(project, raster, new RasterTiling.Settings(256, 32, bands), (done, total) -> { });
        List<byte[]> files = new ArrayList<>();
        for (String folder : List.of("tiles", "nir")) {
            if (!Files.isDirectory(project.resolve(folder))) {
                continue; // no near-infrared band
            }
            for (String name : TestImages.filesBelow(project.resolve(folder))) {
                files.add(Files.readAllBytes(project.resolve(folder).resolve(name)));
            }
        }
        return files;
    }

    private static void assertSameCut(Path jp2, Path tiff, BandChoice bands, int files) throws IOException {
        Path fromJp2 = jp2.resolveSibling("cut-" + jp2.getFileName());
        Path fromTiff = tiff.resolveSibling("cut-" + tiff.getFileName());
        List<byte[]> jp2Tiles = cut(jp2, fromJp2, bands);
        List<byte[]> tiffTiles = cut(tiff, fromTiff, bands);
        assertEquals(files, jp2Tiles.size());
        assertEquals(TestImages.filesBelow(fromTiff.resolve("tiles")), TestImages.filesBelow(fromJp2.resolve("tiles")));
        for (int i = 0; i < files; i++) {
            assertArrayEquals(tiffTiles.get(i), jp2Tiles.get(i), "file " + i + " of the cut");
        }
        JsonNode jp2Entry = rasterEntry(fromJp2);
        JsonNode tiffEntry = rasterEntry(fromTiff);
        assertEquals(tiffEntry.path("stretch"), jp2Entry.path("stretch"));
        assertEquals(tiffEntry.path("nir_scale"), jp2Entry.path("nir_scale"));
        assertEquals(Project.open(fromTiff).rasters().get(0).georeferencing().flatMap(Georeferencing::pixelToMap),
                Project.open(fromJp2).rasters().get(0).georeferencing().flatMap(Georeferencing::pixelToMap));
    }

    private static JsonNode rasterEntry(Path project) throws IOException {
        return new ObjectMapper().readTree(project.resolve("meander.json").toFile()).path("rasters").elements().next();
    }

    @Test
    void anRgbJp2IsCutAsTheSameRasterAsGeoTiffIs() throws IOException {
        WritableRaster rgb = frame(3, 8);
        Path jp2 = jp2(Files.createDirectories(temp.resolve("jp2")).resolve("elwha.jp2"), rgb, 8, PLACE);
        Path tiff = TestRasters.tiff(Files.createDirectories(temp.resolve("tif")).resolve("elwha.tif"), rgb, 0,
                PLACE);
        assertSameCut(jp2, tiff, BandChoice.DEFAULT, 6);
        assertTrue(Project.open(temp.resolve("jp2/cut-elwha.jp2")).rasters().get(0).georeferencing().isPresent());
    }

    @Test
    void sixteenBitRedGreenBlueNearInfraredIsCutAsTheSameRasterAsGeoTiffIs() throws IOException {
        WritableRaster rgbn = frame(4, 16);
        Path jp2 = jp2(Files.createDirectories(temp.resolve("jp2")).resolve("naip.jp2"), rgbn, 16, PLACE);
        Path tiff = TestRasters.tiff(Files.createDirectories(temp.resolve("tif")).resolve("naip.tif"), rgbn, 0,
                PLACE);
        assertSameCut(jp2, tiff, new BandChoice(1, 2, 3, OptionalInt.of(4)), 12);
    }

    /** A VRT as gdalbuildvrt -separate writes it over these band files, with GDAL's nodata value 3. */
    private static Path vrt(Path file, int width, int height, List<String> bandFiles) throws IOException {
        StringBuilder xml = new StringBuilder("<VRTDataset rasterXSize=\"" + width + "\" rasterYSize=\"" + height
                + "\">\n");
        for (int b = 0; b < bandFiles.size(); b++) {
            xml.append("  <VRTRasterBand dataType=\"UInt16\" band=\"").append(b + 1).append("\">\n")
                    .append("    <NoDataValue>3</NoDataValue>\n    <ComplexSource>\n")
                    .append("      <SourceFilename relativeToVRT=\"1\">").append(bandFiles.get(b))
                    .append("</SourceFilename>\n      <SourceBand>1</SourceBand>\n")
                    .append("    </ComplexSource>\n  </VRTRasterBand>\n");
        }
        return Files.writeString(file, xml.append("</VRTDataset>\n").toString());
    }

    @Test
    void bandFilesOfJpeg2000StackedByAVirtualRasterAreCutAsTiffBandFilesAre() throws IOException {
        WritableRaster rgbn = frame(4, 16);
        Path jp2Folder = Files.createDirectories(temp.resolve("jp2"));
        Path tiffFolder = Files.createDirectories(temp.resolve("tif"));
        List<String> names = List.of("B04", "B03", "B02", "B08");
        for (int b = 0; b < 4; b++) {
            WritableRaster band = rgbn.createWritableChild(0, 0, rgbn.getWidth(), rgbn.getHeight(), 0, 0,
                    new int[] {b});
            WritableRaster alone = TestRasters.raster(rgbn.getWidth(), rgbn.getHeight(), 1, 16,
                    (x, y, z) -> band.getSample(x, y, 0));
            jp2(jp2Folder.resolve(names.get(b) + ".jp2"), alone, 16, PLACE);
            TestRasters.tiff(tiffFolder.resolve(names.get(b) + ".tif"), alone, 0, PLACE);
        }
        Path jp2Scene = vrt(jp2Folder.resolve("scene.vrt"), rgbn.getWidth(), rgbn.getHeight(),
                names.stream().map(n -> n + ".jp2").toList());
        Path tiffScene = vrt(tiffFolder.resolve("scene.vrt"), rgbn.getWidth(), rgbn.getHeight(),
                names.stream().map(n -> n + ".tif").toList());
        try (RasterFile stack = RasterFile.open(jp2Scene)) {
            assertEquals(3.0, stack.noDataValue().orElseThrow());
            assertTrue(stack.georeferencing().isPresent(), "the band files' GeoJP2 place");
        }
        assertSameCut(jp2Scene, tiffScene, new BandChoice(1, 2, 3, OptionalInt.of(4)), 12);
    }
}
