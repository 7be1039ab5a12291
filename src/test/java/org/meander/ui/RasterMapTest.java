package org.meander.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.meander.project.Project;
import org.meander.project.RasterLayout;
import org.meander.project.Tile;
import org.meander.testing.OneWindow;
import org.meander.testing.TiledRasterProject;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** M: the raster's tiles in their places; a click opens one, arrow keys open the one beside it. */
@ExtendWith({ApplicationExtension.class, OneWindow.class})
class RasterMapTest {

    @TempDir
    Path dir;

    private Workbench workbench;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        Path project = TiledRasterProject.create(TiledRasterProject.raster(dir.resolve("ortho.tif")),
                dir.resolve("project"));
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
    void aClickOpensATileAndArrowsOpenTheOneBesideIt(FxRobot robot) throws Exception {
        AnnotateViewModel model = workbench.annotate();
        Project project = workbench.project();
        robot.push(KeyCode.M);
        WaitForAsyncUtils.waitForFxEvents();
        RasterMapWindow map = window.map();
        assertTrue(map.stage().isShowing());

        RasterLayout layout = RasterLayout.of(project).get(0);
        RasterLayout.Cell target = layout.cells().stream()
                .filter(cell -> cell.tile().name().equals("ortho_r1_c2")).findFirst().orElseThrow();
        Rectangle own = target.own();
        double[] point = map.toCanvas(own.x + own.width / 2, own.y + own.height / 2);
        Canvas canvas = robot.lookup("#map-canvas").queryAs(Canvas.class);
        Point2D screen = canvas.localToScreen(point[0], point[1]);
        robot.clickOn(screen, MouseButton.PRIMARY);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> target.tile().equals(model.selectedTileProperty().get()));
        assertTrue(robot.lookup("#map-hovered").queryLabeled().getText().startsWith("ortho_r1_c2 · edited"),
                robot.lookup("#map-hovered").queryLabeled().getText());

        robot.push(KeyCode.LEFT);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> tile(project, "ortho_r1_c1")
                .equals(model.selectedTileProperty().get()));
        robot.push(KeyCode.UP);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> tile(project, "ortho_r0_c1")
                .equals(model.selectedTileProperty().get()));
        robot.push(KeyCode.UP); // the raster's top edge: nothing above
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(tile(project, "ortho_r0_c1"), model.selectedTileProperty().get());

        Tile removed = tile(project, "ortho_r0_c2");
        robot.interact(() -> model.removal().remove(removed));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> project.tiles().size() == 5);
        WaitForAsyncUtils.waitForFxEvents();
        RasterLayout shown = (RasterLayout) robot.lookup("#map-raster").queryComboBox().getValue();
        assertEquals(5, shown.cells().size(), "a removed tile leaves the map");
        assertTrue(shown.cells().stream().noneMatch(cell -> cell.tile().equals(removed)));

        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!map.stage().isShowing(), "Esc closes the map");
    }

    private static Tile tile(Project project, String name) {
        return project.tile(name).orElseThrow();
    }
}
