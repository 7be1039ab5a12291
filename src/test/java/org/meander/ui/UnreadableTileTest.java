package org.meander.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.meander.project.Tile;
import org.meander.testing.Fixtures;
import org.meander.testing.OneWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A tile whose image file is damaged (here cut short, as an interrupted copy leaves it): the window says which file
 * and why wherever it fails, instead of a blank canvas, a bar that stops short and a "Computing…" that never ends.
 */
@ExtendWith({ApplicationExtension.class, OneWindow.class})
class UnreadableTileTest {

    private Workbench workbench;

    @Start
    void start(Stage stage) throws Exception {
        workbench = SampleWindow.show(stage, 1, Fixtures.model("tiny"), project -> {
            Path image = project.resolve("tiles").resolve("sample_02.png");
            byte[] bytes = Files.readAllBytes(image);
            Files.write(image, Arrays.copyOf(bytes, bytes.length / 3));
        }).workbench();
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    @Test
    void theCanvasSaysWhichFileItCannotShow(FxRobot robot) throws Exception {
        AnnotateViewModel model = workbench.annotate();
        List<String> said = new CopyOnWriteArrayList<>(); // SAM's own complaint may follow at once
        model.statusProperty().addListener((o, old, text) -> said.add(text));
        open(robot, damagedTile(model));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> said.stream().anyMatch(text -> text.startsWith("Cannot show sample_02.png")));
        String text = said.stream().filter(t -> t.startsWith("Cannot show")).findFirst().orElseThrow();
        assertTrue(text.contains("cut short") && text.contains("Replace the file"), text);
    }

    @Test
    void theStatusBarCountsAndNamesTilesWhoseEmbeddingFailed(FxRobot robot) throws Exception {
        AnnotateViewModel model = workbench.annotate();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS,
                () -> model.encodingProperty().get() != null && model.encodingProperty().get().finished());
        WaitForAsyncUtils.waitForFxEvents();
        Label progress = robot.lookup("#encoding-progress").queryAs(Label.class);
        assertEquals("Embeddings 5/6, 1 failed", progress.getText());
        assertTrue(progress.getTooltip().getText().contains("sample_02.png"), progress.getTooltip().getText());
    }

    @Test
    void aClickOnATileWithoutAnEmbeddingSaysWhyNoneCanBeMade(FxRobot robot) throws Exception {
        AnnotateViewModel model = workbench.annotate();
        Tile damaged = damagedTile(model);
        open(robot, damaged);
        robot.interact(() -> model.sam().addPoint(10, 10, true));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS,
                () -> model.statusProperty().get().startsWith("Could not compute the embedding of sample_02"));
        assertFalse(model.statusProperty().get().contains("Computing"));
    }

    private static Tile damagedTile(AnnotateViewModel model) {
        return model.tiles().stream().filter(t -> t.name().equals("sample_02")).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static void open(FxRobot robot, Tile tile) {
        ListView<Tile> list = robot.lookup("#tiles").queryAs(ListView.class);
        robot.interact(() -> list.getSelectionModel().select(tile));
    }
}
