package org.meander.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.meander.project.LabelMask;
import org.meander.project.NeighbourLabels;
import org.meander.project.Project;
import org.meander.project.Tile;
import org.meander.testing.OneWindow;
import org.meander.testing.TiledRasterProject;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Shift+N: an unlabelled tile of a cut raster takes its labelled neighbours' labels where they overlap it. */
@ExtendWith({ApplicationExtension.class, OneWindow.class})
class OverlapLabelsTest {

    @TempDir
    Path dir;

    private Workbench workbench;

    @Start
    void start(Stage stage) throws Exception {
        Path project = TiledRasterProject.create(TiledRasterProject.raster(dir.resolve("ortho.tif")),
                dir.resolve("project"));
        Files.delete(project.resolve("labels/ortho_r0_c1.png")); // the one tile still to label
        workbench = Workbench.open(project, null);
        stage.setScene(new MainWindow(workbench.annotate(), workbench.modelName()).scene());
        stage.show();
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    @Test
    void anUnlabelledTileSaysItsNeighboursAreThereAndTakesTheirLabels(FxRobot robot) throws Exception {
        AnnotateViewModel model = workbench.annotate();
        Project project = workbench.project();
        Tile tile = project.tile("ortho_r0_c1").orElseThrow();
        robot.interact(() -> model.selectedTileProperty().set(tile));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.labelProperty().get() != null
                && model.statusProperty().get().endsWith("Shift+N takes their labels there."));
        LabelMask empty = model.labelProperty().get();
        assertTrue(empty.isEmpty());

        robot.push(KeyCode.SHIFT, KeyCode.N);
        // the label changes, then the status says so, in one step on the JavaFX thread: wait for the status
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.statusProperty().get().startsWith("Took"));
        WaitForAsyncUtils.waitForFxEvents();

        LabelMask expected = NeighbourLabels.of(project, tile).orElseThrow().over(empty);
        assertEquals(expected, model.labelProperty().get());
        assertTrue(model.statusProperty().get().startsWith("Took the labels of 5 tiles where they overlap"),
                model.statusProperty().get());
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        assertEquals(empty, model.labelProperty().get(), "one edit, undone by Ctrl+Z");
    }
}
