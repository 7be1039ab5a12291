package org.meander.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.meander.testing.Fixtures;
import org.meander.project.LabelStatus;
import org.meander.project.Project;
import org.meander.project.Tile;
import org.meander.testing.OneWindow;
import org.meander.testing.TestRasters;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** "New project…": a folder of images and their class-index masks become a project, which then opens. */
@ExtendWith({ApplicationExtension.class, OneWindow.class})
class NewProjectTest {

    @TempDir
    Path dir;

    private final AtomicReference<Path> opened = new AtomicReference<>();
    private NewProjectWindow window;

    @Start
    void start(Stage stage) {
        window = new NewProjectWindow(new NewProjectViewModel(opened::set));
        window.show(null);
    }

    /** The window opens at its own size: its introduction is read whole, not cut off with an ellipsis. */
    @Test
    void theIntroductionShowsWhole(FxRobot robot) {
        Label intro = robot.lookup(".intro").queryAs(Label.class);

        assertTrue(intro.getHeight() >= intro.prefHeight(intro.getWidth()) - 0.5,
                intro.getHeight() + " px tall, needs " + intro.prefHeight(intro.getWidth()));
    }

    @Test
    void imagesAndMasksBecomeAProjectThatOpens(FxRobot robot) throws Exception {
        Path images = Files.createDirectories(dir.resolve("frames"));
        Path masks = Files.createDirectories(dir.resolve("masks"));
        for (String name : new String[] {"river_a", "river_b", "river_c"}) {
            ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "png",
                    images.resolve(name + ".png").toFile());
            BufferedImage mask = new BufferedImage(40, 30, BufferedImage.TYPE_BYTE_GRAY);
            mask.getRaster().setSample(5, 5, 0, 1); // class 1, the river
            mask.getRaster().setSample(6, 5, 0, 2); // class 2, not foreground here
            ImageIO.write(mask, "png", masks.resolve(name + ".png").toFile());
        }
        Files.writeString(images.resolve("notes.txt"), "not an image");

        Fields.set(robot, "#new-project-images", images.toString());
        assertEquals(dir.resolve("frames-project").toString(), Fields.text(robot, "#new-project-folder"),
                "the project goes beside the images unless told otherwise");
        Fields.set(robot, "#new-project-masks", masks.toString());
        Fields.set(robot, "#new-project-class-index", "1");
        assertEquals("", Fields.label(robot, "#new-project-problem"));
        robot.clickOn("#new-project-create");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> opened.get() != null);

        assertEquals(dir.resolve("frames-project"), opened.get());
        Project project = Project.open(opened.get());
        assertEquals(3, project.tiles().size());
        for (Tile tile : project.tiles()) {
            assertEquals(LabelStatus.IMPORTED, project.status(tile));
            assertEquals(1, foreground(project, tile), "only class 1 is foreground");
        }
        WaitForAsyncUtils.waitForFxEvents();
        String report = robot.lookup("#new-project-report").queryAs(TextInputControl.class).getText();
        assertTrue(report.contains("3 tiles, 3 with a label") && report.contains("notes.txt"), report);
        assertTrue(window.stage().isShowing(), "a skipped file keeps the window open to be read");
    }

    @Test
    void aProjectMadeWithoutProblemsClosesTheWindow(FxRobot robot) throws Exception {
        Path images = Files.createDirectories(dir.resolve("frames"));
        ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "png", images.resolve("a.png").toFile());
        Fields.set(robot, "#new-project-images", images.toString());
        Fields.set(robot, "#new-project-folder", dir.resolve("elwha").toString());
        robot.clickOn("#new-project-create");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> opened.get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(dir.resolve("elwha"), opened.get());
        assertFalse(window.stage().isShowing());
    }

    /** An orthomosaic among the frames: cut into SAM-sized tiles unless the box is cleared, and the report says so. */
    @Test
    void aLargeImageIsCutIntoTiles(FxRobot robot) throws Exception {
        Path images = Files.createDirectories(dir.resolve("orthos"));
        ImageIO.write(new BufferedImage(2100, 1100, BufferedImage.TYPE_INT_RGB), "png",
                images.resolve("big.png").toFile());
        assertTrue(robot.lookup("#new-project-cut-large").queryAs(CheckBox.class).isSelected(), "cut by default");
        // the window closes once the project is made cleanly: its report is read from the node kept
        TextInputControl reportArea = robot.lookup("#new-project-report").queryAs(TextInputControl.class);
        Fields.set(robot, "#new-project-images", images.toString());
        robot.clickOn("#new-project-create");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> opened.get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(6, Project.open(opened.get()).tiles().size());
        String report = reportArea.getText();
        assertTrue(report.contains("big.png, 2100 x 1100, was cut into 6 tiles of 1024 pixels."), report);
    }

    @Test
    void whatIsMissingOrWrongIsSaidBeforeAnythingIsCopied(FxRobot robot) throws Exception {
        assertEquals("Choose the folder of images.", Fields.label(robot, "#new-project-problem"));
        assertTrue(robot.lookup("#new-project-create").queryAs(Button.class).isDisabled());

        Path missing = dir.resolve("no-such-folder");
        Fields.set(robot, "#new-project-images", missing.toString());
        assertTrue(Fields.label(robot, "#new-project-problem").startsWith(missing + ": no such folder"));

        Path images = Files.createDirectories(dir.resolve("frames"));
        Fields.set(robot, "#new-project-images", images.toString());
        Fields.set(robot, "#new-project-class-index", "1");
        assertTrue(Fields.label(robot, "#new-project-problem").contains("choose the masks folder too"));

        Fields.set(robot, "#new-project-class-index", "");
        Path busy = Files.createDirectories(dir.resolve("documents"));
        Files.writeString(busy.resolve("thesis.tex"), "\\chapter{Rivers}");
        Fields.set(robot, "#new-project-folder", busy.toString());
        assertTrue(Fields.label(robot, "#new-project-problem").contains("holds other files and is not a project"));
        assertTrue(robot.lookup("#new-project-create").queryAs(Button.class).isDisabled());
        assertFalse(Files.exists(busy.resolve("tiles")));
    }

    /** The Elwha frames as they come: colour images and their near-infrared renderings in one folder. */
    @Test
    void nearInfraredFramesGoWithTheProjectForAutoLabelsWaterIndex(FxRobot robot) throws Exception {
        Path elwha = Fixtures.shared().resolve("data/elwha-airborne");
        Path frames = Files.createDirectories(dir.resolve("elwha"));
        for (String name : new String[] {"airborne_3.png", "airborne_ir_3.png", "airborne_5.png",
                "airborne_ir_5.png"}) {
            Files.copy(elwha.resolve(name), frames.resolve(name));
        }
        Fields.set(robot, "#new-project-images", frames.toString());
        Fields.set(robot, "#new-project-nir", dir.resolve("no-such-folder").toString());
        assertTrue(Fields.label(robot, "#new-project-problem").contains("no-such-folder: no such folder"));
        Fields.set(robot, "#new-project-nir", frames.toString());
        robot.clickOn("#new-project-create");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> opened.get() != null);

        Project project = Project.open(opened.get());
        assertEquals(List.of("airborne_3", "airborne_5"), project.tiles().stream().map(Tile::name).toList(),
                "the frames are not tiles");
        for (Tile tile : project.tiles()) {
            assertTrue(Files.isRegularFile(project.nearInfraredFile(tile)), tile.name());
        }
        // the frames were moved onto their images: the window stays open to say so
        assertTrue(robot.lookup("#new-project-report").queryAs(TextArea.class).getText()
                .contains("2 near-infrared frames did not line up with their images and were warped onto them"));
    }

    /**
     * The Elwha frames as they come, each beside its image: the near-infrared field fills with the images' folder on
     * its own, the note says why, and the frame becomes its image's band, not a tile.
     */
    @Test
    void framesBesideTheImagesFillTheNearInfraredField(FxRobot robot) throws Exception {
        Path elwha = Fixtures.shared().resolve("data/elwha-airborne");
        Path frames = Files.createDirectories(dir.resolve("elwha"));
        for (String name : new String[] {"airborne_3.png", "airborne_ir_3.png"}) {
            Files.copy(elwha.resolve(name), frames.resolve(name));
        }

        Fields.set(robot, "#new-project-images", frames.toString());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> Fields.text(robot, "#new-project-nir").equals(frames.toString()));
        assertEquals("1 near-infrared frame named for images beside them (airborne_ir_3.png for airborne_3): kept"
                + " as those images' near-infrared bands, not imported as tiles. Empty the field to import them as"
                + " tiles.", Fields.label(robot, "#new-project-nir-found"));
        robot.clickOn("#new-project-create");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> opened.get() != null);

        Project project = Project.open(opened.get());
        assertEquals(List.of("airborne_3"), project.tiles().stream().map(Tile::name).toList());
        assertTrue(Files.isRegularFile(project.nearInfraredFile(project.tiles().get(0))));
    }

    /** Frames named for images, the field emptied: the user wants every image as a tile, and gets it. */
    @Test
    void anEmptiedNearInfraredFieldImportsTheFramesAsTiles(FxRobot robot) throws Exception {
        Path images = Files.createDirectories(dir.resolve("frames"));
        for (String name : new String[] {"a.png", "a_ir.png"}) {
            ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "png", images.resolve(name).toFile());
        }
        Fields.set(robot, "#new-project-images", images.toString());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !Fields.text(robot, "#new-project-nir").isEmpty());

        Fields.set(robot, "#new-project-nir", "");
        assertEquals("", Fields.label(robot, "#new-project-nir-found"), "the note goes with the filled folder");
        robot.clickOn("#new-project-create");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> opened.get() != null);

        assertEquals(List.of("a", "a_ir"), Project.open(opened.get()).tiles().stream().map(Tile::name).toList());
    }

    /** Another images folder takes back the field filled for the last one; a folder the user typed stays. */
    @Test
    void theFilledFieldFollowsTheImagesFolderButNotTheUsers(FxRobot robot) throws Exception {
        Path withFrames = Files.createDirectories(dir.resolve("with"));
        Path without = Files.createDirectories(dir.resolve("without"));
        for (String name : new String[] {"a.png", "a_ir.png"}) {
            ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "png",
                    withFrames.resolve(name).toFile());
        }
        ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "png", without.resolve("b.png").toFile());

        Fields.set(robot, "#new-project-images", withFrames.toString());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !Fields.text(robot, "#new-project-nir").isEmpty());
        Fields.set(robot, "#new-project-images", without.toString());
        assertEquals("", Fields.text(robot, "#new-project-nir"));

        Fields.set(robot, "#new-project-nir", dir.toString());
        Fields.set(robot, "#new-project-images", withFrames.toString());
        Thread.sleep(500); // the folder's names are read in the background
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(dir.toString(), Fields.text(robot, "#new-project-nir"));
        assertEquals("", Fields.label(robot, "#new-project-nir-found"));
    }

    /**
     * A four-band 16-bit GeoTIFF stored blue, green, red, near-infrared (as PlanetScope writes them): the window finds
     * its bands, and the choice made there makes the tile's picture and its near-infrared band.
     */
    @Test
    void multiBandImagesOfferTheirBandsAndTheChoiceMakesTheTiles(FxRobot robot) throws Exception {
        Path images = Files.createDirectories(dir.resolve("scenes"));
        TestRasters.tiff(images.resolve("scene.tif"), TestRasters.raster(64, 48, 4, 16,
                (x, y, band) -> 1000 * (band + 1) + 7 * x + y), 0, TestRasters.georeferencing());
        assertFalse(shown(robot, "#new-project-bands"), "nothing to choose before images");

        Fields.set(robot, "#new-project-images", images.toString());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> shown(robot, "#new-project-bands"));
        assertEquals("scene.tif: 4 bands, 16-bit", Fields.label(robot, "#new-project-bands-found"));
        Fields.set(robot, "#new-project-bands", "3,2,9");
        assertTrue(Fields.label(robot, "#new-project-problem").contains("1 to 4 (scene.tif has 4)"),
                Fields.label(robot, "#new-project-problem"));
        Fields.set(robot, "#new-project-bands", "3,2,1");
        @SuppressWarnings("unchecked")
        ChoiceBox<Integer> nearInfrared = robot.lookup("#new-project-nir-band").queryAs(ChoiceBox.class);
        assertEquals(List.of(0, 1, 2, 3, 4), nearInfrared.getItems());
        robot.interact(() -> nearInfrared.setValue(4));
        Fields.set(robot, "#new-project-nir", images.toString());
        assertTrue(Fields.label(robot, "#new-project-problem").contains("not both"));
        Fields.set(robot, "#new-project-nir", "");
        assertEquals("", Fields.label(robot, "#new-project-problem"));
        robot.clickOn("#new-project-create");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> opened.get() != null);

        Project project = Project.open(opened.get());
        Tile scene = project.tile("scene").orElseThrow();
        BufferedImage band = ImageIO.read(project.nearInfraredFile(scene).toFile());
        assertEquals(4000 + 7 * 10 + 5, band.getRaster().getSample(10, 5, 0), "band 4, its 16-bit values unchanged");
        BufferedImage picture = ImageIO.read(scene.image().toFile());
        int left = picture.getRGB(0, 20);
        int right = picture.getRGB(63, 20);
        assertTrue((right >> 16 & 0xff) > (left >> 16 & 0xff), "red, band 3, rises to the right");
    }

    /** Three bands stored blue, green, red and named so: the choice is offered, filled in, and makes the tiles. */
    @Test
    void imagesThatNameTheirBandsInAnotherOrderGetThemFilledIn(FxRobot robot) throws Exception {
        Path images = Files.createDirectories(dir.resolve("scenes"));
        TestRasters.tiff(images.resolve("scene.tif"), TestRasters.raster(64, 48, 3, 16,
                (x, y, band) -> band == 2 ? 1000 + 7 * x : 1000), 0, List.of(TestRasters.bandNames("Blue", "Green",
                "Red")));

        Fields.set(robot, "#new-project-images", images.toString());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> shown(robot, "#new-project-bands"));
        assertEquals("scene.tif: 3 bands, 16-bit, named 1 Blue, 2 Green, 3 Red",
                Fields.label(robot, "#new-project-bands-found"));
        assertEquals("3,2,1", Fields.text(robot, "#new-project-bands"));
        robot.clickOn("#new-project-create");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> opened.get() != null);

        BufferedImage picture = ImageIO.read(Project.open(opened.get()).tile("scene").orElseThrow().image().toFile());
        assertTrue((picture.getRGB(63, 20) >> 16 & 0xff) > (picture.getRGB(0, 20) >> 16 & 0xff),
                "red, band 3, rises to the right");
        assertEquals(picture.getRGB(0, 20) & 0xff, picture.getRGB(63, 20) & 0xff, "blue, band 1, is flat");
    }

    /**
     * A stack named blue, green, red beside an RGB picture: the names filled in are the stack's, and each image
     * takes its own, so the picture keeps its colours (it used to be skipped: no band 4).
     */
    @Test
    void eachImageOfAMixedFolderTakesItsOwnNames(FxRobot robot) throws Exception {
        Path images = Files.createDirectories(dir.resolve("mixed"));
        TestRasters.tiff(images.resolve("scene.tif"), TestRasters.raster(64, 48, 4, 16,
                (x, y, band) -> band == 2 ? 1000 + 7 * x : 1000), 0, List.of(TestRasters.bandNames("Blue", "Green",
                "Red", "NIR")));
        BufferedImage photo = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        photo.setRGB(5, 5, 200 << 16 | 100 << 8 | 50);
        ImageIO.write(photo, "png", images.resolve("photo.png").toFile());

        Fields.set(robot, "#new-project-images", images.toString());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> "3,2,1".equals(Fields.text(robot,
                "#new-project-bands")));
        robot.clickOn("#new-project-create");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> opened.get() != null);

        Project project = Project.open(opened.get());
        BufferedImage kept = ImageIO.read(project.tile("photo").orElseThrow().image().toFile());
        assertEquals(200 << 16 | 100 << 8 | 50, kept.getRGB(5, 5) & 0xffffff, "red stays red");
        assertTrue(Files.exists(project.nearInfraredFile(project.tile("scene").orElseThrow())));
    }

    /** Bands typed for multi-band images do not hold up a folder of ordinary pictures chosen next. */
    @Test
    void aBandChoiceHiddenWithOtherImagesIsNotApplied(FxRobot robot) throws Exception {
        Path scenes = Files.createDirectories(dir.resolve("scenes"));
        TestRasters.tiff(scenes.resolve("scene.tif"), TestRasters.raster(16, 16, 4, 8, (x, y, band) -> band), 0,
                List.of());
        Path frames = Files.createDirectories(dir.resolve("frames"));
        ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "png", frames.resolve("a.png").toFile());
        Fields.set(robot, "#new-project-images", scenes.toString());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> shown(robot, "#new-project-bands"));
        Fields.set(robot, "#new-project-bands", "4,3,2");

        Fields.set(robot, "#new-project-images", frames.toString());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !shown(robot, "#new-project-bands"));
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS); // the survey of the pictures ends
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals("", Fields.label(robot, "#new-project-problem"));
        robot.clickOn("#new-project-create");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> opened.get() != null);
        assertEquals(List.of("a"), Project.open(opened.get()).tiles().stream().map(Tile::name).toList());
    }

    @Test
    void linksOutOfTheFolderAreFollowedWhenTicked(FxRobot robot) throws Exception {
        Path store = Files.createDirectories(dir.resolve("annex-store"));
        ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "png", store.resolve("key1").toFile());
        Path images = Files.createDirectories(dir.resolve("frames"));
        Files.createSymbolicLink(images.resolve("river.png"), store.resolve("key1"));
        Fields.set(robot, "#new-project-images", images.toString());
        robot.clickOn("#new-project-follow-links");
        robot.clickOn("#new-project-create");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> opened.get() != null);
        assertEquals(List.of("river"), Project.open(opened.get()).tiles().stream().map(Tile::name).toList());
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

    private static int foreground(Project project, Tile tile) throws Exception {
        int count = 0;
        for (byte pixel : project.readLabel(tile).orElseThrow().pixels()) {
            count += pixel != 0 ? 1 : 0;
        }
        return count;
    }
}
