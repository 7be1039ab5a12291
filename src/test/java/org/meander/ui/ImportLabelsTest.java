package org.meander.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.meander.project.LabelMask;
import org.meander.project.LabelStatus;
import org.meander.project.Project;
import org.meander.project.Tile;
import org.meander.testing.OneWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** "Import labels…": polygons from a GIS become labels, the open tile's shown at once. */
@ExtendWith({ApplicationExtension.class, OneWindow.class})
class ImportLabelsTest {

    @TempDir
    Path dir;

    private Workbench workbench;
    private ImportLabelsWindow window;

    @Start
    void start(Stage stage) throws Exception {
        workbench = SampleWindow.show(stage, 1, null).workbench();
        window = new ImportLabelsWindow(new ImportLabelsViewModel(workbench.project(), workbench.annotate()));
        window.show(stage);
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    @Test
    void aPolygonReplacesTheOpenTilesLabelOnlyWhenAskedAndTheEditorShowsIt(FxRobot robot) throws Exception {
        AnnotateViewModel model = workbench.annotate();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.labelProperty().get() != null);
        Tile open = model.selectedTileProperty().get();
        Project project = workbench.project();
        assertEquals("Choose a GeoJSON file, a folder of them, or a COCO file.",
                Fields.label(robot, "#import-problem"));
        Fields.set(robot, "#import-source", dir.resolve("none.geojson").toString());
        assertTrue(Fields.label(robot, "#import-problem").endsWith("does not exist."));
        assertTrue(robot.lookup("#import-start").queryAs(Button.class).isDisabled());
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Fields.set(robot, "#import-source", empty.toString());
        robot.clickOn("#import-start");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> Fields.text(robot, "#import-report").startsWith(empty + " holds no .geojson or .json file"));

        // a pond in the open tile's pixels: columns 10 to 49, rows 20 to 39
        Path pond = Files.writeString(dir.resolve(open.name() + ".geojson"), """
                {"type": "Feature", "geometry": {"type": "Polygon",
                  "coordinates": [[[10, 20], [50, 20], [50, 40], [10, 40], [10, 20]]]}}""");
        Fields.set(robot, "#import-source", pond.toString());
        Fields.set(robot, "#import-where", "DN");
        assertTrue(Fields.label(robot, "#import-problem").startsWith("Only features where: \"DN\" is not KEY=VALUE"),
                Fields.label(robot, "#import-problem"));
        Fields.set(robot, "#import-where", "");
        robot.clickOn("#import-start");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> Fields.text(robot, "#import-report").startsWith("Labelled"));
        assertTrue(Fields.text(robot, "#import-report").contains("Kept their own label"),
                Fields.text(robot, "#import-report"));

        robot.clickOn("#import-replace");
        robot.clickOn("#import-start");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> Fields.text(robot, "#import-report").startsWith("Labelled 1 tile from 1 polygon"));
        LabelMask expected = pond(project.readLabel(open).orElseThrow());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> expected.equals(model.labelProperty().get()));
        assertEquals(LabelStatus.IMPORTED, project.status(open));
        assertEquals(expected, project.readLabel(open).orElseThrow());
        assertTrue(!project.history(open).isEmpty(), "the sample's label it replaced is kept");
    }

    @Test
    void aCocoFileLabelsTheTileNamedLikeItsImage(FxRobot robot) throws Exception {
        AnnotateViewModel model = workbench.annotate();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.labelProperty().get() != null);
        Tile open = model.selectedTileProperty().get();
        Project project = workbench.project();
        LabelMask like = project.readLabel(open).orElseThrow();
        Path coco = Files.writeString(dir.resolve("cvat-export.json"), """
                {"images": [{"id": 4, "file_name": "task/%s.png", "width": %d, "height": %d}],
                 "annotations": [{"id": 1, "image_id": 4, "category_id": 2,
                                  "segmentation": [[10, 20, 50, 20, 50, 40, 10, 40]]}],
                 "categories": [{"id": 1, "name": "sand"}, {"id": 2, "name": "water"}]}
                """.formatted(open.name(), like.width(), like.height()));
        Fields.set(robot, "#import-source", coco.toString());
        robot.clickOn("#import-replace");
        robot.clickOn("#import-start");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> Fields.text(robot, "#import-report").contains("sand (1),"
                + " water (2)"));

        Fields.set(robot, "#import-category", "water");
        robot.clickOn("#import-start");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> Fields.text(robot, "#import-report").startsWith("Labelled 1 tile from 1 annotation of 1 image"));
        LabelMask expected = pond(like);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> expected.equals(model.labelProperty().get()));
        assertEquals(LabelStatus.IMPORTED, project.status(open));
    }

    private static LabelMask pond(LabelMask like) {
        byte[] pixels = new byte[like.pixels().length];
        for (int y = 20; y < 40; y++) {
            for (int x = 10; x < 50; x++) {
                pixels[y * like.width() + x] = 1;
            }
        }
        return new LabelMask(like.width(), like.height(), pixels);
    }
}
