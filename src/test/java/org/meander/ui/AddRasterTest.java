package org.meander.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ListView;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.meander.project.LabelStatus;
import org.meander.project.Project;
import org.meander.project.Tile;
import org.meander.testing.OneWindow;
import org.meander.testing.TestRasters;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * "Add a raster…": a four-band GeoTIFF, its river mask and the band choice made in the window become tiles of the
 * open project, which the tile list shows when the cut ends.
 */
@ExtendWith({ApplicationExtension.class, OneWindow.class})
class AddRasterTest {

    @TempDir
    Path temp;

    private Workbench workbench;
    private AddRasterWindow window;

    @Start
    void start(Stage stage) throws Exception {
        workbench = SampleWindow.show(stage, 3, null).workbench();
        window = new AddRasterWindow(new AddRasterViewModel(workbench.project(), workbench.annotate()));
        window.show(stage);
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    @Test
    void aMultiBandRasterAndItsMaskBecomeTilesOfTheOpenProject(FxRobot robot) throws Exception {
        Path raster = TestRasters.tiff(temp.resolve("ortho.tif"), TestRasters.raster(300, 200, 4, 8,
                (x, y, band) -> band == 3 ? 200 - y / 2 : (x + band * 40) % 256), 0, TestRasters.georeferencing());
        BufferedImage river = new BufferedImage(300, 200, BufferedImage.TYPE_BYTE_GRAY);
        for (int x = 0; x < 300; x++) {
            for (int y = 90; y < 110; y++) {
                river.getRaster().setSample(x, y, 0, 255);
            }
        }
        Path mask = temp.resolve("river.png");
        ImageIO.write(river, "png", mask.toFile());
        assertEquals("Choose the raster to cut into tiles.", Fields.label(robot, "#add-raster-problem"));

        Fields.set(robot, "#add-raster-file", raster.toString());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> Fields.label(robot, "#add-raster-found").equals("300 x 200 pixels, 4 bands, 8-bit"));
        assertTrue(shown(robot, "#add-raster-bands"), "four bands: the choice is offered");
        Fields.set(robot, "#add-raster-tile-size", "128");
        Fields.set(robot, "#add-raster-overlap", "200");
        assertTrue(Fields.label(robot, "#add-raster-problem").startsWith("Overlap:"));
        Fields.set(robot, "#add-raster-overlap", "32");
        Fields.set(robot, "#add-raster-bands", "3,2,5");
        assertTrue(Fields.label(robot, "#add-raster-problem").contains("1 to 4 (the raster has 4)"),
                Fields.label(robot, "#add-raster-problem"));
        Fields.set(robot, "#add-raster-bands", "3,2,1");
        @SuppressWarnings("unchecked")
        ChoiceBox<Integer> nir = robot.lookup("#add-raster-nir-band").queryAs(ChoiceBox.class);
        robot.interact(() -> nir.setValue(4));
        Fields.set(robot, "#add-raster-mask", mask.toString());
        assertEquals("", Fields.label(robot, "#add-raster-problem"));
        robot.clickOn("#add-raster-start");

        ListView<?> list = robot.lookup("#tiles").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> list.getItems().size() == 12);
        assertTrue(Fields.text(robot, "#add-raster-report").startsWith("Cut ortho.tif (300 x 200) into 6 tiles, 2"
                + " rows of 3, named ortho_r…_c…. Each got its window of the mask as its label"),
                Fields.text(robot, "#add-raster-report"));
        Project project = workbench.project();
        Tile tile = project.tile("ortho_r1_c1").orElseThrow();
        assertEquals(LabelStatus.IMPORTED, project.status(tile));
        assertTrue(project.rasterWindow(tile).isPresent());
        BufferedImage band = ImageIO.read(project.nearInfraredFile(tile).toFile());
        int windowY = project.rasterWindow(tile).orElseThrow().window().y();
        assertEquals(200 - (windowY + 10) / 2, band.getRaster().getSample(5, 10, 0), "band 4 kept");
        assertEquals(List.of(), project.interruptedCuts());
    }

    @Test
    void theBandsARasterNamesAreFilledInAndTheUsersOwnChoiceIsKept(FxRobot robot) throws Exception {
        Path named = TestRasters.tiff(temp.resolve("stack.tif"), TestRasters.raster(64, 64, 4, 16,
                (x, y, band) -> 1000 * band + x), 0, List.of(TestRasters.bandNames("Blue", "Green", "Red", "NIR")));
        Path unnamed = TestRasters.tiff(temp.resolve("plain.tif"), TestRasters.raster(64, 64, 4, 16,
                (x, y, band) -> 1000 * band + x), 0, List.of());
        @SuppressWarnings("unchecked")
        ChoiceBox<Integer> nir = robot.lookup("#add-raster-nir-band").queryAs(ChoiceBox.class);

        Fields.set(robot, "#add-raster-file", named.toString());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Fields.label(robot, "#add-raster-found")
                .equals("64 x 64 pixels, 4 bands, 16-bit, named 1 Blue, 2 Green, 3 Red, 4 NIR"));
        assertEquals("3,2,1", Fields.text(robot, "#add-raster-bands"));
        assertEquals(4, nir.getValue());
        assertEquals("4 NIR", nir.getConverter().toString(nir.getValue()));
        ImageView preview = robot.lookup("#add-raster-bands-preview").queryAs(ImageView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> preview.getImage() != null);
        assertEquals(64, preview.getImage().getWidth());
        Image asNamed = preview.getImage();
        Fields.set(robot, "#add-raster-bands", "4,2,1");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> preview.getImage() != asNamed);
        Fields.set(robot, "#add-raster-bands", "4,2");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> preview.getImage() == null);
        Fields.set(robot, "#add-raster-bands", "3,2,1");

        Fields.set(robot, "#add-raster-file", unnamed.toString());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> Fields.label(robot, "#add-raster-found").equals("64 x 64 pixels, 4 bands, 16-bit"));
        assertEquals("", Fields.text(robot, "#add-raster-bands"), "what the names filled in goes with them");
        assertEquals(0, nir.getValue());

        Fields.set(robot, "#add-raster-bands", "2,3,4");
        robot.interact(() -> nir.setValue(1));
        Fields.set(robot, "#add-raster-file", named.toString());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> Fields.label(robot, "#add-raster-found").endsWith("named 1 Blue, 2 Green, 3 Red, 4 NIR"));
        assertEquals("2,3,4", Fields.text(robot, "#add-raster-bands"), "the user's own choice");
    }

    @Test
    void anRgbaOrthomosaicOffersNoBandChoiceAndSaysItHasAlpha(FxRobot robot) throws Exception {
        Path ortho = TestRasters.rgbaTiff(temp.resolve("ortho.tif"), TestRasters.raster(64, 48, 4, 8,
                (x, y, band) -> band == 3 ? (x < 20 ? 0 : 255) : 200));

        Fields.set(robot, "#add-raster-file", ortho.toString());

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Fields.label(robot, "#add-raster-found")
                .equals("64 x 48 pixels, 3 bands and alpha, 8-bit, named 1 Red, 2 Green, 3 Blue, 4 Alpha"));
        assertFalse(shown(robot, "#add-raster-bands"), "red, green and blue: nothing to choose");
        // the raster is shown all the same, outside the flight transparent
        ImageView preview = robot.lookup("#add-raster-bands-preview").queryAs(ImageView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> preview.getImage() != null);
        assertTrue(shown(robot, "#add-raster-bands-preview"));
        assertEquals(0.0, preview.getImage().getPixelReader().getColor(5, 5).getOpacity());
        assertEquals(1.0, preview.getImage().getPixelReader().getColor(40, 5).getOpacity());
    }

    /**
     * Three bands that name nothing may be in any order (a VRT of a scene's band files B2, B3, B4): the choice is
     * offered, where three named red, green, blue (an RGB TIFF) need none.
     */
    @Test
    void threeBandsNamedNothingOfferTheChoice(FxRobot robot) throws Exception {
        String bands = "";
        for (String band : List.of("B2", "B3", "B4")) {
            TestRasters.tiff(temp.resolve(band + ".tif"), TestRasters.raster(64, 48, 1, 16, (x, y, b) -> 1000 + x),
                    0, List.of());
            bands += "<VRTRasterBand dataType=\"UInt16\"><SimpleSource><SourceFilename relativeToVRT=\"1\">" + band
                    + ".tif</SourceFilename><SourceBand>1</SourceBand></SimpleSource></VRTRasterBand>";
        }
        Path scene = java.nio.file.Files.writeString(temp.resolve("scene.vrt"),
                "<VRTDataset rasterXSize=\"64\" rasterYSize=\"48\">" + bands + "</VRTDataset>");

        Fields.set(robot, "#add-raster-file", scene.toString());

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Fields.label(robot, "#add-raster-found")
                .equals("64 x 48 pixels, 3 bands, 16-bit"));
        assertTrue(shown(robot, "#add-raster-bands"), "blue, green, red maybe: the user says");

        Path rgb = TestRasters.tiff(temp.resolve("rgb.tif"), TestRasters.raster(64, 48, 3, 8, (x, y, b) -> 100), 0,
                List.of());
        Fields.set(robot, "#add-raster-file", rgb.toString());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Fields.label(robot, "#add-raster-found")
                .startsWith("64 x 48 pixels, 3 bands, 8-bit, named 1 Red"));
        assertFalse(shown(robot, "#add-raster-bands"), "named red, green, blue: nothing to choose");
    }

    @Test
    void aRasterWithGdalsNodataMaskSaysSo(FxRobot robot) throws Exception {
        Path ortho = TestRasters.tiff(temp.resolve("masked.tif"), List.of(
                new TestRasters.Page(TestRasters.raster(64, 48, 3, 8, (x, y, band) -> 200), List.of()),
                TestRasters.mask(64, 48, false, (x, y) -> x >= 20)), 16, "JPEG");

        Fields.set(robot, "#add-raster-file", ortho.toString());

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Fields.label(robot, "#add-raster-found")
                .startsWith("64 x 48 pixels, 3 bands and GDAL's nodata mask, 8-bit"));
    }

    /** Whether the node and every node it is in are visible. */
    private static boolean shown(FxRobot robot, String id) {
        for (Node node = robot.lookup(id).query(); node != null; node = node.getParent()) {
            if (!node.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
