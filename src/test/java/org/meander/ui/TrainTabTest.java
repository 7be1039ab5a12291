package org.meander.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.meander.project.Split;
import org.meander.testing.Fixtures;
import org.meander.testing.OneWindow;
import org.meander.testing.RiverFixtureProject;
import org.meander.project.Project;
import org.meander.train.CheckpointKind;
import org.meander.train.LossFunction;
import org.meander.train.OutputHandling;
import org.meander.train.PointFeeding;
import org.meander.train.PromptType;
import org.meander.train.RunFolder;
import org.meander.train.RunHistory;
import org.meander.train.RunInfo;
import org.meander.train.RunStatus;
import org.meander.train.RunDecoder;
import org.meander.train.Schedule;
import org.meander.train.TrainingConfig;
import org.meander.train.TrainingListener;
import org.meander.train.TrainingRun;
import org.meander.ui.train.PastRun;
import org.meander.ui.train.TrainViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

/** The Train tab in a real (headless) window, with the tiny model on the fixture's two river tiles. */
@ExtendWith({ApplicationExtension.class, OneWindow.class})
@Timeout(120)
class TrainTabTest {

    @TempDir
    Path temp;

    private Workbench workbench;
    private Stage stage;
    private Path project;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        project = RiverFixtureProject.create(temp.resolve("rivers"), Split.TRAIN, Split.VALIDATION).directory();
        workbench = Workbench.open(project, Fixtures.model("tiny"));
        stage.setScene(new MainWindow(workbench, ProjectActions.NONE).scene());
        CloseDuringRun.install(stage, () -> workbench.train());
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        workbench.train().stopAndWait().get(60, TimeUnit.SECONDS);
        workbench.close();
    }

    @Test
    void atTheDefaultWindowWidthTheSettingsAndTheRunsTableKeepTheirWholeWords(FxRobot robot) throws Exception {
        openTrainTab(robot);
        WaitForAsyncUtils.waitForFxEvents();
        for (String id : new String[] {"#promptType", "#pointFeeding", "#outputHandling", "#loss", "#schedule",
                "#erodeRegions", "#iouLoss"}) {
            Region control = robot.lookup(id).queryAs(Region.class);
            assertTrue(control.getWidth() >= control.prefWidth(-1) - 0.5,
                    id + " is " + control.getWidth() + " wide of the " + control.prefWidth(-1) + " it needs");
        }
        java.util.Set<Node> headers = robot.lookup("#past-runs .column-header .label").queryAll();
        assertTrue(headers.size() >= 6, "the six columns' titles: " + headers.size());
        for (Node header : headers) {
            Labeled title = (Labeled) header;
            assertTrue(title.getWidth() >= title.prefWidth(-1) - 0.5, "the runs table's " + title.getText()
                    + " is cut short");
        }
    }

    @Test
    void shortRunFromTheTabChartsItsLossesAndMarksTheBestEpoch(FxRobot robot) throws Exception {
        TrainViewModel train = openTrainTab(robot);
        type(robot, "#learningRate", "abc");
        assertTrue(robot.lookup("#learningRate").queryAs(TextField.class).getStyleClass().contains("invalid"),
                "a field that is not a number is marked as typed");
        assertTrue(robot.lookup("#start").queryButton().isDisabled());
        assertTrue(train.form().problems().stream().anyMatch(p -> p.startsWith("Learning rate")));
        type(robot, "#learningRate", "1.5");
        assertTrue(train.form().learningRate().problemProperty().get().contains("(0, 1)"),
                "TrainingConfig's own rule: " + train.form().learningRate().problemProperty().get());
        quickSettings(robot, train, 3);
        Set<Node> placeholders = robot.lookup(".chart-placeholder").queryAll();
        assertEquals(2, placeholders.size());
        assertTrue(placeholders.stream().allMatch(Node::isVisible), "empty charts say where their points come from");
        NumberAxis emptyEpochs = (NumberAxis) robot.lookup("#iou-chart").queryAs(LineChart.class).getXAxis();
        NumberAxis emptyIou = (NumberAxis) robot.lookup("#iou-chart").queryAs(LineChart.class).getYAxis();
        assertEquals(List.of(0.0, 3.0, 0.0, 1.0), List.of(emptyEpochs.getLowerBound(), emptyEpochs.getUpperBound(),
                emptyIou.getLowerBound(), emptyIou.getUpperBound()), "empty: the epochs of the run to start, IoU 0..1");

        robot.clickOn("#start");
        awaitRunEnd(train, 60);
        assertTrue(placeholders.stream().noneMatch(Node::isVisible));
        assertTrue(emptyEpochs.isAutoRanging() && emptyIou.isAutoRanging(), "with points, the axes fit them");

        assertEquals("Finished", train.phaseProperty().get(), train.messageProperty().get());
        RunHistory history = RunHistory.read(RunFolder.of(project, "run-1").history());
        assertEquals(3, history.epochs().size());
        LineChart<?, ?> loss = robot.lookup("#loss-chart").queryAs(LineChart.class);
        LineChart<?, ?> iou = robot.lookup("#iou-chart").queryAs(LineChart.class);
        assertEquals(3, loss.getData().get(0).getData().size(), "one point a batch: one batch an epoch");
        assertEquals(3, loss.getData().get(1).getData().size(), "validation loss, one point an epoch");
        assertEquals(3, iou.getData().get(0).getData().size(), "validation IoU, one point an epoch");
        XYChart.Data<?, ?> best = loss.getData().get(2).getData().get(0);
        assertEquals(history.bestEpoch(), ((Number) best.getXValue()).intValue(), "the best epoch is marked");
        assertTrue(best.getNode().getStyleClass().contains("best-epoch"));
        assertEquals("Best epoch: " + history.bestEpoch(), robot.lookup("#best-epoch").queryLabeled().getText());

        TableView<?> runs = robot.lookup("#past-runs").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runs.getItems().size() == 1);
        PastRun run = train.pastRuns().get(0);
        assertEquals("run-1", run.name());
        assertTrue(train.statusOf(run).startsWith("finished"), train.statusOf(run));
        assertTrue(run.settingsText().contains(" · Feeding: one per prompt · ")
                        && run.settingsText().contains(" · Erode regions: yes · ")
                        && run.settingsText().contains(" · Weight decay: 2e-4 · "),
                "choices read as the form shows them: " + run.settingsText());
        assertEquals("run-2", train.runNameProperty().get(), "the next run gets a free name");

        // trained again from run-1's best checkpoint rather than from the model's own decoder
        ComboBox<RunDecoder> from = robot.lookup("#start-from").queryAs(ComboBox.class);
        RunDecoder firstBest = new RunDecoder("run-1", CheckpointKind.BEST);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> from.getItems().contains(firstBest));
        assertEquals(List.of(firstBest, new RunDecoder("run-1", CheckpointKind.LAST)),
                from.getItems().subList(1, from.getItems().size()), "after the model's own: each checkpoint");
        assertEquals(null, from.getValue(), "the model's own decoder unless chosen");
        robot.interact(() -> from.setValue(firstBest));
        robot.clickOn("#start");
        awaitRunEnd(train, 60);
        RunInfo second = RunInfo.read(RunFolder.of(project, "run-2").info());
        assertEquals(RunStatus.FINISHED, second.status(), train.messageProperty().get());
        assertEquals(firstBest, second.startedFrom());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> train.pastRuns().size() == 2);
        assertTrue(train.pastRuns().stream().filter(r -> r.name().equals("run-2")).findFirst().orElseThrow()
                .settingsText().contains("Started from: run-1 (best checkpoint)"));
    }

    @Test
    void stopThenResumeFinishesTheRun(FxRobot robot) throws Exception {
        TrainViewModel train = openTrainTab(robot);
        quickSettings(robot, train, 40);
        robot.clickOn("#start");
        // Start greys out: the focus is not passed on to Seed defaults, which Space would press
        assertEquals("stop", stage.getScene().getFocusOwner().getId());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> train.charts().lossSeries().get(1).getData().size() >= 1);
        // the runs table follows the run as its epochs end, not only once it is over
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> train.trainingProperty().get() && train.pastRuns()
                .stream().anyMatch(r -> r.name().equals("run-1") && !r.epochsText().startsWith("0/")));
        // the device is named once in the tab: the form's, for the next run; the run says what it runs on
        assertEquals("Run run-1 on CPU", robot.lookup("#running-run").queryLabeled().getText());
        assertEquals(1, robot.lookup(node -> node instanceof javafx.scene.control.Label label
                && label.getText() != null && label.getText().startsWith("Device:")).queryAll().size());
        robot.clickOn("#stop");
        awaitRunEnd(train, 30);

        RunFolder folder = RunFolder.of(project, "run-1");
        assertEquals(RunStatus.STOPPED, RunInfo.read(folder.info()).status(), train.messageProperty().get());
        int trained = RunHistory.read(folder.history()).epochs().size();
        assertTrue(trained < 40, "stopped before its last epoch: " + trained);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#resume").queryButton().isDisabled());
        assertTrue(train.statusOf(train.selectedRunProperty().get()).startsWith("stopped"));

        robot.clickOn("#resume");
        awaitRunEnd(train, 60);
        assertEquals(RunStatus.FINISHED, RunInfo.read(folder.info()).status(), train.messageProperty().get());
        RunHistory history = RunHistory.read(folder.history());
        assertEquals(40, history.epochs().size());
        assertEquals(40, history.batches().size(), "every batch trained once");
        assertTrue(train.charts().lossSeries().get(1).getData().size() == 40, "the resumed run's chart holds all");
    }

    @Test
    void closingDuringARunAsksThenStopsWithACheckpoint(FxRobot robot) throws Exception {
        Platform.setImplicitExit(false);
        TrainViewModel train = openTrainTab(robot);
        quickSettings(robot, train, 200);
        robot.clickOn("#start");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> !train.charts().lossSeries().get(0).getData().isEmpty());

        // not interact(): the request waits in the dialog until the click below
        Platform.runLater(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        // visible, not only present: a dialog is in the window list before its first layout gives it a size
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(CloseDuringRun.STOP_AND_CLOSE.getText())
                .match(NodeQueryUtils.isVisible()).tryQuery().isPresent());
        assertTrue(stage.isShowing(), "not closed without asking");
        assertTrue(robot.listWindows().stream().anyMatch(window -> window instanceof Stage dialog
                && "Meander — close during a run".equals(dialog.getTitle())), "titled as the other dialogs are");
        robot.clickOn(CloseDuringRun.STOP_AND_CLOSE.getText());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !stage.isShowing());

        RunFolder folder = RunFolder.of(project, "run-1");
        assertEquals(RunStatus.STOPPED, RunInfo.read(folder.info()).status());
        assertTrue(Files.isRegularFile(folder.checkpoint(CheckpointKind.LAST)), "the last checkpoint is saved");
        assertFalse(train.trainingProperty().get());
    }

    @Test
    void theChosenStartAndTheSelectedRunStayWhenTheTabIsShownAgain(FxRobot robot) throws Exception {
        TrainingConfig quick = new TrainingConfig(PromptType.BOX, 1, 1, true, 8, PointFeeding.TOGETHER,
                OutputHandling.SINGLE, LossFunction.DICE_CE, false, 1e-3, 1e-4, 0.9, 0.999, 1, Schedule.CONSTANT,
                1, 3, 5, 0);
        TrainingRun.create(Project.open(project), "earlier", Fixtures.model("tiny"), quick)
                .train(false, new TrainingListener() { }, () -> false);
        TrainViewModel train = openTrainTab(robot);
        TableView<PastRun> runs = robot.lookup("#past-runs").queryAs(TableView.class);
        ComboBox<RunDecoder> from = robot.lookup("#start-from").queryAs(ComboBox.class);
        RunDecoder earlierBest = new RunDecoder("earlier", CheckpointKind.BEST);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> from.getItems().contains(earlierBest));
        robot.interact(() -> {
            from.setValue(earlierBest);
            runs.getSelectionModel().select(0);
        });

        robot.clickOn(robot.lookup(".tab-label").match(LabeledMatchers.hasText("Annotate")).queryLabeled());
        openTrainTab(robot);
        // the runs are read again on another thread: give that reading time to reach the JavaFX thread
        WaitForAsyncUtils.sleep(1, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(earlierBest, from.getValue());
        assertEquals("earlier", runs.getSelectionModel().getSelectedItem().name());
        assertEquals("earlier", train.selectedRunProperty().get().name());
    }

    private TrainViewModel openTrainTab(FxRobot robot) throws Exception {
        robot.clickOn("Train");
        TrainViewModel train = workbench.train();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> train.readyProperty().get());
        return train;
    }

    /** Box prompts, one tile a batch, a learning rate the tiny random model moves with: a run of seconds. */
    private static void quickSettings(FxRobot robot, TrainViewModel train, int epochs) {
        robot.interact(() -> train.form().promptTypeProperty().set(PromptType.BOX));
        type(robot, "#learningRate", "1e-3");
        type(robot, "#warmupSteps", "1");
        type(robot, "#batchSize", "1");
        type(robot, "#epochs", Integer.toString(epochs));
        assertTrue(train.form().problems().isEmpty(), train.form().problems().toString());
        assertFalse(robot.lookup("#start").queryAs(Button.class).isDisabled(), "ready to start");
    }

    private static void type(FxRobot robot, String field, String text) {
        robot.clickOn(field);
        robot.press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A).release(KeyCode.CONTROL);
        robot.write(text);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void awaitRunEnd(TrainViewModel train, int seconds) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> train.trainingProperty().get()
                || !train.messageProperty().get().isEmpty());
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> !train.trainingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

}
