package org.meander.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ListView;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.meander.project.SampleProject;
import org.meander.project.Tile;
import org.meander.testing.OneWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A project reopens on the tile the user was on ({@link RecentChoices#lastTile}): the window made for a workbench
 * whose tile is open already shows that tile, selected in the list, instead of opening the first.
 */
@ExtendWith({ApplicationExtension.class, OneWindow.class})
class WindowOnOpenTileTest {

    private Workbench workbench;
    private Tile fifth;

    @Start
    void start(Stage stage) throws Exception {
        Path project = Files.createTempDirectory("meander-ui-test");
        SampleProject.create(project, 1);
        workbench = Workbench.open(project, null);
        fifth = workbench.annotate().tiles().get(4);
        workbench.annotate().selectedTileProperty().set(fifth);
        stage.setScene(new MainWindow(workbench.annotate(), workbench.modelName()).scene());
        stage.show();
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theWindowOpensOnTheTileOpenAlready(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(fifth, workbench.annotate().selectedTileProperty().get(), "not the first tile");
        assertEquals(fifth, robot.lookup("#tiles").queryAs(ListView.class).getSelectionModel().getSelectedItem());
        TileCanvas canvas = robot.lookup("#canvas").queryAs(TileCanvas.class);
        BufferedImage expected = ImageIO.read(fifth.image().toFile());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> canvas.shownImage() != null);
        Image shown = canvas.shownImage();
        assertEquals(expected.getWidth(), (int) shown.getWidth(), "the canvas shows the tile");
        assertEquals(expected.getRGB(7, 11) & 0xffffff, shown.getPixelReader().getArgb(7, 11) & 0xffffff);
    }
}
