package org.meander.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.meander.project.LabelMask;
import org.meander.project.LabelPng;
import org.meander.project.Project;
import org.meander.project.Tile;
import org.meander.testing.OneWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Delete in the tile list: once confirmed, the tile goes to the project's trash with its label as edited. */
@ExtendWith({ApplicationExtension.class, OneWindow.class})
class TileRemovalTest {

    private Workbench workbench;

    @Start
    void start(Stage stage) throws Exception {
        workbench = SampleWindow.show(stage, 7, null).workbench();
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    @Test
    void theOpenTileGoesToTheTrashWithItsUnsavedEditAndTheNextOneOpens(FxRobot robot) throws Exception {
        AnnotateViewModel model = workbench.annotate();
        Project project = workbench.project();
        Tile doomed = project.tiles().get(2);
        ListView<?> list = robot.lookup("#tiles").queryAs(ListView.class);
        robot.interact(() -> list.getSelectionModel().select(2));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.labelProperty().get() != null
                && doomed.equals(model.selectedTileProperty().get()));
        robot.interact(() -> model.editor().fillHoles());
        LabelMask edited = model.labelProperty().get();

        robot.clickOn(list).push(KeyCode.DELETE);
        robot.push(KeyCode.ESCAPE); // cancelled: nothing happens
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(6, project.tiles().size());
        assertEquals(doomed, model.selectedTileProperty().get());

        robot.clickOn(list).push(KeyCode.DELETE);
        robot.push(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> project.tiles().size() == 5
                && model.statusProperty().get().startsWith("Moved " + doomed.name()));

        assertNotEquals(doomed, model.selectedTileProperty().get(), "another tile opens");
        assertEquals(5, list.getItems().size());
        assertTrue(Fields.label(robot, "#review-summary").startsWith("5 tiles"), Fields.label(robot, "#review-summary"));
        Path trash;
        try (Stream<Path> folders = Files.list(project.directory().resolve("trash"))) {
            trash = folders.findFirst().orElseThrow();
        }
        assertEquals(edited, LabelPng.read(trash.resolve("labels").resolve(doomed.name() + ".png")),
                "the label went with it as it was edited");
        assertTrue(Files.isRegularFile(trash.resolve("tiles").resolve(doomed.image().getFileName())));
        assertEquals(List.of(), project.tiles().stream().filter(doomed::equals).toList());
    }

    /**
     * A removal moves the files on a thread of its own and tells the list afterwards: a list laid out between (a
     * label saved, the selection moved) drew a tile the project no longer holds, and threw (found by CI, raster
     * removal).
     */
    @Test
    void aTileTheProjectLostBeforeTheListHeardOfItIsDrawnAsRemoved(FxRobot robot) throws Exception {
        Project project = workbench.project();
        Tile gone = project.tiles().get(3);
        ListView<?> list = robot.lookup("#tiles").queryAs(ListView.class);

        project.remove(gone);
        robot.interact(list::refresh);
        WaitForAsyncUtils.waitForFxEvents();

        String drawn = robot.lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.ListCell<?> c
                && c.getText() != null && c.getText().startsWith(gone.name() + "\n")).queryLabeled().getText();
        assertEquals(gone.name() + "\nremoved", drawn);
        robot.interact(() -> workbench.annotate().browser().tilesChanged());
        assertEquals(5, list.getItems().size());
    }
}
