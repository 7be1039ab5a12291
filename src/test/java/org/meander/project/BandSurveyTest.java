package org.meander.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meander.project.raster.BandNames;
import org.meander.project.raster.SampleFormat;
import org.meander.testing.Fixtures;
import org.meander.testing.TestRasters;

/** What a folder's images hold, from their headers: the band choice an import offers. */
class BandSurveyTest {

    @TempDir
    Path dir;

    @Test
    void ordinaryPicturesHoldNoBandToChooseAlsoWithAlpha() throws IOException {
        Files.copy(Fixtures.shared().resolve("data/elwha-airborne/airborne_3.png"), dir.resolve("airborne_3.png"));
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_ARGB), "png", dir.resolve("glass.png").toFile());

        BandSurvey survey = BandSurvey.of(dir);

        assertEquals(new BandSurvey(3, new SampleFormat(8, false), "airborne_3.png",
                new BandNames(List.of("Red", "Green", "Blue"))), survey,
                "the alpha of glass.png is no band");
    }

    @Test
    void theImageWithTheMostBandsIsNamedAndAnUnreadableOneIsLeftToTheImport() throws IOException {
        TestRasters.tiff(dir.resolve("a_rgbn.tif"), TestRasters.raster(8, 8, 4, 8, (x, y, b) -> b), 0, List.of());
        TestRasters.tiff(dir.resolve("b_five.tif"), TestRasters.raster(8, 8, 5, 16, (x, y, b) -> b), 0, List.of());
        Files.writeString(dir.resolve("c_broken.tif"), "not a TIFF");

        BandSurvey survey = BandSurvey.of(dir);

        assertEquals(new BandSurvey(5, new SampleFormat(16, false), "b_five.tif", BandNames.NONE), survey);
    }

    @Test
    void anRgbaOrthomosaicsAlphaIsNoBandToChoose() throws IOException {
        TestRasters.rgbaTiff(dir.resolve("ortho.tif"), TestRasters.raster(8, 8, 4, 8, (x, y, b) -> 255));

        BandSurvey survey = BandSurvey.of(dir);

        assertEquals(3, survey.bands(), "red, green and blue: nothing to choose");
        assertEquals(new BandNames(List.of("Red", "Green", "Blue", "Alpha")), survey.names());
    }

    @Test
    void theNamesTheImageGivesItsBandsComeAlong() throws IOException {
        TestRasters.tiff(dir.resolve("stack.tif"), TestRasters.raster(8, 8, 4, 16, (x, y, b) -> b), 0,
                List.of(TestRasters.bandNames("Blue", "", "Red")));

        assertEquals(new BandNames(List.of("Blue", "", "Red", "")), BandSurvey.of(dir).names());
    }

    @Test
    void floatingPointSamplesAreSaidToBe() throws IOException {
        TestRasters.tiff(dir.resolve("reflectance.tif"), TestRasters.floatRaster(8, 8, 4, (x, y, b) -> 0.5f), 0,
                List.of());

        assertEquals("32-bit floating-point", BandSurvey.of(dir).samples().toString());
    }
}
