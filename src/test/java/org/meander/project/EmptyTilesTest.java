package org.meander.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.meander.project.raster.BandChoice;
import org.meander.testing.TestRasters;
import org.meander.testing.TestRasters.Page;

/**
 * Windows of a raster's grid that hold no data (outside the flight of an orthomosaic: alpha 0, GDAL's nodata mask 0 or
 * nodata value, NaN) make no tile, so SAM encodes no black square and nobody is asked to label one; a window with any
 * data is cut. A 300 x 200 raster in 128-pixel tiles overlapping by 32 has 3 columns (x from 0, 86, 172) of 2 rows;
 * its data starts at x 140, so the first column holds none and the second some.
 */
class EmptyTilesTest {

    private static final int WIDTH = 300;
    private static final int HEIGHT = 200;
    private static final int DATA_FROM = 140;
    private static final RasterTiling.Settings SETTINGS = new RasterTiling.Settings(128, 32, BandChoice.DEFAULT);

    @TempDir
    Path temp;

    private RasterTiling.Report cut(Path raster) throws IOException {
        return RasterTiling.tile(temp.resolve("project"), raster, SETTINGS, (done, total) -> { });
    }

    private static void assertFirstColumnLeftOut(RasterTiling.Report report) throws IOException {
        assertEquals(2, report.empty(), "the first column's two windows");
        assertEquals(List.of("raster_r0_c1", "raster_r0_c2", "raster_r1_c1", "raster_r1_c2"), report.tiles());
    }

    @Test
    void anRgbaOrthomosaicsWindowsOfAlphaZeroMakeNoTile() throws IOException {
        WritableRaster rgba = TestRasters.raster(WIDTH, HEIGHT, 4, 8,
                (x, y, b) -> b == 3 ? (x >= DATA_FROM ? 255 : 0) : 90 + b);
        Path raster = TestRasters.rgbaTiff(temp.resolve("raster.tif"), rgba);

        RasterTiling.Report report = cut(raster);

        assertFirstColumnLeftOut(report);
        Project project = Project.open(temp.resolve("project"));
        assertEquals(report.tiles(), project.tiles().stream().map(Tile::name).sorted().toList());
        assertTrue(Files.notExists(temp.resolve("project/tiles/raster_r0_c0.png")));
        assertTrue(project.rasterWindow(project.tile("raster_r0_c1").orElseThrow()).isPresent());
        assertEquals(1, project.rasters().size(), "the cut is complete");
    }

    /**
     * A 16-bit RGBA orthomosaic, 0 in every band outside its flight (as OpenDroneMap writes it): that 0 is no part of
     * the stretch, nor of a tile's near-infrared band where a tile reaches outside.
     */
    @Test
    void whatLiesOutsideTheFlightIsLeftOutOfTheStretchAndTheNearInfraredBand() throws IOException {
        WritableRaster rgba = TestRasters.raster(WIDTH, HEIGHT, 4, 16,
                (x, y, b) -> x < DATA_FROM ? 0 : b == 3 ? 65535 : 3000 + 5 * (x - DATA_FROM));
        Path raster = TestRasters.rgbaTiff(temp.resolve("raster.tif"), rgba);
        RasterTiling.Settings withNir = new RasterTiling.Settings(128, 32, new BandChoice(1, 2, 3,
                OptionalInt.of(1)));

        assertOutsideTheFlightLeftOut(raster, withNir);
    }

    /**
     * Cut, and imported whole, what lies outside the flight of {@code raster} (x below {@link #DATA_FROM}, 3000 and
     * up within it) is no part of the stretch, nor of a tile's near-infrared band.
     */
    private void assertOutsideTheFlightLeftOut(Path raster, RasterTiling.Settings withNir) throws IOException {
        RasterTiling.tile(temp.resolve("project"), raster, withNir, (done, total) -> { });

        Project project = Project.open(temp.resolve("project"));
        Tile straddling = project.tile("raster_r0_c1").orElseThrow(); // x 86 to 214
        double low = project.colourRadiometry(straddling).orElseThrow().stretch().low()[0];
        assertTrue(low >= 3000, "the stretch starts within the flight: " + low);
        BufferedImage band = ImageIO.read(project.nearInfraredFile(straddling).toFile());
        assertEquals(0, band.getRaster().getSample(10, 10, 1), "outside the flight the band has no value");
        assertEquals(65535, band.getRaster().getSample(100, 10, 1), "inside it, it has");

        ProjectImport.create(temp.resolve("whole"), raster.getParent(), null, null,
                new ImageryOptions(withNir.bands(), null));
        Project whole = Project.open(temp.resolve("whole"));
        Tile image = whole.tiles().get(0);
        assertTrue(whole.colourRadiometry(image).orElseThrow().stretch().low()[0] >= 3000, "imported whole too");
        BufferedImage wholeBand = ImageIO.read(whole.nearInfraredFile(image).toFile());
        assertEquals(0, wholeBand.getRaster().getSample(10, 10, 1));
        assertEquals(65535, wholeBand.getRaster().getSample(200, 10, 1));
    }

    /** Tiles another tool cut from a raster (gdal_retile, QGIS): those at its edges that hold no data make none. */
    @Test
    void imagesThatHoldNoDataMakeNoTile() throws IOException {
        Path images = temp.resolve("images");
        TestRasters.tiff(images.resolve("a_nodata.tif"), TestRasters.raster(64, 64, 3, 16, (x, y, b) -> 0), 0,
                TestRasters.georeferencing()); // nodata 0
        TestRasters.rgbaTiff(images.resolve("b_transparent.tif"), TestRasters.raster(64, 64, 4, 8,
                (x, y, b) -> b == 3 ? 0 : 120));
        TestRasters.tiff(images.resolve("c_river.tif"), TestRasters.raster(64, 64, 3, 16,
                (x, y, b) -> x < 2 ? 0 : 3000 + x), 0, TestRasters.georeferencing());
        BufferedImage clear = new BufferedImage(64, 64, BufferedImage.TYPE_INT_ARGB);
        ImageIO.write(clear, "png", images.resolve("d_clear.png").toFile());
        BufferedImage half = new BufferedImage(64, 64, BufferedImage.TYPE_INT_ARGB);
        half.setRGB(40, 40, 0xff2060a0);
        ImageIO.write(half, "png", images.resolve("e_half.png").toFile());

        ImportReport report = ProjectImport.create(temp.resolve("project"), images, null, null,
                ImageryOptions.DEFAULT);

        assertEquals(List.of("c_river", "e_half"), report.importedTiles());
        assertEquals(List.of("a_nodata.tif", "b_transparent.tif", "d_clear.png"), report.emptyImages());
        assertEquals(List.of(), report.problems());
        assertEquals("3 images held no data (alpha or GDAL's nodata mask 0, GDAL's nodata value or NaN everywhere) and"
                + " made no tile: a_nodata.tif, b_transparent.tif, d_clear.png",
                ImportReport.emptyText(report.emptyImages()));
    }

    /**
     * GDAL's internal nodata masks, as {@code gdal_translate -mask 4} writes them from an RGBA orthomosaic: outside
     * the flight the samples are noise about black (JPEG's), which the mask alone marks. Read through Java's TIFF
     * reader (8-bit samples) and Meander's own (floating point).
     */
    static Stream<Arguments> maskedRasters() {
        TestRasters.Samples nearBlack = (x, y, b) -> x < DATA_FROM ? (x * 7 + y * 3 + b) % 9 : 90 + b;
        return Stream.of(
                Arguments.of("JPEG, YCbCr, tiled", TestRasters.raster(WIDTH, HEIGHT, 3, 8, nearBlack), 32, "JPEG"),
                Arguments.of("Deflate, striped", TestRasters.raster(WIDTH, HEIGHT, 3, 8, nearBlack), 0, "ZLib"),
                Arguments.of("floating point, LZW, tiled", TestRasters.floatRaster(WIDTH, HEIGHT, 3,
                        (x, y, b) -> nearBlack.value(x, y, b) / 255f), 32, "LZW"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("maskedRasters")
    void windowsGdalsMaskLeavesOutMakeNoTile(String layout, WritableRaster samples, int tile, String compression)
            throws IOException {
        Path raster = TestRasters.tiff(temp.resolve("raster.tif"), List.of(new Page(samples, List.of()),
                TestRasters.mask(WIDTH, HEIGHT, false, (x, y) -> x >= DATA_FROM)), tile, compression);

        assertFirstColumnLeftOut(cut(raster));
    }

    /**
     * The mask GDAL writes beside a JPEG orthomosaic unless told to keep it inside ({@code raster.tif.msk}, the default
     * before GDAL 3.9) leaves out the same windows; in a folder of images, it is no image of its own.
     */
    @Test
    void windowsGdalsSidecarMaskLeavesOutMakeNoTile() throws IOException {
        TestRasters.Samples nearBlack = (x, y, b) -> x < DATA_FROM ? (x * 7 + y * 3 + b) % 9 : 90 + b;
        Path raster = TestRasters.tiff(temp.resolve("images/raster.tif"),
                TestRasters.raster(WIDTH, HEIGHT, 3, 8, nearBlack), 32, List.of(), "JPEG");
        TestRasters.tiff(temp.resolve("images/raster.tif.msk"),
                TestRasters.raster(WIDTH, HEIGHT, 1, 8, (x, y, b) -> x >= DATA_FROM ? 255 : 0), 32, List.of(), "ZLib");

        assertFirstColumnLeftOut(cut(raster));

        ImportReport report = ProjectImport.create(temp.resolve("whole"), raster.getParent(), null, null,
                ImageryOptions.DEFAULT);
        assertEquals(List.of("raster"), report.importedTiles());
        assertEquals(List.of(), report.problems());
    }

    /**
     * A 16-bit raster whose mask leaves out what it holds outside the flight (0 in every band): that 0 is no part of
     * the stretch, nor of a tile's near-infrared band, cut or imported whole.
     */
    @Test
    void whatGdalsMaskLeavesOutIsLeftOutOfTheStretchAndTheNearInfraredBand() throws IOException {
        WritableRaster rgbn = TestRasters.raster(WIDTH, HEIGHT, 4, 16,
                (x, y, b) -> x < DATA_FROM ? 0 : 3000 + 5 * (x - DATA_FROM));
        Path raster = TestRasters.tiff(temp.resolve("images/raster.tif"), List.of(new Page(rgbn, List.of()),
                TestRasters.mask(WIDTH, HEIGHT, false, (x, y) -> x >= DATA_FROM)), 16, "ZLib");
        RasterTiling.Settings withNir = new RasterTiling.Settings(128, 32, new BandChoice(1, 2, 3,
                OptionalInt.of(4)));

        assertOutsideTheFlightLeftOut(raster, withNir);
    }

    @Test
    void anImageGdalsMaskLeavesWhollyOutMakesNoTile() throws IOException {
        Path images = temp.resolve("images");
        WritableRaster noise = TestRasters.raster(64, 64, 3, 8, (x, y, b) -> (x + y + b) % 7);
        TestRasters.tiff(images.resolve("a_outside.tif"), List.of(new Page(noise, List.of()),
                TestRasters.mask(64, 64, false, (x, y) -> false)), 16, "JPEG");
        TestRasters.tiff(images.resolve("b_edge.tif"), List.of(new Page(noise, List.of()),
                TestRasters.mask(64, 64, false, (x, y) -> x == 63 && y == 0)), 16, "JPEG");

        ImportReport report = ProjectImport.create(temp.resolve("project"), images, null, null,
                ImageryOptions.DEFAULT);

        assertEquals(List.of("b_edge"), report.importedTiles());
        assertEquals(List.of("a_outside.tif"), report.emptyImages());
        assertEquals(List.of(), report.problems());
    }

    @Test
    void windowsAllAtGdalsNodataOrNanMakeNoTile() throws IOException {
        Path sixteen = TestRasters.tiff(temp.resolve("sixteen/raster.tif"), TestRasters.raster(WIDTH, HEIGHT, 3, 16,
                (x, y, b) -> x >= DATA_FROM ? 3000 + x : 0), 0, TestRasters.georeferencing()); // nodata 0
        Path floats = TestRasters.tiff(temp.resolve("float/raster.tif"), TestRasters.floatRaster(WIDTH, HEIGHT, 3,
                (x, y, b) -> x >= DATA_FROM ? 0.1f : Float.NaN), 0, List.of());

        assertFirstColumnLeftOut(RasterTiling.tile(temp.resolve("sixteen-project"), sixteen, SETTINGS, (d, t) -> { }));
        assertFirstColumnLeftOut(RasterTiling.tile(temp.resolve("float-project"), floats, SETTINGS, (d, t) -> { }));
    }

    @Test
    void aFourthBandThatIsNoAlphaLeavesEveryTile() throws IOException {
        // four bands without ExtraSamples saying alpha, as GDAL writes red, green, blue and near-infrared
        WritableRaster rgbn = TestRasters.raster(WIDTH, HEIGHT, 4, 8, (x, y, b) -> b == 3 && x < DATA_FROM ? 0 : 90);
        Path raster = TestRasters.tiff(temp.resolve("raster.tif"), rgbn, 0, List.of());

        RasterTiling.Report report = cut(raster);

        assertEquals(0, report.empty());
        assertEquals(6, report.tiles().size());
    }

    @Test
    void aResumedCutLeavesTheEmptyWindowsOutAgain() throws IOException {
        Path raster = TestRasters.tiff(temp.resolve("raster.tif"), TestRasters.raster(WIDTH, HEIGHT, 3, 16,
                (x, y, b) -> x >= DATA_FROM ? 3000 + x : 0), 0, TestRasters.georeferencing());
        assertThrows(IllegalStateException.class, () -> RasterTiling.tile(temp.resolve("project"), raster, SETTINGS,
                (done, total) -> {
                    if (done == 3) {
                        throw new IllegalStateException("crash");
                    }
                }));

        RasterTiling.Report report = cut(raster);

        assertEquals(2, report.resumed(), "the first row's two tiles with data");
        assertFirstColumnLeftOut(report);
    }
}
