package org.meander.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.meander.project.ImageryOptions;
import org.meander.project.Project;
import org.meander.project.ProjectImport;
import org.meander.project.Tile;
import org.meander.project.raster.BandChoice;
import org.meander.project.raster.NearInfraredViews;
import org.meander.project.raster.StretchedColour;
import org.meander.testing.Fixtures;
import org.meander.testing.OneWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * V shows the tile in near-infrared or colour infrared, where water is dark; a tile without a band stays in colour.
 * C stretches the colours for contrast.
 */
@ExtendWith({ApplicationExtension.class, OneWindow.class})
class TileViewTest {

    @TempDir
    Path dir;

    private Workbench workbench;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        Path frames = Fixtures.shared().resolve("data/elwha-airborne");
        Path images = Files.createDirectories(dir.resolve("images"));
        Path nir = Files.createDirectories(dir.resolve("nir"));
        Files.copy(frames.resolve("airborne_3.png"), images.resolve("airborne_3.png"));
        Files.copy(frames.resolve("airborne_7.png"), images.resolve("airborne_7.png"));
        Files.copy(frames.resolve("airborne_ir_3.png"), nir.resolve("airborne_ir_3.png")); // frame 7 has none
        Path project = dir.resolve("project");
        ProjectImport.create(project, images, null, null, new ImageryOptions(BandChoice.DEFAULT, nir));
        workbench = Workbench.open(project, null);
        window = new MainWindow(workbench.annotate(), workbench.modelName());
        stage.setScene(window.scene());
        stage.show();
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    @Test
    void vGoesRoundTheViewsOfATileWithANearInfraredBand(FxRobot robot) throws Exception {
        AnnotateViewModel model = workbench.annotate();
        Project project = workbench.project();
        Tile withBand = tile(project, "airborne_3");
        Tile without = tile(project, "airborne_7");
        BufferedImage colour = ImageIO.read(withBand.image().toFile());
        BufferedImage band = ImageIO.read(project.nearInfraredFile(withBand).toFile());
        robot.interact(() -> model.selectedTileProperty().set(withBand));
        TileCanvas canvas = window.canvas();
        awaitShown(canvas, colour);
        assertFalse(robot.lookup("#tile-view").queryAs(ComboBox.class).isDisabled());

        robot.push(KeyCode.V);
        awaitShown(canvas, NearInfraredViews.grey(band.getRaster()));
        assertEquals(TileView.NEAR_INFRARED, model.views().viewProperty().get());
        robot.push(KeyCode.V);
        awaitShown(canvas, NearInfraredViews.falseColour(colour, band.getRaster()));

        robot.push(KeyCode.PAGE_DOWN);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.selectedTileProperty().get() == without);
        awaitShown(canvas, ImageIO.read(without.image().toFile()));
        assertTrue(robot.lookup("#tile-view").queryAs(ComboBox.class).isDisabled(), "no band, no choice");
        robot.push(KeyCode.V);
        assertTrue(model.statusProperty().get().startsWith("This tile has no near-infrared band"),
                model.statusProperty().get());
        assertEquals(TileView.FALSE_COLOUR, model.views().viewProperty().get(), "the choice stays");

        robot.push(KeyCode.PAGE_UP);
        awaitShown(canvas, NearInfraredViews.falseColour(colour, band.getRaster()));
    }

    /** C stretches the colours of any tile, with or without a band, for the eye only; C again shows them as stored. */
    @Test
    void cStretchesTheColoursForTheEyeOnly(FxRobot robot) throws Exception {
        AnnotateViewModel model = workbench.annotate();
        Tile without = tile(workbench.project(), "airborne_7");
        BufferedImage colour = ImageIO.read(without.image().toFile());
        robot.interact(() -> model.selectedTileProperty().set(without));
        TileCanvas canvas = window.canvas();
        awaitShown(canvas, colour);

        robot.push(KeyCode.C);
        awaitShown(canvas, StretchedColour.of(colour));
        assertTrue(robot.lookup("#stretch-colours").queryAs(CheckBox.class).isSelected());
        assertTrue(model.statusProperty().get().startsWith("Colours stretched for contrast"),
                model.statusProperty().get());
        Tile withBand = tile(workbench.project(), "airborne_3");
        robot.interact(() -> model.selectedTileProperty().set(withBand));
        awaitShown(canvas, StretchedColour.of(ImageIO.read(withBand.image().toFile())));

        robot.push(KeyCode.C);
        assertFalse(robot.lookup("#stretch-colours").queryAs(CheckBox.class).isSelected());
        awaitShown(canvas, ImageIO.read(withBand.image().toFile()));
    }

    /** Until the canvas shows this picture, pixel for pixel at a sample of places. */
    private static void awaitShown(TileCanvas canvas, BufferedImage expected) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            Image shown = canvas.shownImage();
            if (shown == null || shown.getWidth() != expected.getWidth()) {
                return false;
            }
            for (int y = 3; y < expected.getHeight(); y += 97) {
                for (int x = 5; x < expected.getWidth(); x += 89) {
                    if ((shown.getPixelReader().getArgb(x, y) & 0xffffff) != (expected.getRGB(x, y) & 0xffffff)) {
                        return false;
                    }
                }
            }
            return true;
        });
    }

    private static Tile tile(Project project, String name) {
        return project.tiles().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }
}
