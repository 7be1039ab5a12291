package org.meander.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.meander.project.LabelMask;
import org.meander.project.Project;
import org.meander.project.Tile;
import org.meander.project.edit.CombineMode;
import org.meander.testing.OneWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Shift+O: the open tile's earlier labels, each seen on the tile on choosing it, and one restored, undoably. */
@ExtendWith({ApplicationExtension.class, OneWindow.class})
class LabelHistoryWindowTest {

    private Workbench workbench;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        SampleWindow sample = SampleWindow.show(stage, 5, null);
        workbench = sample.workbench();
        window = sample.window();
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    @Test
    void anEarlierLabelIsSeenOnTheTileAndRestored(FxRobot robot) throws Exception {
        AnnotateViewModel model = workbench.annotate();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.labelProperty().get() != null);
        Tile tile = model.selectedTileProperty().get();
        LabelMask imported = model.labelProperty().get();
        LabelMask filled = fillHolesAndSave(robot, model); // the imported label becomes version 1
        robot.interact(() -> model.editor().accept(square(filled), CombineMode.SUBTRACT));
        LabelMask cleaned = model.labelProperty().get();
        robot.push(KeyCode.CONTROL, KeyCode.S); // the filled one, version 2
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> workbench.project().history(tile).size() == 2);
        assertNotEquals(imported, filled);
        assertNotEquals(filled, cleaned);

        robot.push(KeyCode.SHIFT, KeyCode.O);
        ListView<?> versions = robot.lookup("#history-versions").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> versions.getItems().size() == 2);
        assertTrue(LabelHistoryWindow.describe((LabelHistoryViewModel.Version) versions.getItems().get(0))
                .startsWith("Version 2\nreplaced "), "newest first");
        assertTrue(robot.lookup("#history-restore").queryAs(Button.class).isDisabled(), "nothing chosen yet");

        robot.interact(() -> versions.getSelectionModel().select(1));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> imported.equals(model.labelProperty().get()));
        robot.interact(() -> versions.getSelectionModel().select(0));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> filled.equals(model.labelProperty().get()));
        assertEquals(cleaned, model.editor().current(), "seeing a version leaves the label as it is");

        robot.clickOn("#history-restore");
        assertEquals(filled, model.labelProperty().get());
        assertEquals(filled, model.editor().current(), "version 2 is the label again");
        assertTrue(robot.lookup("#history-restore").queryAs(Button.class).isDisabled());

        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(window.history().stage().isShowing(), "Esc closes the history");
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        assertEquals(cleaned, model.labelProperty().get(), "Ctrl+Z undoes the restore");
    }

    /**
     * A predicted label whose imported original is restored is no longer that prediction: saved, it names no decoder.
     */
    @Test
    void restoringAnEarlierVersionForgetsWhichDecoderPredictedTheLabel(FxRobot robot) throws Exception {
        AnnotateViewModel model = workbench.annotate();
        Project project = workbench.project();
        Tile tile = project.tiles().get(1);
        LabelMask imported = project.readLabel(tile).orElseThrow();
        project.writePrediction(tile, square(imported), "model");
        robot.interact(() -> model.selectedTileProperty().set(tile));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> square(imported).equals(model.labelProperty().get()));

        robot.push(KeyCode.SHIFT, KeyCode.O);
        ListView<?> versions = robot.lookup("#history-versions").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> versions.getItems().size() == 1);
        robot.interact(() -> versions.getSelectionModel().select(0));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> imported.equals(model.labelProperty().get()));
        robot.clickOn("#history-restore");
        robot.push(KeyCode.ESCAPE);
        robot.push(KeyCode.CONTROL, KeyCode.S);
        model.editor().awaitSaved();

        assertEquals(imported, project.readLabel(tile).orElseThrow());
        assertEquals(java.util.Optional.empty(), project.predictedBy(tile));
    }

    private static LabelMask fillHolesAndSave(FxRobot robot, AnnotateViewModel model) {
        robot.interact(() -> model.editor().fillHoles());
        LabelMask filled = model.labelProperty().get();
        robot.push(KeyCode.CONTROL, KeyCode.S);
        return filled;
    }

    /** A square over the label's first river pixel, to cut out of it. */
    private static LabelMask square(LabelMask label) {
        int first = 0;
        while (label.pixels()[first] == 0) {
            first++;
        }
        byte[] pixels = new byte[label.pixels().length];
        for (int y = first / label.width(); y < Math.min(label.height(), first / label.width() + 40); y++) {
            for (int x = 0; x < label.width(); x++) {
                pixels[y * label.width() + x] = 1;
            }
        }
        return new LabelMask(label.width(), label.height(), pixels);
    }

    @Test
    void closingTheHistoryShowsTheLabelAgain(FxRobot robot) throws Exception {
        AnnotateViewModel model = workbench.annotate();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.labelProperty().get() != null);
        Tile tile = model.selectedTileProperty().get();
        LabelMask imported = model.labelProperty().get();
        LabelMask filled = fillHolesAndSave(robot, model);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> workbench.project().history(tile).size() == 1);

        robot.clickOn("#label-history");
        ListView<?> versions = robot.lookup("#history-versions").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> versions.getItems().size() == 1);
        robot.interact(() -> versions.getSelectionModel().select(0));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> imported.equals(model.labelProperty().get()));

        robot.interact(() -> window.history().stage().close());
        assertEquals(filled, model.labelProperty().get(), "the label shows again once the history closes");
    }
}
