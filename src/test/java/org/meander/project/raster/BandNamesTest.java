package org.meander.project.raster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meander.testing.TestRasters;

class BandNamesTest {

    @TempDir
    Path temp;

    private static String gdalMetadata(String... items) {
        StringBuilder xml = new StringBuilder("<GDALMetadata>\n");
        for (String item : items) {
            xml.append("  ").append(item).append('\n');
        }
        return xml.append("</GDALMetadata>\n").toString();
    }

    private static String description(int sample, String name) {
        return "<Item name=\"DESCRIPTION\" sample=\"" + sample + "\" role=\"description\">" + name + "</Item>";
    }

    private static String colourInterpretation(int sample, String name) {
        return "<Item name=\"COLORINTERP\" sample=\"" + sample + "\" role=\"colorinterp\">" + name + "</Item>";
    }

    /** The raster as stack.tif with GDAL's metadata field holding {@code metadata}. */
    private Path tiff(WritableRaster raster, String metadata) throws IOException {
        return tiff("stack.tif", raster,
                List.of(new TestRasters.Field(Georeferencing.GDAL_METADATA, "TIFFAsciis", metadata)));
    }

    private Path tiff(String name, WritableRaster raster, List<TestRasters.Field> fields) throws IOException {
        return TestRasters.tiff(temp.resolve(name), raster, 0, fields);
    }

    private Path described(WritableRaster raster, String... names) throws IOException {
        return tiff("stack.tif", raster, List.of(TestRasters.bandNames(names)));
    }

    private static BandNames namesOf(Path file) throws IOException {
        try (RasterFile raster = RasterFile.open(file)) {
            return raster.bandNames();
        }
    }

    @Test
    void aMicaSenseStackStoredBlueGreenRedIsShownRedGreenBlueWithItsNearInfraredBand() throws IOException {
        Path stack = described(TestRasters.raster(16, 16, 5, 16, (x, y, b) -> 1000 * b),
                "Blue", "Green", "Red", "NIR", "RedEdge");

        BandNames names = namesOf(stack);

        assertEquals(List.of("Blue", "Green", "Red", "NIR", "RedEdge"), names.names());
        assertEquals(new BandChoice(3, 2, 1, OptionalInt.of(4)), BandChoice.of(names));
        assertEquals("1 Blue, 2 Green, 3 Red, 4 NIR, 5 RedEdge", names.text());
    }

    @Test
    void floatingPointStacksReadByMeandersOwnReaderAreNamedToo() throws IOException {
        Path stack = described(TestRasters.floatRaster(16, 16, 4, (x, y, b) -> 0.1f * b),
                "Blue", "Green", "Red", "Near Infrared");

        assertEquals(new BandChoice(3, 2, 1, OptionalInt.of(4)), BandChoice.of(namesOf(stack)));
    }

    @Test
    void gdalsColourInterpretationOutranksADescription() throws IOException {
        Path stack = tiff(TestRasters.raster(16, 16, 4, 16, (x, y, b) -> b), gdalMetadata(
                colourInterpretation(0, "Red"), description(0, "Blue"), colourInterpretation(1, "Green"),
                colourInterpretation(2, "Blue"), description(3, "NIR"), colourInterpretation(3, "Undefined")));

        BandNames names = namesOf(stack);

        assertEquals(List.of("Red", "Green", "Blue", "NIR"), names.names());
        assertEquals(new BandChoice(1, 2, 3, OptionalInt.of(4)), BandChoice.of(names));
    }

    @Test
    void anRgbTiffsFirstThreeBandsAreRedGreenAndBlue() throws IOException {
        Path picture = tiff("rgb.tif", TestRasters.raster(16, 16, 3, 8, (x, y, b) -> 50 * b), List.of());

        BandNames names = namesOf(picture);

        assertEquals(List.of("Red", "Green", "Blue"), names.names());
        assertEquals(BandChoice.DEFAULT, BandChoice.of(names));
    }

    @Test
    void bandsTheFileDoesNotNameLeaveTheChoiceAtOneTwoThree() throws IOException {
        Path unnamed = tiff("unnamed.tif", TestRasters.raster(16, 16, 4, 16, (x, y, b) -> b), List.of());
        Path twoNamed = tiff("two.tif", TestRasters.raster(16, 16, 4, 16, (x, y, b) -> b),
                List.of(TestRasters.bandNames("Blue", "Green")));

        assertEquals(BandNames.NONE, namesOf(unnamed));
        assertEquals(BandChoice.DEFAULT, BandChoice.of(namesOf(twoNamed)));
    }

    @Test
    void metadataThatIsNotXmlNamesNothing() throws IOException {
        Path broken = tiff(TestRasters.raster(16, 16, 4, 16, (x, y, b) -> b), "<GDALMetadata><Item sample=\"0\"");

        assertEquals(BandNames.NONE, namesOf(broken));
    }

    @Test
    void ofTwoGreensTheOneNamedGreenAloneIsTaken() {
        BandNames planetScope = new BandNames(List.of("coastal_blue", "blue", "green_i", "green", "yellow", "red",
                "rededge", "nir"));

        assertEquals(new BandChoice(6, 4, 2, OptionalInt.of(8)), BandChoice.of(planetScope));
    }

    @Test
    void twoBandsOfOneColourNameNeither() {
        BandNames worldView = new BandNames(List.of("Blue", "Green", "Red", "NIR1", "NIR2"));

        assertEquals(new BandChoice(3, 2, 1, OptionalInt.empty()), BandChoice.of(worldView));
    }

    @Test
    void theChannelHoldingGreenIsWhereTheChoicePutTheBandNamedGreen() {
        BandNames stack = new BandNames(List.of("Blue", "Green", "Red", "NIR"));

        assertEquals(1, new BandChoice(3, 2, 1, OptionalInt.empty()).greenChannel(stack));
        assertEquals(2, new BandChoice(4, 3, 2, OptionalInt.empty()).greenChannel(stack), "false colour");
        assertEquals(0, new BandChoice(2, 4, 3, OptionalInt.empty()).greenChannel(stack));
        assertEquals(1, new BandChoice(4, 3, 1, OptionalInt.empty()).greenChannel(stack), "no green chosen");
        assertEquals(1, new BandChoice(4, 3, 2, OptionalInt.empty()).greenChannel(BandNames.NONE), "none named");
    }

    @Test
    void namesAsSoftwareWritesThemGiveTheirColour() {
        for (String red : List.of("Red", "red", "RED", "Band 3 - Red", "B4 (Red)", "Red (668 nm)", "red_band")) {
            assertEquals(Optional.of(BandColour.RED), BandColour.named(red), red);
        }
        for (String nir : List.of("NIR", "nir", "Near Infrared", "near-infrared", "NearInfrared", "B8 (NIR)", "NIR1",
                "Infrared", "Near-IR")) {
            assertEquals(Optional.of(BandColour.NEAR_INFRARED), BandColour.named(nir), nir);
        }
        for (String other : List.of("RedEdge", "Red Edge", "rededge", "red_edge", "Coastal Blue", "coastal_blue",
                "SWIR1", "Thermal Infrared", "Yellow", "Panchromatic", "Gray", "Alpha", "Band 1", "", "red green")) {
            assertTrue(BandColour.named(other).isEmpty(), other);
        }
    }
}
