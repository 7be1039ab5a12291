package org.meander.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.CheckBox;
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
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        Path project = TiledRasterProject.create(TiledRasterProject.raster(dir.resolve("ortho.tif")),
                dir.resolve("project"));
        workbench = Workbench.open(project, null);
        window = new MainWindow(workbench.annotate(), workbench.modelName());
        stage.setScene(window.scene());
        stage.show();
        this.stage = stage;
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
        assertEquals("edited 6", robot.lookup("#map-count-edited").queryLabeled().getText(), "the legend counts");
        assertEquals("accepted 0", robot.lookup("#map-count-accepted").queryLabeled().getText());

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

    /** Both side windows can stay open while labelling: the map and a tile's label history do not cover each other. */
    @Test
    void theMapAndTheLabelHistoryOpenSideBySide(FxRobot robot) {
        robot.push(KeyCode.SHIFT, KeyCode.O);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(stage::requestFocus);
        robot.push(KeyCode.M);
        WaitForAsyncUtils.waitForFxEvents();

        Stage map = window.map().stage();
        Stage history = window.history().stage();
        assertTrue(map.isShowing() && history.isShowing());
        Rectangle2D mapBounds = new Rectangle2D(map.getX(), map.getY(), map.getWidth(), map.getHeight());
        Rectangle2D historyBounds = new Rectangle2D(history.getX(), history.getY(), history.getWidth(),
                history.getHeight());
        assertFalse(mapBounds.intersects(historyBounds), "map " + mapBounds + ", history " + historyBounds);
        robot.interact(() -> {
            map.close();
            history.close();
        });
    }

    /** The river shows on the map as labelled: over a river pixel the map changes with the labels, elsewhere not. */
    @Test
    void theLabelsShowTheRiverAcrossTheRaster(FxRobot robot) throws Exception {
        robot.push(KeyCode.M);
        WaitForAsyncUtils.waitForFxEvents();
        RasterMapWindow map = window.map();
        Canvas canvas = robot.lookup("#map-canvas").queryAs(Canvas.class);
        byte[] river = TiledRasterProject.knownMask();
        int[] wet = find(river, (byte) 1, 3);
        int[] dry = find(river, (byte) 0, 1);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> pixel(robot, canvas, map, wet)
                != pixelWithout(robot, canvas, map, wet));
        assertEquals(pixel(robot, canvas, map, dry), pixelWithout(robot, canvas, map, dry), "no river, no tint");
    }

    /** A pixel of the value whose neighbours within {@code reach} have it too, away from the raster's edges. */
    private static int[] find(byte[] mask, byte value, int reach) {
        for (int y = 20; y < TiledRasterProject.HEIGHT - 20; y++) {
            for (int x = 20; x < TiledRasterProject.WIDTH - 20; x++) {
                boolean run = true;
                for (int d = -reach; d <= reach && run; d++) {
                    for (int e = -reach; e <= reach && run; e++) {
                        run = mask[(y + d) * TiledRasterProject.WIDTH + x + e] == value;
                    }
                }
                if (run) {
                    return new int[] {x, y};
                }
            }
        }
        throw new AssertionError("no clear pixel of value " + value);
    }

    private static int pixelWithout(FxRobot robot, Canvas canvas, RasterMapWindow map, int[] at) {
        robot.interact(() -> robot.lookup("#map-labels").queryAs(CheckBox.class)
                .setSelected(false));
        int argb = pixel(robot, canvas, map, at);
        robot.interact(() -> robot.lookup("#map-labels").queryAs(CheckBox.class)
                .setSelected(true));
        return argb;
    }

    /** The map's pixel over the middle of a raster pixel. */
    private static int pixel(FxRobot robot, Canvas canvas, RasterMapWindow map, int[] at) {
        double[] corner = map.toCanvas(at[0], at[1]);
        double[] next = map.toCanvas(at[0] + 1, at[1] + 1);
        int[] argb = new int[1];
        robot.interact(() -> argb[0] = canvas.snapshot(null, null).getPixelReader()
                .getArgb((int) ((corner[0] + next[0]) / 2), (int) ((corner[1] + next[1]) / 2)));
        return argb[0];
    }

    private static Tile tile(Project project, String name) {
        return project.tile(name).orElseThrow();
    }
}
