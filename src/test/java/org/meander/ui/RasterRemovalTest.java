package org.meander.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.meander.project.Project;
import org.meander.project.Tile;
import org.meander.testing.OneWindow;
import org.meander.testing.RiverTiles;
import org.meander.testing.TiledRasterProject;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Project ▸ Remove a raster…: once the raster is chosen and the question answered, its tiles go to the project's
 * trash and its record leaves meander.json; the open tile, one of them, closes and a tile of another source opens.
 * Project ▸ Restore a removed tile… puts one back.
 */
@ExtendWith({ApplicationExtension.class, OneWindow.class})
class RasterRemovalTest {

    @TempDir
    Path temp;

    private Workbench workbench;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        Path project = TiledRasterProject.create(TiledRasterProject.raster(temp.resolve("ortho.tif")),
                temp.resolve("project"));
        RiverTiles.tile(project, "frame", true);
        workbench = Workbench.open(project, null);
        AnnotateViewModel annotate = workbench.annotate();
        ProjectActions actions = new ProjectActions(() -> { }, path -> { }, () -> { }, () -> { },
                () -> RasterRemovalDialog.show(stage, annotate), () -> RestoreTileDialog.show(stage, annotate),
                () -> { }, () -> { }, () -> { });
        window = new MainWindow(annotate, workbench.modelName(), actions);
        stage.setScene(window.scene());
        stage.show();
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    @Test
    void theRastersTilesGoToTheTrashAndTheOtherTilesStay(FxRobot robot) throws Exception {
        AnnotateViewModel model = workbench.annotate();
        Project project = workbench.project();
        Tile cut = project.tile("ortho_r0_c0").orElseThrow();
        ListView<Tile> list = robot.lookup("#tiles").queryAs(ListView.class);
        robot.interact(() -> list.getSelectionModel().select(cut));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> cut.equals(model.selectedTileProperty().get()));

        robot.clickOn("#project-menu").clickOn("Remove a raster…");
        robot.push(KeyCode.ENTER); // the project's one raster, chosen
        WaitForAsyncUtils.waitForFxEvents();
        robot.push(KeyCode.ESCAPE); // the question: cancelled
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(7, project.tiles().size());

        robot.clickOn("#project-menu").clickOn("Remove a raster…");
        robot.push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        robot.push(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> model.statusProperty().get().startsWith("Moved the 6 tiles of ortho"));

        assertEquals(List.of("frame"), project.tiles().stream().map(Tile::name).toList());
        assertEquals("frame", model.selectedTileProperty().get().name(), "a tile of another source opens");
        assertEquals(1, list.getItems().size());
        assertTrue(project.rasters().isEmpty());
        assertFalse(Files.readString(project.directory().resolve("meander.json")).contains("ortho.tif"));
        try (Stream<Path> trash = Files.list(project.directory().resolve("trash"))) {
            assertEquals(6, trash.count(), "each tile in the trash, with its label");
        }

        Label placeholder = (Label) list.getPlaceholder();
        robot.interact(() -> {
            model.selectedTileProperty().set(null); // an open tile stays listed whatever the search
            model.browser().searchProperty().set("no such tile");
        });
        assertTrue(list.getItems().isEmpty());
        assertEquals("No tile matches", placeholder.getText(), "what an empty search shows");
        robot.interact(() -> model.browser().searchProperty().set(""));
        robot.interact(() -> model.removal().remove(project.tile("frame").orElseThrow()));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> project.tiles().isEmpty() && list.getItems().isEmpty());
        assertTrue(placeholder.getText().startsWith("No tiles in this project yet: Project ▸ Add a raster…"),
                "an empty project says how tiles come in");
    }

    /** The map (M), open while its raster is removed, closes: there is nothing left to draw. */
    @Test
    void theMapOfTheRemovedRasterCloses(FxRobot robot) throws Exception {
        AnnotateViewModel model = workbench.annotate();
        Tile cut = workbench.project().tile("ortho_r0_c0").orElseThrow();
        robot.interact(() -> model.selectedTileProperty().set(cut));
        robot.push(KeyCode.M);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.map().stage().isShowing());

        List<Tile> tiles = workbench.project().tiles().stream().filter(t -> t.name().startsWith("ortho_")).toList();
        robot.interact(() -> model.removal().removeRaster("ortho", tiles));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> model.statusProperty().get().startsWith("Moved the 6 tiles of ortho"));
        WaitForAsyncUtils.waitForFxEvents();

        assertFalse(window.map().stage().isShowing(), "the map of a raster no longer in the project");
    }

    /** A tile removed by mistake comes back from the trash as it was, and opens. */
    @Test
    void aRemovedTileIsRestoredFromTheProjectMenu(FxRobot robot) throws Exception {
        AnnotateViewModel model = workbench.annotate();
        Project project = workbench.project();
        Tile frame = project.tile("frame").orElseThrow();
        org.meander.project.LabelStatus status = project.status(frame);
        robot.interact(() -> model.removal().remove(frame));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.statusProperty().get().startsWith("Moved frame"));
        assertTrue(model.statusProperty().get().endsWith("Project ▸ Restore a removed tile… puts it back."));

        robot.clickOn("#project-menu").clickOn("Restore a removed tile…");
        robot.push(KeyCode.ENTER); // the latest removal
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> model.statusProperty().get().startsWith("Restored frame from the trash"));

        assertEquals(7, project.tiles().size());
        assertEquals(status, project.status(project.tile("frame").orElseThrow()));
        assertEquals("frame", model.selectedTileProperty().get().name(), "it opens");
        ListView<Tile> list = robot.lookup("#tiles").queryAs(ListView.class);
        assertTrue(list.getItems().stream().anyMatch(t -> t.name().equals("frame")));
    }
}
