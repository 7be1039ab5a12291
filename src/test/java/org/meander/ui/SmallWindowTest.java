package org.meander.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.meander.project.Split;
import org.meander.project.Tile;
import org.meander.testing.Fixtures;
import org.meander.testing.OneWindow;
import org.meander.testing.RiverFixtureProject;
import org.meander.train.EpochRecord;
import org.meander.train.MetricSummary;
import org.meander.train.RunFolder;
import org.meander.train.RunHistory;
import org.meander.train.RunInfo;
import org.meander.train.RunStatus;
import org.meander.train.TrainingConfig;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/** The workbench in a 1024 x 700 window, a laptop's screen less its task bar: every control usable, words whole. */
@ExtendWith({ApplicationExtension.class, OneWindow.class})
@Timeout(120)
class SmallWindowTest {

    private static final String LONG = "Run run-2 stopped (stopped while validating epoch 24): Resume continues from"
            + " its last checkpoint, and this sentence goes on long enough to need a second line in any pane.";

    @TempDir
    Path temp;

    private Workbench workbench;
    private Stage stage;
    private double[] size;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path project = RiverFixtureProject.create(temp.resolve("rivers"), Split.TRAIN, Split.VALIDATION).directory();
        run(project, "run-1", RunStatus.FINISHED, null);
        run(project, "run-2", RunStatus.STOPPED, "stopped while validating epoch 24");
        workbench = Workbench.open(project, Fixtures.model("tiny"));
        // the status bar's "Embeddings 1/2" changes while the tiles encode: measured once they are
        for (org.meander.project.Tile tile : workbench.project().tiles()) {
            workbench.queue().request(tile.image()).get(60, TimeUnit.SECONDS);
        }
        stage.setScene(new MainWindow(workbench, ProjectActions.NONE).scene());
        stage.show();
        size = new double[] {stage.getWidth(), stage.getHeight()};
        resize(1024, 700);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            stage.setWidth(size[0]); // the stage is the next test class's too
            stage.setHeight(size[1]);
        });
        workbench.close();
    }

    @Test
    void theTrainTabKeepsItsControlsWholeAndItsWordsReadable(FxRobot robot) throws Exception {
        robot.clickOn(robot.lookup(".tab-label").match(LabeledMatchers.hasText("Train")).queryLabeled());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> workbench.train().readyProperty().get());
        TableView<?> runs = robot.lookup("#past-runs").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runs.getItems().size() == 2);
        showLong(robot, "#train-message");

        Parent tab = robot.lookup("#past-runs").queryAs(Node.class).getParent().getScene().getRoot();
        assertEquals(List.of(), cutShort(robot, tab));
        assertEquals(List.of(), CutShort.unreachableColumns(runs));
        for (String id : new String[] {"#stop", "#resume", "#refresh-runs", "#copy-settings"}) {
            Region button = robot.lookup(id).queryAs(Region.class);
            assertTrue(button.getWidth() >= button.prefWidth(-1) - 0.5, id + " is cut short");
            assertTrue(CutShort.withinWidth(button, tab), id + " lies outside the window");
        }
        for (String id : new String[] {"#loss-chart", "#iou-chart"}) {
            Node chart = robot.lookup(id).query();
            assertTrue(CutShort.withinWidth(chart, CutShort.paneOf(chart)), id + " is cut off at its pane's edge");
        }
    }

    @Test
    void theEvaluateTabsHeadingsAndMessageAreReadable(FxRobot robot) {
        robot.clickOn(robot.lookup(".tab-label").match(LabeledMatchers.hasText("Evaluate")).queryLabeled());
        assertTrue(robot.lookup("#eval-tiles").query().isVisible());
        showLong(robot, "#eval-message");

        Parent root = stage.getScene().getRoot();
        assertEquals(List.of(), cutShort(robot, root));
        for (String table : new String[] {"#metrics", "#eval-tiles"}) {
            assertEquals(List.of(), CutShort.unreachableColumns(robot.lookup(table).queryAs(TableView.class)), table);
        }
    }

    @Test
    void theToolBarKeepsTheViewChoicesInSight(FxRobot robot) {
        ToolBar bar = robot.lookup(".tool-bar").queryAs(ToolBar.class);
        for (String id : new String[] {"#tile-view", "#stretch-colours", "#label-outline", "#brush-size"}) {
            Node control = robot.lookup(id).query();
            assertTrue(control.getScene() != null && control.isVisible() && CutShort.withinWidth(control, bar),
                    id + " went into the tool bar's overflow menu");
        }
    }

    @Test
    void annotateFitsTheTileToTheResizedViewUnlessTheUserZoomed(FxRobot robot) throws Exception {
        TileCanvas canvas = robot.lookup("#canvas").queryAs(TileCanvas.class);
        Tile tile = workbench.annotate().selectedTileProperty().get();
        BufferedImage image = ImageIO.read(tile.image().toFile());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fitted(canvas, image));

        resize(1280, 800);
        assertTrue(fitted(canvas, image), "the larger view shows the whole tile, as large as it allows");
        resize(1024, 700);
        assertTrue(fitted(canvas, image), "so does the smaller one");

        robot.interact(() -> canvas.canvas().fireEvent(new ScrollEvent(ScrollEvent.SCROLL, 100, 100, 100, 100,
                false, false, false, false, false, false, 0, 200, 0, 200, ScrollEvent.HorizontalTextScrollUnits.NONE,
                0, ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null)));
        double[] zoomed = canvas.toCanvas(0, 0);
        resize(1280, 800);
        assertTrue(!fitted(canvas, image), "the user's zoom is kept");
        assertEquals(zoomed[0], canvas.toCanvas(0, 0)[0], 1e-9);

        robot.interact(canvas::fit); // F
        resize(1024, 700);
        assertTrue(fitted(canvas, image), "F fits again, and the fit follows the view");
    }

    /** The tile's whole in view, centred, touching two opposite edges. */
    private static boolean fitted(TileCanvas canvas, BufferedImage image) {
        double[] topLeft = canvas.toCanvas(0, 0);
        double[] bottomRight = canvas.toCanvas(image.getWidth(), image.getHeight());
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        boolean spansWidth = Math.abs(topLeft[0]) < 0.5 && Math.abs(bottomRight[0] - w) < 0.5;
        boolean spansHeight = Math.abs(topLeft[1]) < 0.5 && Math.abs(bottomRight[1] - h) < 0.5;
        boolean centred = Math.abs(topLeft[0] + bottomRight[0] - w) < 0.5
                && Math.abs(topLeft[1] + bottomRight[1] - h) < 0.5;
        return (spansWidth || spansHeight) && centred;
    }

    private static List<String> cutShort(FxRobot robot, Parent root) {
        robot.interact(() -> {
            root.applyCss(); // a text changed since the last pulse is laid out now, not measured half done
            root.layout();
        });
        return java.util.stream.Stream.concat(CutShort.squeezed(root).stream(), CutShort.labels(root).stream())
                .toList();
    }

    /** A message longer than the pane is wide, in place of the view-model's. */
    private static void showLong(FxRobot robot, String id) {
        Label message = robot.lookup(id).queryAs(Label.class);
        robot.interact(() -> {
            message.textProperty().unbind();
            message.setText(LONG);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void resize(double width, double height) {
        WaitForAsyncUtils.asyncFx(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** A run of two epochs recorded as the Train tab reads it. */
    private static void run(Path project, String name, RunStatus status, String message) throws Exception {
        RunFolder folder = RunFolder.of(project, name);
        folder.create();
        TrainingConfig.defaults().write(folder.config());
        new RunInfo("model", null, "cpu()", status, message, null).write(folder.info());
        MetricSummary.Stat stat = new MetricSummary.Stat(0.0348, 0.03);
        MetricSummary validation = new MetricSummary(2, stat, stat, stat, stat, stat);
        List<EpochRecord> epochs = List.of(new EpochRecord(1, 1.31, 1.2209, validation, 1, 2),
                new EpochRecord(2, 1.30, 1.2309, validation, 1, 2));
        new ObjectMapper().writeValue(folder.history().toFile(), new RunHistory(epochs, List.of()));
    }
}
