package org.meander.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.ComboBoxListViewSkin;
import javafx.scene.input.KeyCode;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.meander.project.ImageryOptions;
import org.meander.project.LabelStatus;
import org.meander.project.Project;
import org.meander.project.ProjectImport;
import org.meander.project.Tile;
import org.meander.project.raster.BandChoice;
import org.meander.prompts.RoughMaskSource;
import org.meander.prompts.autolabel.LabellingDecoder;
import org.meander.prompts.autolabel.TileSegmenter;
import org.meander.sam.Prediction;
import org.meander.sam.Prompt;
import org.meander.testing.Fixtures;
import org.meander.testing.OneWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * "Auto-label…" on three Elwha frames with their near-infrared: SAM's answers come from Annotate's thread, the tile
 * open in the editor is left alone, a frame without water is named, and the list and its count follow.
 */
@ExtendWith({ApplicationExtension.class, OneWindow.class})
class AutoLabelTest {

    @TempDir
    Path dir;

    private Workbench workbench;
    private AutoLabelWindow window;

    @Start
    void start(Stage stage) throws Exception {
        Path frames = Fixtures.shared().resolve("data/elwha-airborne");
        Path images = Files.createDirectories(dir.resolve("images"));
        Path nir = Files.createDirectories(dir.resolve("nir"));
        for (int frame : new int[] {1, 3, 7}) {
            Files.copy(frames.resolve("airborne_" + frame + ".png"), images.resolve("airborne_" + frame + ".png"));
            Files.copy(frames.resolve("airborne_ir_" + frame + ".png"), nir.resolve("airborne_ir_" + frame + ".png"));
        }
        Path project = dir.resolve("project");
        ProjectImport.create(project, images, null, null, new ImageryOptions(BandChoice.DEFAULT, nir));
        workbench = Workbench.open(project, Fixtures.model("tiny"));
        stage.setScene(new MainWindow(workbench.annotate(), workbench.modelName()).scene());
        stage.show();
        window = new AutoLabelWindow(new AutoLabelViewModel(workbench.project(), workbench.annotate(),
                workbench.annotationDecoder()));
        window.show(stage);
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    @Test
    void unlabelledTilesGetPredictedLabelsAndTheOpenOneIsLeftAlone(FxRobot robot) throws Exception {
        Project project = workbench.project();
        Tile first = tile(project, "airborne_1");
        Tile open = tile(project, "airborne_3");
        Tile dry = tile(project, "airborne_7");
        selectInList(robot, open);

        ComboBox<?> source = robot.lookup("#autolabel-source").queryAs(ComboBox.class);
        assertEquals(RoughMaskSource.NDWI, source.getValue(),
                "every tile has near-infrared: its water index is the default");
        TextInputControl threshold = robot.lookup("#autolabel-ndwi-threshold").queryAs(TextInputControl.class);
        robot.interact(() -> threshold.setText("1.5"));
        assertTrue(Fields.label(robot, "#autolabel-problem").startsWith("Water index threshold"));
        robot.interact(() -> threshold.setText("abc"));
        assertTrue(Fields.label(robot, "#autolabel-problem").startsWith("Water index threshold: 'abc' is not a number"
                + " (0 for calibrated reflectances"), "worded as the Train tab words its fields: "
                + Fields.label(robot, "#autolabel-problem"));
        assertTrue(robot.lookup("#autolabel-start").queryAs(Button.class).isDisabled());
        robot.interact(() -> threshold.setText("0.8")); // the Elwha frames' colour-mapped band needs it
        TextInputControl positives = robot.lookup("#autolabel-positives").queryAs(TextInputControl.class);
        TextInputControl negatives = robot.lookup("#autolabel-negatives").queryAs(TextInputControl.class);
        robot.interact(() -> {
            positives.setText("0");
            negatives.setText("0");
        });
        assertTrue(Fields.label(robot, "#autolabel-problem").contains("a prompt needs points or a box"));
        robot.interact(() -> {
            positives.setText("3");
            negatives.setText("1");
        });
        assertEquals("", Fields.label(robot, "#autolabel-problem"));

        robot.clickOn("#autolabel-start");
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> Fields.text(robot, "#autolabel-report").startsWith("Done"));
        String report = Fields.text(robot, "#autolabel-report");
        assertTrue(report.contains("1 labelled"), report);
        assertTrue(report.contains("left alone: airborne_3"), report);
        assertTrue(report.contains("airborne_7: the NDWI rough mask finds no water"), report);

        assertEquals(LabelStatus.PREDICTED, project.status(first));
        assertEquals("model", project.predictedBy(first).orElseThrow(), "the model's own decoder, by its folder");
        assertEquals("Its label began as auto-label's prediction by model, to review",
                workbench.annotate().browser().provenanceOf(first), "the tile list's tooltip");
        assertEquals(LabelStatus.NONE, project.status(open), "the tile in the editor is not written behind its back");
        assertEquals(LabelStatus.NONE, project.status(dry));
        assertEquals("3 tiles, 1 labelled, 0 accepted", Fields.label(robot, "#review-summary"));
    }

    /**
     * Before labelling hundreds of tiles, the settings are tried on the open tile: its rough mask and SAM's label for
     * the prompt drawn from it follow each change, and nothing is written.
     */
    @Test
    void thePreviewFollowsTheSettingsAndTheOpenTileAndWritesNothing(FxRobot robot) throws Exception {
        Project project = workbench.project();
        selectInList(robot, tile(project, "airborne_3"));
        Fields.set(robot, "#autolabel-ndwi-threshold", "0.8");
        double river = roughWater(robot, "airborne_3");
        assertTrue(river > 0 && river < 20, river + "% of the frame is water at 0.8");
        ImageView label = robot.lookup("#autolabel-preview-label .image-view").nth(1).queryAs(ImageView.class);
        assertTrue(label.getImage() != null, "SAM's label is drawn over the tile");

        Fields.set(robot, "#autolabel-ndwi-threshold", "0");
        assertTrue(roughWater(robot, "airborne_3") > 50, "the uncalibrated band reads as water almost everywhere");

        Fields.set(robot, "#autolabel-ndwi-threshold", "0.8");
        selectInList(robot, tile(project, "airborne_7"));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> Fields.label(robot, "#autolabel-preview-text")
                .equals("airborne_7: the NDWI rough mask finds no water (none left after removing small patches and"
                        + " eroding)."));
        assertEquals(null, label.getImage(), "no label without a prompt");

        Fields.set(robot, "#autolabel-ndwi-threshold", "1.5");
        assertEquals("", Fields.label(robot, "#autolabel-preview-text"), "the problem line says what is wrong");

        Label text = robot.lookup("#autolabel-preview-text").queryAs(Label.class);
        Fields.set(robot, "#autolabel-ndwi-threshold", "0.8");
        robot.interact(() -> window.stage().close());
        selectInList(robot, tile(project, "airborne_1"));
        assertEquals("", text.getText(), "no preview while the window is closed");
        for (Tile tile : project.tiles()) {
            assertEquals(LabelStatus.NONE, project.status(tile), tile.name());
        }
    }

    /**
     * The share of the tile its previewed rough mask calls water, in percent, once the preview came: a change of the
     * settings sets the text to "asking SAM…" at once, so the first answer read after it is the change's.
     */
    private static double roughWater(FxRobot robot, String tile) throws Exception {
        String[] text = new String[1];
        Pattern water = Pattern.compile(Pattern.quote(tile) + ": rough mask ([0-9.]+)% water, SAM's mask [0-9.]+%\\.");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> {
            text[0] = Fields.label(robot, "#autolabel-preview-text");
            return water.matcher(text[0]).matches();
        });
        Matcher matched = water.matcher(text[0]);
        assertTrue(matched.matches(), text[0]);
        return Double.parseDouble(matched.group(1));
    }

    /**
     * A tile opened while SAM works on it reads its label from before; when auto-label then writes the predicted
     * one, the editor must show it, or the annotator's next save would replace it unseen.
     */
    @Test
    void aTileOpenedWhileSamLabelsItShowsThePredictedLabel(FxRobot robot) throws Exception {
        Project project = workbench.project();
        Tile first = tile(project, "airborne_1");
        selectInList(robot, tile(project, "airborne_3"));
        CountDownLatch asked = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        AnnotateViewModel annotate = workbench.annotate();
        AutoLabelViewModel model = new AutoLabelViewModel(project, annotate, new TileSegmenter() {
            @Override
            public Prediction predict(Tile tile, Prompt prompt, boolean multimask) throws IOException {
                if (tile.equals(first)) {
                    asked.countDown();
                    try {
                        answer.await();
                    } catch (InterruptedException e) {
                        throw new java.io.InterruptedIOException();
                    }
                }
                try {
                    return annotate.sam().predictAside(tile, prompt, multimask);
                } catch (InterruptedException e) {
                    throw new java.io.InterruptedIOException();
                }
            }

            @Override
            public LabellingDecoder decoder() {
                return workbench.annotationDecoder().labellingDecoder();
            }
        });
        robot.interact(() -> {
            model.ndwiThresholdProperty().set("0.8");
            model.start();
        });
        assertTrue(asked.await(120, TimeUnit.SECONDS), "SAM was asked about " + first.name());

        selectInList(robot, first);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> annotate.labelProperty().get() != null);
        answer.countDown();
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> model.task().messageProperty().get().startsWith("Done"));

        assertEquals(LabelStatus.PREDICTED, project.status(first), model.task().messageProperty().get());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> project.readLabel(first).orElseThrow().equals(annotate.labelProperty().get()));
    }

    @Test
    void theTilesChoiceNamesEveryTileInTheBoxAndInItsList(FxRobot robot) {
        ComboBox<?> split = robot.lookup("#autolabel-split").queryAs(ComboBox.class);
        assertEquals(null, split.getValue(), "every tile unless a split is chosen");
        assertEquals("every tile", Fields.choice(robot, "#autolabel-split"));
        robot.clickOn(split);
        WaitForAsyncUtils.waitForFxEvents();
        ListView<?> choices = (ListView<?>) ((ComboBoxListViewSkin<?>) split.getSkin()).getPopupContent();
        List<String> shown = choices.lookupAll(".list-cell").stream().map(cell -> (ListCell<?>) cell)
                .filter(cell -> cell.getIndex() >= 0 && cell.getIndex() < split.getItems().size())
                .sorted(java.util.Comparator.comparingInt(ListCell::getIndex)).map(ListCell::getText).toList();
        robot.type(KeyCode.ESCAPE);
        assertEquals(List.of("every tile", "the train split's tiles", "the validation split's tiles",
                "the test split's tiles"), shown);
    }

    private static Tile tile(Project project, String name) {
        return project.tiles().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static void selectInList(FxRobot robot, Tile tile) {
        ListView<Tile> list = robot.lookup("#tiles").queryAs(ListView.class);
        robot.interact(() -> list.getSelectionModel().select(tile));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
