package org.meander.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.meander.project.LabelMask;
import org.meander.project.LabelStatus;
import org.meander.project.Project;
import org.meander.project.RasterTiling;
import org.meander.project.Tile;
import org.meander.project.raster.BandChoice;
import org.meander.testing.OneWindow;
import org.meander.testing.TiledRasterProject;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window open while the command line changes its project: a raster cut, a tile removed, a label accepted there
 * show in the list once the window is used again.
 */
@ExtendWith({ApplicationExtension.class, OneWindow.class})
class OutsideChangesTest {

    @TempDir
    Path temp;

    private Workbench workbench;

    @Start
    void start(Stage stage) throws Exception {
        workbench = SampleWindow.show(stage, 4, null).workbench();
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    @Test
    void tilesAndStatusesChangedByAnotherProgramJoinTheList(FxRobot robot) throws Exception {
        Path dir = workbench.project().directory();
        RasterTiling.tile(dir, TiledRasterProject.raster(temp.resolve("ortho.tif")),
                new RasterTiling.Settings(128, 32, BandChoice.DEFAULT), (done, total) -> { });
        Project command = Project.open(dir);
        Tile accepted = command.tile("ortho_r0_c0").orElseThrow();
        command.writeLabel(accepted, new LabelMask(128, 128, new byte[128 * 128]), LabelStatus.ACCEPTED);
        command.remove(command.tile("sample_04").orElseThrow());
        ListView<?> list = robot.lookup("#tiles").queryAs(ListView.class);
        assertEquals(6, list.getItems().size(), "unseen until the window is used again");

        robot.interact(() -> workbench.annotate().outsideChanges().takeIn());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.getItems().size() == 11);

        assertEquals("6 tiles added, 1 tile removed since the project was last read",
                workbench.annotate().statusProperty().get());
        assertEquals(LabelStatus.ACCEPTED, workbench.project().status(accepted));
        assertTrue(Fields.label(robot, "#review-summary").startsWith("11 tiles, 6 labelled, 1 accepted"),
                Fields.label(robot, "#review-summary"));
        assertTrue(workbench.project().rasterWindow(accepted).isPresent(), "on the raster's map");
    }

    /** Auto-label run from a terminal with --overwrite on the tile open here: the editor shows its new label. */
    @Test
    void theOpenTilesLabelWrittenByAnotherProgramIsShown(FxRobot robot) throws Exception {
        AnnotateViewModel model = workbench.annotate();
        Tile open = workbench.project().tile("sample_03").orElseThrow();
        robot.interact(() -> model.selectedTileProperty().set(open));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.labelProperty().get() != null);
        LabelMask before = model.labelProperty().get();
        LabelMask written = new LabelMask(before.width(), before.height(), new byte[before.pixels().length]);
        Project command = Project.open(workbench.project().directory());
        command.writeLabel(command.tile("sample_03").orElseThrow(), written, LabelStatus.PREDICTED);

        robot.interact(() -> model.outsideChanges().takeIn());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> written.equals(model.labelProperty().get()));

        assertEquals(LabelStatus.PREDICTED, workbench.project().status(open));
    }

    @Test
    void theOpenTileRemovedByAnotherProgramIsSaid(FxRobot robot) throws Exception {
        AnnotateViewModel model = workbench.annotate();
        Tile open = workbench.project().tile("sample_02").orElseThrow();
        robot.interact(() -> model.selectedTileProperty().set(open));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.labelProperty().get() != null);
        Project command = Project.open(workbench.project().directory());
        command.remove(command.tile("sample_02").orElseThrow());

        robot.interact(() -> model.outsideChanges().takeIn());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.statusProperty().get().startsWith("sample_02,"));

        assertTrue(model.statusProperty().get().contains("was removed by another program"),
                model.statusProperty().get());
    }
}
