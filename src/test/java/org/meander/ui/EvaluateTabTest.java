package org.meander.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.meander.project.Project;
import org.meander.project.SampleProject;
import org.meander.project.Split;
import org.meander.project.Tile;
import org.meander.sam.SamModel;
import org.meander.testing.Fixtures;
import org.meander.testing.OneWindow;
import org.meander.testing.RiverFixtureProject;
import org.meander.train.Baseline;
import org.meander.train.CheckpointKind;
import org.meander.train.Evaluation;
import org.meander.train.RunDecoder;
import org.meander.train.DecoderParameters;
import org.meander.train.LossFunction;
import org.meander.train.OutputHandling;
import org.meander.train.PointFeeding;
import org.meander.train.PromptType;
import org.meander.train.RunCheckpoint;
import org.meander.train.RunFolder;
import org.meander.train.RunStatus;
import org.meander.train.Schedule;
import org.meander.train.TrainingConfig;
import org.meander.train.TrainingListener;
import org.meander.train.TrainingRun;
import org.meander.ui.evaluate.EvaluateViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/** The Evaluate tab in a real (headless) window, on a run of the tiny model trained before the window opens. */
@ExtendWith({ApplicationExtension.class, OneWindow.class})
@Timeout(120)
class EvaluateTabTest {

    @TempDir
    Path temp;

    private Workbench workbench;
    private Path project;

    @Start
    void start(Stage stage) throws Exception {
        project = RiverFixtureProject.create(temp.resolve("rivers"), Split.TRAIN, Split.VALIDATION).directory();
        TrainingConfig quick = new TrainingConfig(PromptType.BOX, 3, 2, true, 8, PointFeeding.TOGETHER,
                OutputHandling.SINGLE, LossFunction.DICE_CE, false, 1e-3, 1e-4, 0.9, 0.999, 1, Schedule.CONSTANT,
                1, 3, 5, 0);
        TrainingRun run = TrainingRun.create(Project.open(project), "tuned", Fixtures.model("tiny"), quick);
        assertEquals(RunStatus.FINISHED, run.train(false, new TrainingListener() { }, () -> false).status());
        workbench = Workbench.open(project, Fixtures.model("tiny"));
        stage.setScene(new MainWindow(workbench, ProjectActions.NONE).scene());
        stage.show();
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    @Test
    void evaluationFillsTheTablesAndDoubleClickOpensTheTileInAnnotate(FxRobot robot) throws Exception {
        EvaluateViewModel evaluate = openEvaluateTab(robot);
        robot.clickOn("#eval-accepted-only"); // no label of the split is accepted yet
        robot.clickOn("#evaluate");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> evaluate.messageProperty().get().contains("no accepted label in the validation split"));
        robot.clickOn("#eval-accepted-only");
        robot.clickOn("#evaluate");
        TableView<?> tiles = robot.lookup("#eval-tiles").queryAs(TableView.class);
        // the tables and the message are set in one step on the JavaFX thread: wait for its end, the message
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> evaluate.messageProperty().get().contains("mean IoU"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, tiles.getItems().size());
        TableView<?> metrics = robot.lookup("#metrics").queryAs(TableView.class);
        assertEquals(5, metrics.getItems().size(), "IoU, F1, precision, recall, accuracy");
        Path table = RunFolder.of(project, "tuned").directory().resolve("evaluation-validation.csv");
        assertTrue(evaluate.messageProperty().get().endsWith("Every tile's metrics: " + table),
                evaluate.messageProperty().get());
        assertTrue(Files.isRegularFile(table));
        assertTrue(Files.isRegularFile(RunFolder.of(project, "tuned").evaluation("validation", false, Baseline.MODEL,
                CheckpointKind.BEST)), "the report is kept with the run, as ./meander evaluate keeps it");

        WaitForAsyncUtils.waitForFxEvents();
        Node row = robot.lookup("#eval-tiles .table-row-cell").nth(0).query();
        robot.clickOn(row);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> evaluate.comparisonProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        for (String view : new String[] {"#label-view", "#base-view", "#tuned-view"}) {
            ImageView overlay = robot.lookup(view + " ImageView").nth(1).queryAs(ImageView.class);
            assertNotNull(overlay.getImage(), view + " shows a mask");
            assertEquals(1024, overlay.getImage().getWidth(), "at the tile's size");
        }

        // the tile list's search leaves river_b out: it is shown for the purpose
        robot.interact(() -> workbench.annotate().browser().searchProperty().set("no such tile"));
        robot.doubleClickOn(row);
        WaitForAsyncUtils.waitForFxEvents();
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        assertEquals("Annotate", tabs.getSelectionModel().getSelectedItem().getText());
        assertEquals("river_b", workbench.annotate().selectedTileProperty().get().name());
        assertEquals(List.of("river_b"), workbench.annotate().tiles().stream().map(Tile::name).toList());

        // from the keyboard: Enter on the selected tile
        robot.interact(() -> tabs.getSelectionModel().select(2));
        robot.interact(() -> workbench.annotate().selectedTileProperty().set(null));
        robot.clickOn(row);
        robot.push(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Annotate", tabs.getSelectionModel().getSelectedItem().getText());
        assertEquals("river_b", workbench.annotate().selectedTileProperty().get().name());
    }

    @Test
    void theTunedDecoderAnnotatesAndExports(FxRobot robot) throws Exception {
        EvaluateViewModel evaluate = openEvaluateTab(robot);
        Map<String, float[]> best = RunCheckpoint.read(RunFolder.of(project, "tuned")
                .checkpoint(CheckpointKind.BEST)).decoder();
        Map<String, float[]> own = DecoderParameters.of(workbench.model()).values();

        robot.clickOn("#use-for-annotation");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> evaluate.messageProperty().get().startsWith("Annotate now predicts"));
        Map<String, float[]> used = DecoderParameters.of(workbench.model()).values();
        best.forEach((name, values) -> assertArrayEquals(values, used.get(name), name));
        assertTrue(evaluate.annotationDecoderProperty().get().contains("tuned"));

        robot.interact(evaluate::useBaseForAnnotation);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> evaluate.messageProperty().get().contains("own decoder again"));
        Map<String, float[]> back = DecoderParameters.of(workbench.model()).values();
        own.forEach((name, values) -> assertArrayEquals(values, back.get(name), name));

        Path out = Files.createDirectories(temp.resolve("meander-export")).resolve("tuned-model");
        Path photos = Files.createDirectories(temp.resolve("photos"));
        Files.writeString(photos.resolve("holiday.jpg"), "not a model");
        assertEquals(Optional.of(photos + ": holds no model but 1 other file, such as holiday.jpg; export the model"
                + " to an empty or new folder"), evaluate.exportProblem(photos), "said before the export starts");
        assertTrue(evaluate.exportProblem(Fixtures.model("tiny")).orElseThrow().contains("the base model's folder"));
        assertEquals(Optional.empty(), evaluate.exportProblem(out));
        assertFalse(evaluate.holdsModel(out));
        robot.interact(() -> evaluate.export(out, false)); // the folder chooser cannot be driven headless
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> evaluate.messageProperty().get().startsWith("Exported"));
        assertTrue(Files.isRegularFile(out.resolve("config.json")));
        assertTrue(Files.isRegularFile(out.resolve("model.safetensors")));

        // a second export to the same folder asks first (the view's dialog); unasked, it replaces nothing
        assertTrue(evaluate.holdsModel(out));
        Files.writeString(out.resolve("model.safetensors"), "an earlier export");
        robot.interact(() -> evaluate.export(out, false));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> evaluate.messageProperty().get().contains("holds a model already"));
        assertEquals("an earlier export", Files.readString(out.resolve("model.safetensors")));
        robot.interact(() -> evaluate.export(out, true));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> evaluate.messageProperty().get().startsWith("Exported"));
        assertTrue(Files.size(out.resolve("model.safetensors")) > 1000);
    }

    /**
     * Base and tuned compared on the annotator's own clicks: D swaps the decoders and asks SAM again about the same
     * points, so that going back shows exactly what the first click showed; the status bar names the tuned one.
     */
    @Test
    void dSwitchesBetweenTheTunedDecoderAndTheModelsOwnOnTheSameClicks(FxRobot robot) throws Exception {
        EvaluateViewModel evaluate = openEvaluateTab(robot);
        robot.clickOn("#use-for-annotation");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> evaluate.messageProperty().get().startsWith("Annotate now predicts"));
        Label decoder = robot.lookup("#decoder-in-use").queryAs(Label.class);
        assertTrue(decoder.isVisible());
        assertEquals("Decoder: tuned (best checkpoint)", decoder.getText());
        AutoLabelViewModel autoLabel = new AutoLabelViewModel(workbench.project(), workbench.annotate(),
                workbench.annotationDecoder());
        assertTrue(autoLabel.decoderProperty().get().contains("fine-tuned decoder of tuned (best checkpoint)"),
                "auto-label says whose decoder labels: " + autoLabel.decoderProperty().get());
        assertEquals("model tuned by tuned (best checkpoint)",
                workbench.annotationDecoder().labellingDecoder().describe(), "what its labels record");

        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(0));
        AnnotateViewModel annotate = workbench.annotate();
        Tile tile = annotate.tiles().get(0);
        robot.interact(() -> annotate.selectedTileProperty().set(tile));
        workbench.queue().request(tile.image()).get(60, TimeUnit.SECONDS);
        robot.interact(() -> annotate.sam().addPoint(100, 130, true));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> annotate.sam().previewProperty().get() != null);
        var tunedAnswer = annotate.sam().previewProperty().get();
        float[] tuned = tunedAnswer.prediction().lowRes(0, 0);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> annotate.statusProperty().get().contains("Candidate"));
        assertTrue(annotate.statusProperty().get().startsWith("Decoder of tuned (best checkpoint): Candidate"),
                "from the first click, the answer's line begins with the decoder that gave it: "
                        + annotate.statusProperty().get());

        robot.push(KeyCode.D);
        // the decoder's name changes before SAM's new answer comes: wait for the answer itself
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !decoder.isVisible()
                && annotate.sam().previewProperty().get() != null
                && annotate.sam().previewProperty().get() != tunedAnswer);
        assertEquals(1, annotate.sam().promptProperty().get().points().size(), "the clicks stay");
        float[] own = annotate.sam().previewProperty().get().prediction().lowRes(0, 0);
        assertFalse(java.util.Arrays.equals(tuned, own), "the model's own decoder answers otherwise");
        assertEquals("the model's own", evaluate.annotationDecoderProperty().get());
        assertEquals("SAM labels with the model's own decoder.", autoLabel.decoderProperty().get());
        assertEquals("model", workbench.annotationDecoder().labellingDecoder().describe());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> annotate.statusProperty().get().contains("Candidate"));
        assertTrue(annotate.statusProperty().get().startsWith(
                        "SAM predicts with the model's own decoder now (D switches back). Candidate 1 of 3"),
                "the answer's line keeps saying which decoder gave it: " + annotate.statusProperty().get());

        var ownAnswer = annotate.sam().previewProperty().get();
        robot.push(KeyCode.D);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> decoder.isVisible()
                && annotate.sam().previewProperty().get() != null
                && annotate.sam().previewProperty().get() != ownAnswer);
        assertArrayEquals(tuned, annotate.sam().previewProperty().get().prediction().lowRes(0, 0),
                "asked afresh, the tuned decoder shows what it showed at the first click");
    }

    /**
     * "Open project…" with the same model passes the loaded model on (no second copy, no reload), with its own
     * decoder back in place of the tuned one Annotate used here.
     */
    @Test
    void anotherProjectTakesTheLoadedModelWithItsOwnDecoder(FxRobot robot) throws Exception {
        EvaluateViewModel evaluate = openEvaluateTab(robot);
        SamModel model = workbench.model();
        Map<String, float[]> own = DecoderParameters.of(model).values();
        robot.clickOn("#use-for-annotation");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> evaluate.messageProperty().get().startsWith("Annotate now predicts"));

        assertThrows(IOException.class, () -> workbench.openProject(temp.resolve("no-such-project")));
        assertTrue(evaluate.annotationDecoderProperty().get().contains("tuned"),
                "a project that cannot be opened leaves this one as it was");

        Path sample = temp.resolve("sample");
        SampleProject.create(sample, 1);
        Workbench previous = workbench;
        workbench = previous.openProject(sample);
        previous.close();
        assertSame(model, workbench.model(), "the model passes on, not loaded again");
        Map<String, float[]> now = DecoderParameters.of(model).values();
        own.forEach((name, values) -> assertArrayEquals(values, now.get(name), name));
        Tile tile = workbench.annotate().tiles().get(0);
        workbench.queue().request(tile.image()).get(60, TimeUnit.SECONDS);
        assertTrue(model.encode(new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB)).values().length > 0,
                "closing the previous workbench left the model open");
    }

    @Test
    void aRunOfAnotherModelDoesNotReplaceAnnotatesDecoder(FxRobot robot) throws Exception {
        Path copy = Files.createDirectories(temp.resolve("meander-model")).resolve("tiny-copy");
        Files.createDirectories(copy);
        try (var files = Files.list(Fixtures.model("tiny"))) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        TrainingConfig oneEpoch = TrainingConfig.defaults().withEpochs(1).withBatchSize(1);
        TrainingRun.create(Project.open(project), "other", copy, oneEpoch)
                .train(false, new TrainingListener() { }, () -> false);
        EvaluateViewModel evaluate = openEvaluateTab(robot);
        robot.interact(() -> evaluate.runProperty().set("other"));
        Map<String, float[]> own = DecoderParameters.of(workbench.model()).values();

        robot.clickOn("#use-for-annotation");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> evaluate.messageProperty().get().contains("fine-tuned"));
        assertTrue(evaluate.messageProperty().get().contains("open that model"), evaluate.messageProperty().get());
        Map<String, float[]> kept = DecoderParameters.of(workbench.model()).values();
        own.forEach((name, values) -> assertArrayEquals(values, kept.get(name), name));
    }

    /**
     * A run trained on from "tuned" is set against the decoder it started from when asked: the baseline then scores
     * what "tuned" scores, and the tables say "start"; a run that began from the model's own has no such choice.
     */
    @Test
    void aRunTrainedOnFromAnotherIsSetAgainstItsStart(FxRobot robot) throws Exception {
        Project opened = Project.open(project);
        TrainingRun tuned = TrainingRun.open(opened, "tuned");
        TrainingRun again = TrainingRun.create(opened, "again", Fixtures.model("tiny"), tuned.config(),
                new RunDecoder("tuned", CheckpointKind.BEST));
        assertEquals(RunStatus.FINISHED, again.train(false, new TrainingListener() { }, () -> false).status());
        double tunedIou = new Evaluation(opened, tuned).evaluate(Split.VALIDATION, CheckpointKind.BEST, false,
                Baseline.MODEL, new TrainingListener() { }).tuned().iou().mean();
        EvaluateViewModel evaluate = openEvaluateTab(robot);
        ComboBox<?> against = robot.lookup("#eval-against").queryAs(ComboBox.class);
        robot.interact(() -> evaluate.runProperty().set("tuned"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(against.isDisabled(), "tuned began from the model's own decoder");

        robot.interact(() -> evaluate.runProperty().set("again"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !against.isDisabled());
        robot.interact(() -> evaluate.againstProperty().set(Baseline.START));
        robot.clickOn("#evaluate");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> evaluate.messageProperty().get().contains("mean IoU"));

        assertEquals(tunedIou, evaluate.reportProperty().get().base().iou().mean(), 1e-9);
        assertTrue(evaluate.messageProperty().get().contains("start " + String.format(java.util.Locale.ROOT, "%.3f",
                tunedIou) + " (tuned (best checkpoint), which again started from)"),
                evaluate.messageProperty().get());
        TableView<?> metrics = robot.lookup("#metrics").queryAs(TableView.class);
        assertEquals("start", metrics.getColumns().get(1).getColumns().get(0).getText());
        robot.interact(() -> evaluate.runProperty().set("tuned"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> evaluate.againstProperty().get() == Baseline.MODEL);
    }

    @Test
    void theChosenRunStaysChosenWhenTheTabIsShownAgain(FxRobot robot) throws Exception {
        EvaluateViewModel evaluate = openEvaluateTab(robot);
        ComboBox<?> run = robot.lookup("#eval-run").queryAs(ComboBox.class);
        robot.clickOn(robot.lookup(".tab-label").match(LabeledMatchers.hasText("Annotate")).queryLabeled());
        openEvaluateTab(robot);
        // the runs are listed again on the worker thread: wait for that listing to reach the JavaFX thread
        WaitForAsyncUtils.sleep(1, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals("tuned", evaluate.runProperty().get());
        assertEquals("tuned", run.getValue());
        assertFalse(robot.lookup("#evaluate").query().isDisabled());
        assertFalse(robot.lookup("#use-for-annotation").query().isDisabled());

        // a newer run listed meanwhile: still the one chosen, not the newest
        copyFolder(RunFolder.of(project, "tuned").directory(), RunFolder.of(project, "newer").directory());
        robot.clickOn(robot.lookup(".tab-label").match(LabeledMatchers.hasText("Annotate")).queryLabeled());
        openEvaluateTab(robot);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> run.getItems().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("tuned", evaluate.runProperty().get());
        assertEquals("tuned", run.getValue());
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(from.relativize(file).toString()));
            }
        }
    }

    private EvaluateViewModel openEvaluateTab(FxRobot robot) throws Exception {
        // the tab's header, not the Evaluate button inside it
        robot.clickOn(robot.lookup(".tab-label").match(LabeledMatchers.hasText("Evaluate")).queryLabeled());
        EvaluateViewModel evaluate = workbench.evaluate();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> evaluate.runProperty().get() != null);
        return evaluate;
    }
}
