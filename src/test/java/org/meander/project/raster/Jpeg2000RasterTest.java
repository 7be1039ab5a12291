package org.meander.project.raster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.awt.image.Raster;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meander.testing.Jp2Files;

/**
 * JPEG 2000 files as GDAL 3.6 writes them (src/test/resources/.../jpeg2000, made by make-test-files.sh there from
 * synthetic samples this test computes again) read to GDAL's samples, bands and place on the map: from GeoJP2, and
 * from GMLJP2 alone as Sentinel-2 has it, the expected numbers those gdalinfo reports for the same files. What OpenCV's
 * decoder does not read, and damaged files, are refused naming the file, what it holds and what to do.
 */
class Jpeg2000RasterTest {

    private static final int WIDTH = 64;
    private static final int HEIGHT = 48;

    @TempDir
    Path temp;

    static Path resource(String name) {
        try {
            return Path.of(Jpeg2000RasterTest.class.getResource("jpeg2000/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The samples make-test-files.sh wrote: band b (from 0) at (x, y). */
    private static int eight(int x, int y, int band) {
        return (3 * x + 5 * y + 40 * band) % 256;
    }

    private static int sixteen(int x, int y, int band) {
        return 300 * x + 7 * y * y + 1000 * band + 3;
    }

    private interface Samples {
        int at(int x, int y, int band);
    }

    /** Every sample of the whole image, of a window and of every third pixel equals the file's own. */
    private static void assertSamples(Path file, int bands, int bits, Samples expected) throws IOException {
        try (RasterFile raster = RasterFile.open(file)) {
            assertEquals(WIDTH, raster.width(), file.toString());
            assertEquals(HEIGHT, raster.height(), file.toString());
            assertEquals(bands, raster.bandCount(), file.toString());
            assertEquals(new SampleFormat(bits, false), raster.sampleFormat(), file.toString());
            assertWindow(raster.read(new Rectangle(0, 0, WIDTH, HEIGHT)), 0, 0, 1, bands, expected, file);
            assertWindow(raster.read(new Rectangle(10, 5, 30, 20)), 10, 5, 1, bands, expected, file);
            Raster everyThird = raster.readSubsampled(3);
            assertEquals(22, everyThird.getWidth());
            assertEquals(16, everyThird.getHeight());
            assertWindow(everyThird, 0, 0, 3, bands, expected, file);
        }
    }

    private static void assertWindow(Raster read, int x0, int y0, int step, int bands, Samples expected, Path file) {
        for (int y = 0; y < read.getHeight(); y++) {
            for (int x = 0; x < read.getWidth(); x++) {
                for (int b = 0; b < bands; b++) {
                    int column = x0 + x * step;
                    int row = y0 + y * step;
                    assertEquals(expected.at(column, row, b), read.getSample(x, y, b),
                            file.getFileName() + " band " + (b + 1) + " at " + column + ", " + row);
                }
            }
        }
    }

    @Test
    void gdalsFilesReadToTheirSamplesInGdalsBandOrder() throws IOException {
        assertSamples(resource("rgb8-utm.jp2"), 3, 8, Jpeg2000RasterTest::eight);
        assertSamples(resource("rgbn8-wgs84.jp2"), 4, 8, Jpeg2000RasterTest::eight);
        assertSamples(resource("grey16-utm.jp2"), 1, 16, Jpeg2000RasterTest::sixteen);
        assertSamples(resource("rgbn16.jp2"), 4, 16, Jpeg2000RasterTest::sixteen);
        assertSamples(resource("rgba8.jp2"), 4, 8, (x, y, b) -> b < 3 ? eight(x, y, b) : x < 16 ? 0 : 255);
        // three bands GDAL cannot name get a header calling them grey: OpenCV read them as band 1 three times
        assertSamples(resource("three-grey8.jp2"), 3, 8, Jpeg2000RasterTest::eight);
    }

    @Test
    void theColourBoxNamesRgbAndOnlyAChannelDefinedAsOpacityIsAlpha() throws IOException {
        try (RasterFile rgb = RasterFile.open(resource("rgb8-utm.jp2"));
             RasterFile naip = RasterFile.open(resource("rgbn8-wgs84.jp2"));
             RasterFile rgba = RasterFile.open(resource("rgba8.jp2"));
             RasterFile unnamed = RasterFile.open(resource("three-grey8.jp2"))) {
            assertEquals(List.of("Red", "Green", "Blue"), rgb.bandNames().names());
            assertEquals(List.of("Red", "Green", "Blue", ""), naip.bandNames().names());
            assertEquals(OptionalInt.empty(), naip.alphaBand(), "a fourth band without a channel definition");
            assertEquals(4, naip.dataBandCount());
            assertEquals(OptionalInt.of(3), rgba.alphaBand());
            assertEquals(3, rgba.dataBandCount());
            assertTrue(rgba.noData(new Rectangle(0, 0, WIDTH, HEIGHT)).alphaBand().isPresent());
            assertEquals(BandNames.NONE, unnamed.bandNames());
            assertTrue(unnamed.georeferencing().isEmpty());
        }
    }

    /** Where the file lies, as GDAL's geotransform: origin x, x per column, x per row, origin y, ... */
    private static void assertPlace(Path file, int epsg, double... geoTransform) throws IOException {
        try (RasterFile raster = RasterFile.open(file)) {
            Georeferencing georeferencing = raster.georeferencing().orElseThrow();
            PixelToMap map = georeferencing.pixelToMap().orElseThrow();
            double[] found = {map.x0(), map.xPerColumn(), map.xPerRow(), map.y0(), map.yPerColumn(), map.yPerRow()};
            for (int i = 0; i < 6; i++) {
                assertEquals(geoTransform[i], found[i], 1e-9, file.getFileName() + ": " + Arrays.toString(found));
            }
            assertEquals(OptionalInt.of(epsg), georeferencing.epsg());
        }
    }

    @Test
    void theGeoJp2BoxPlacesTheImageAsGdalInfoSays() throws IOException {
        assertPlace(resource("rgb8-utm.jp2"), 32610, 400000, 0.5, 0, 5330000, 0, -0.5);
        assertPlace(resource("rgbn8-wgs84.jp2"), 4326, -123.599999999999994, 0.0001, 0, 48.100000000000001, 0,
                -0.0001);
        assertPlace(resource("grey16-utm.jp2"), 32610, 399960, 10, 0, 5300040, 0, -10);
    }

    @Test
    void theGmlBoxAlonePlacesTheImageAsGdalInfoSays() throws IOException {
        // GDAL's GML gives the first pixel's centre, and latitude first for EPSG:4326
        assertPlace(Jp2Files.spliced(resource("rgb8-utm.jp2"), temp.resolve("utm.jp2"), List.of("uuid")), 32610,
                400000, 0.5, 0, 5330000, 0, -0.5);
        assertPlace(Jp2Files.spliced(resource("rgbn8-wgs84.jp2"), temp.resolve("wgs84.jp2"), List.of("uuid")), 4326,
                -123.600000000000009, 0.0001, 0, 48.100000000000001, 0, -0.0001);
        assertPlace(Jp2Files.spliced(resource("grey16-utm.jp2"), temp.resolve("s2.jp2"), List.of("uuid")), 32610,
                399960, 10, 0, 5300040, 0, -10);
    }

    /** A coverage as Sentinel-2 and GDAL write it, with this grid. */
    private static String coverage(String srsName, String axes, String origin, String across, String down) {
        return "<gml:FeatureCollection xmlns:gml=\"http://www.opengis.net/gml\"><gml:featureMember>"
                + "<gml:FeatureCollection><gml:featureMember><gml:RectifiedGridCoverage dimension=\"2\""
                + " gml:id=\"RGC0001\"><gml:rectifiedGridDomain><gml:RectifiedGrid dimension=\"2\"><gml:limits>"
                + "<gml:GridEnvelope><gml:low>1 1</gml:low><gml:high>64 48</gml:high></gml:GridEnvelope></gml:limits>"
                + axes + "<gml:origin><gml:Point gml:id=\"P0001\" srsName=\"" + srsName + "\"><gml:pos>" + origin
                + "</gml:pos></gml:Point></gml:origin><gml:offsetVector srsName=\"" + srsName + "\">" + across
                + "</gml:offsetVector><gml:offsetVector srsName=\"" + srsName + "\">" + down + "</gml:offsetVector>"
                + "</gml:RectifiedGrid></gml:rectifiedGridDomain></gml:RectifiedGridCoverage></gml:featureMember>"
                + "</gml:FeatureCollection></gml:featureMember></gml:FeatureCollection>\0";
    }

    private Path withGml(String name, String xml) throws IOException {
        return Jp2Files.spliced(resource("rgb8-utm.jp2"), temp.resolve(name), List.of("uuid", "asoc"),
                Jp2Files.gml(xml));
    }

    /** Expected: what gdalinfo 3.6.2 says of these files. */
    @Test
    void gmlCoveragesAreReadAsGdalReadsThem() throws IOException {
        String xy = "<gml:axisName>x</gml:axisName><gml:axisName>y</gml:axisName>";
        assertPlace(withGml("sentinel.jp2", coverage("urn:ogc:def:crs:EPSG::32610", xy, "399965 5300035", "10 0",
                "0 -10")), 32610, 399960, 10, 0, 5300040, 0, -10);
        assertPlace(withGml("rotated.jp2", coverage("urn:ogc:def:crs:EPSG::32610", xy, "400010 5300020", "8 6",
                "6 -8")), 32610, 400003, 8, 6, 5300021, 6, -8);
        assertPlace(withGml("latlong.jp2", coverage("urn:ogc:def:crs:EPSG::4326", xy, "48.09995 -123.59995",
                "0 0.0001", "-0.0001 0")), 4326, -123.6, 0.0001, 0, 48.1, 0, -0.0001);
        assertPlace(withGml("longlat.jp2", coverage("http://www.opengis.net/def/crs/EPSG/0/4326",
                "<gml:axisName>Long</gml:axisName><gml:axisName>Lat</gml:axisName>", "-123.59995 48.09995",
                "0.0001 0", "0 -0.0001")), 4326, -123.6, 0.0001, 0, 48.1, 0, -0.0001);
    }

    @Test
    void aRawCodestreamReadsWithoutBoxes() throws IOException {
        Path j2k = Jp2Files.codestream(resource("rgb8-utm.jp2"), temp.resolve("scene.j2k"));
        assertSamples(j2k, 3, 8, Jpeg2000RasterTest::eight);
        try (RasterFile raster = RasterFile.open(j2k)) {
            assertTrue(raster.georeferencing().isEmpty());
            assertEquals(BandNames.NONE, raster.bandNames());
        }
    }

    @Test
    void theFileIsDecodedOnceAtItsFirstReadAndTheDecodeIsTold() throws IOException {
        List<String> told = new ArrayList<>();
        WholeDecoding decoding = new WholeDecoding() {
            @Override
            public void decoding(Path file, String what) {
                told.add(file.getFileName() + ": " + what);
            }

            @Override
            public void decoded(Path file, double seconds) {
                told.add(file.getFileName() + " decoded");
            }
        };
        try (RasterFile raster = RasterFile.open(resource("grey16-utm.jp2"), decoding)) {
            assertEquals(List.of(), told, "opening reads the header only");
            raster.read(new Rectangle(0, 0, 10, 10));
            raster.readOverview();
            raster.read(new Rectangle(50, 40, 14, 8));
        }
        assertEquals(List.of("grey16-utm.jp2: JPEG 2000, 64 x 48 pixels, 1 component of 16-bit samples",
                "grey16-utm.jp2 decoded"), told);
    }

    @Test
    void whatOpenCvDoesNotDecodeIsRefusedWithWhatToDo() {
        Path two = resource("two8.jp2");
        IOException twoBands = assertThrows(IOException.class, () -> RasterFile.open(two));
        assertEquals(two + ": JPEG 2000 (64 x 48 pixels, 2 components of 8-bit samples), which Meander's decoder"
                + " (OpenCV's OpenJPEG) does not read: it reads 1, 3 or 4 components only; make a GeoTIFF of it"
                + " (gdal_translate -of GTiff IN.jp2 OUT.tif) and give that", twoBands.getMessage());
        Path signed = resource("signed16.jp2");
        IOException signedSamples = assertThrows(IOException.class, () -> RasterFile.open(signed));
        assertEquals(signed + ": JPEG 2000 (64 x 48 pixels, 1 component of signed 16-bit samples), which Meander's"
                + " decoder (OpenCV's OpenJPEG) does not read: it reads unsigned samples only; make a GeoTIFF of it"
                + " (gdal_translate -of GTiff IN.jp2 OUT.tif) and give that", signedSamples.getMessage());
    }

    @Test
    void colourChannelsDefinedOutOfOrderAreRefused() throws IOException {
        byte[] rgba = Files.readAllBytes(resource("rgba8.jp2"));
        int cdef = indexOf(rgba, "cdef".getBytes()) + 4;
        rgba[cdef + 2 + 5] = 3; // channel 0, a colour, associated with colour 3
        rgba[cdef + 2 + 12 + 5] = 1; // and channel 2 with colour 1
        Path swapped = Files.write(temp.resolve("bgra.jp2"), rgba);
        IOException error = assertThrows(IOException.class, () -> RasterFile.open(swapped));
        assertTrue(error.getMessage().startsWith(swapped + ": JPEG 2000 (64 x 48 pixels, 4 components of 8-bit"
                + " samples), which Meander's decoder (OpenCV's OpenJPEG) does not read: it reads colours in their"
                + " own components only"), error.getMessage());
    }

    @Test
    void aFileCutShortIsRefusedAtOpen() throws IOException {
        byte[] whole = Files.readAllBytes(resource("rgb8-utm.jp2"));
        Path cut = Files.write(temp.resolve("cut.jp2"), Arrays.copyOf(whole, whole.length - 1000));
        IOException error = assertThrows(IOException.class, () -> RasterFile.open(cut));
        assertEquals(cut + ": JPEG 2000, truncated: the JP2 box \"jp2c\" at byte 2452 holds 2636 bytes, but the file"
                + " ends 1636 bytes after its start; re-export the image or copy it again", error.getMessage());
        Path j2k = Jp2Files.codestream(resource("rgb8-utm.jp2"), temp.resolve("scene.j2k"));
        byte[] codestream = Files.readAllBytes(j2k);
        Files.write(j2k, Arrays.copyOf(codestream, codestream.length - 100));
        IOException raw = assertThrows(IOException.class, () -> RasterFile.open(j2k));
        assertEquals(j2k + ": JPEG 2000, truncated: its codestream does not end with JPEG 2000's end marker (FFD9), as"
                + " a file cut short does not; re-export the image or copy it again", raw.getMessage());
    }

    /** A damaged main header fails in OpenJPEG: said at the first read, and again at the next, without a crash. */
    @Test
    void aCodestreamOpenCvCannotDecodeIsRefusedAtTheFirstRead() throws IOException {
        byte[] file = Files.readAllBytes(resource("rgb8-utm.jp2"));
        int codestream = indexOf(file, "jp2c".getBytes()) + 4;
        int tilePart = indexOf(Arrays.copyOfRange(file, codestream, file.length), new byte[] {(byte) 0xff,
            (byte) 0x90});
        file[codestream + tilePart] = 0; // the first tile-part's start marker (SOT) overwritten
        Path damaged = Files.write(temp.resolve("damaged.jp2"), file);
        try (RasterFile raster = RasterFile.open(damaged)) {
            for (int attempt = 0; attempt < 2; attempt++) {
                IOException error = assertThrows(IOException.class, () -> raster.read(new Rectangle(0, 0, 8, 8)));
                assertEquals(damaged + ": JPEG 2000 (64 x 48 pixels, 3 components of 8-bit samples) that OpenCV's"
                        + " decoder (OpenJPEG) cannot decode: damaged, or made in a way it does not read; if GDAL reads"
                        + " it, make a GeoTIFF of it (gdal_translate -of GTiff IN.jp2 OUT.tif) and give that",
                        error.getMessage());
            }
        }
    }

    @Test
    void aFileNamedJp2ThatIsNotIsNamed() throws IOException {
        Path text = Files.writeString(temp.resolve("scene.jp2"), "not an image");
        IOException error = assertThrows(IOException.class, () -> RasterFile.open(text));
        assertEquals(text + ": not a TIFF, PNG, JPEG, BMP or JPEG 2000 image", error.getMessage());
    }

    private static int indexOf(byte[] within, byte[] what) {
        for (int i = 0; i + what.length <= within.length; i++) {
            if (Arrays.equals(within, i, i + what.length, what, 0, what.length)) {
                return i;
            }
        }
        throw new IllegalArgumentException("not found");
    }
}
