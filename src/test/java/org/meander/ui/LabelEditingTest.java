package org.meander.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.meander.project.LabelMask;
import org.meander.project.LabelStatus;
import org.meander.project.Tile;
import org.meander.testing.OneWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Correcting a label by hand in the window: brush, eraser, polygon, holes, islands, undo and redo, saving. */
@ExtendWith({ApplicationExtension.class, OneWindow.class})
class LabelEditingTest {

    private Workbench workbench;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        SampleWindow sample = SampleWindow.show(stage, 3, null); // hand tools need no model
        workbench = sample.workbench();
        window = sample.window();
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    @Test
    void brushPaintsEraserErasesAndUndoRedoWalkTheSteps(FxRobot robot) {
        AnnotateViewModel model = workbench.annotate();
        awaitLabel(model);
        LabelMask before = model.labelProperty().get();
        robot.push(KeyCode.B);
        robot.drag(screenPoint(20, 20), MouseButton.PRIMARY).dropTo(screenPoint(200, 20));
        LabelMask painted = model.labelProperty().get();
        assertTrue(painted.pixels()[20 * painted.width() + 100] == 1, "the stroke's middle is painted");
        assertTrue(count(painted) > count(before), "the brush adds pixels");

        robot.push(KeyCode.E);
        robot.drag(screenPoint(20, 20), MouseButton.PRIMARY).dropTo(screenPoint(200, 20));
        LabelMask erased = model.labelProperty().get();
        assertEquals(0, erased.pixels()[20 * erased.width() + 100], "the eraser clears the stroke");

        robot.push(KeyCode.CONTROL, KeyCode.Z);
        assertEquals(painted, model.labelProperty().get(), "undo restores the painted label");
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        assertEquals(before, model.labelProperty().get(), "undo again restores the original");
        robot.push(KeyCode.CONTROL, KeyCode.Y);
        assertEquals(painted, model.labelProperty().get(), "redo paints again");
    }

    @Test
    void polygonFillsAndCuts(FxRobot robot) {
        AnnotateViewModel model = workbench.annotate();
        awaitLabel(model);
        robot.push(KeyCode.P);
        for (int[] v : new int[][] {{10, 300}, {110, 300}, {110, 400}, {10, 400}}) {
            robot.clickOn(screenPoint(v[0], v[1]), MouseButton.PRIMARY);
        }
        robot.push(KeyCode.ENTER);
        LabelMask filled = model.labelProperty().get();
        assertEquals(1, filled.pixels()[350 * filled.width() + 60], "inside the polygon is filled");
        assertTrue(model.editor().polygon().isEmpty(), "closing ends the polygon");

        for (int[] v : new int[][] {{30, 320}, {90, 320}, {90, 380}, {200, 500}}) {
            robot.clickOn(screenPoint(v[0], v[1]), MouseButton.PRIMARY);
        }
        robot.push(KeyCode.BACK_SPACE); // a misplaced vertex taken back, then the right one
        assertEquals(3, model.editor().polygon().size());
        robot.clickOn(screenPoint(30, 380), MouseButton.PRIMARY);
        robot.push(KeyCode.ALT, KeyCode.ENTER);
        LabelMask cut = model.labelProperty().get();
        assertEquals(0, cut.pixels()[350 * cut.width() + 60], "Alt+Enter cuts the polygon out");
        assertEquals(1, cut.pixels()[310 * cut.width() + 60], "outside the cut stays filled");
    }

    @Test
    void fillHolesAndRemoveIslandsAreUndoable(FxRobot robot) {
        AnnotateViewModel model = workbench.annotate();
        awaitLabel(model);
        robot.push(KeyCode.B);
        robot.interact(() -> model.editor().brushRadiusProperty().set(2));
        robot.drag(screenPoint(5, 500), MouseButton.PRIMARY).dropTo(screenPoint(9, 500)); // a tiny island
        LabelMask withIsland = model.labelProperty().get();
        assertEquals(1, withIsland.pixels()[500 * withIsland.width() + 7]);
        robot.push(KeyCode.CONTROL, KeyCode.I);
        assertEquals(0, model.labelProperty().get().pixels()[500 * withIsland.width() + 7], "the island is gone");
        assertTrue(model.statusProperty().get().matches("Removed \\d+ islands? smaller than 64 pixels \\(.*"),
                model.statusProperty().get());
        robot.push(KeyCode.CONTROL, KeyCode.I);
        assertEquals("No islands smaller than 64 pixels to remove", model.statusProperty().get());

        robot.push(KeyCode.E);
        robot.interact(() -> model.editor().brushRadiusProperty().set(3));
        LabelMask label = model.labelProperty().get();
        int[] inside = insidePixel(label);
        robot.drag(screenPoint(inside[0], inside[1]), MouseButton.PRIMARY)
                .dropTo(screenPoint(inside[0] + 1, inside[1]));
        assertEquals(0, model.labelProperty().get().pixels()[inside[1] * label.width() + inside[0]], "a hole");
        robot.push(KeyCode.CONTROL, KeyCode.H);
        assertEquals(1, model.labelProperty().get().pixels()[inside[1] * label.width() + inside[0]],
                "fill holes closes it");
        assertTrue(model.statusProperty().get().matches("Filled \\d+ holes? \\(.*"), model.statusProperty().get());
        robot.push(KeyCode.CONTROL, KeyCode.H);
        assertEquals("No holes to fill: the label has none", model.statusProperty().get());
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        assertEquals(0, model.labelProperty().get().pixels()[inside[1] * label.width() + inside[0]], "undone");
    }

    /** Each tool says, when chosen, what it does and its keys; the brush its size as it changes. */
    @Test
    void theToolsSayWhatTheyDoInTheStatusBar(FxRobot robot) {
        AnnotateViewModel model = workbench.annotate();
        awaitLabel(model);
        robot.push(KeyCode.B);
        assertTrue(model.statusProperty().get().startsWith("Brush: drag to paint the label, radius 8 pixels"),
                model.statusProperty().get());
        robot.push(KeyCode.CLOSE_BRACKET);
        assertEquals("Brush radius 10 pixels ([ and ] change it)", model.statusProperty().get());
        robot.push(KeyCode.E);
        assertTrue(model.statusProperty().get().startsWith("Eraser: drag to erase the label"),
                model.statusProperty().get());
        robot.clickOn("Polygon");
        assertTrue(model.statusProperty().get().startsWith("Polygon: click its vertices"),
                model.statusProperty().get());
        robot.clickOn(screenPoint(10, 10), MouseButton.PRIMARY);
        robot.push(KeyCode.ENTER);
        assertEquals("A polygon needs 3 vertices at least; this one had 1", model.statusProperty().get());
        for (int[] v : new int[][] {{10, 300}, {110, 300}, {110, 400}, {10, 400}}) {
            robot.clickOn(screenPoint(v[0], v[1]), MouseButton.PRIMARY);
        }
        robot.push(KeyCode.ENTER);
        assertTrue(model.statusProperty().get().startsWith("Filled the polygon of 4 vertices: ")
                || model.statusProperty().get().startsWith("The polygon lies within the label already"),
                model.statusProperty().get());
        robot.push(KeyCode.S);
        assertTrue(model.statusProperty().get().startsWith("SAM: click on what to label"),
                model.statusProperty().get());
    }

    @Test
    void leavingATileSavesItsEditsAndShowOriginalToggles(FxRobot robot) throws Exception {
        AnnotateViewModel model = workbench.annotate();
        awaitLabel(model);
        Tile first = model.tiles().get(0);
        LabelMask imported = model.labelProperty().get();
        robot.push(KeyCode.B);
        robot.drag(screenPoint(20, 60), MouseButton.PRIMARY).dropTo(screenPoint(150, 60));
        LabelMask edited = model.labelProperty().get();

        robot.push(KeyCode.O);
        assertEquals(imported, model.labelProperty().get(), "O shows the original label");
        robot.push(KeyCode.O);
        assertEquals(edited, model.labelProperty().get(), "O again shows the edited one");

        robot.clickOn(robot.lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.ListCell<?> cell
                && cell.getText() != null && cell.getText().startsWith("sample_02")).<javafx.scene.Node>query());
        WaitForAsyncUtils.waitForFxEvents();
        assertNotEquals(first, model.selectedTileProperty().get());
        model.editor().awaitSaved();
        assertEquals(edited, workbench.project().readLabel(first).orElseThrow(), "leaving the tile saved it");
        assertEquals(LabelStatus.EDITED, workbench.project().status(first));
        assertEquals(imported, workbench.project().originalLabel(first).orElseThrow(), "the import is in history");
    }

    @Test
    void theToolBarChoosesToolsAndHowTheLabelIsDrawn(FxRobot robot) {
        AnnotateViewModel model = workbench.annotate();
        awaitLabel(model);
        robot.clickOn("Eraser");
        assertEquals(Tool.ERASER, model.editor().toolProperty().get());
        robot.push(KeyCode.P);
        assertTrue(robot.lookup("Polygon").queryAs(javafx.scene.control.ToggleButton.class).isSelected(),
                "the keyboard and the tool bar agree");
        robot.clickOn("#show-original");
        assertTrue(model.editor().showOriginalProperty().get());
        robot.clickOn("#label-outline");
        assertTrue(window.canvas().labelOutlineProperty().get());
        robot.push(KeyCode.SHIFT, KeyCode.L);
        assertFalse(window.canvas().labelOutlineProperty().get(), "Shift+L fills the label again");
    }

    /** L hides the label from the picture and shows it again; the label itself stays as it is. */
    @Test
    void lHidesTheLabelFromThePicture(FxRobot robot) {
        AnnotateViewModel model = workbench.annotate();
        awaitLabel(model);
        LabelMask label = model.labelProperty().get();
        int[] river = firstForeground(label);
        Point2D onScreen = screenPoint(river[0], river[1]);
        Point2D local = window.canvas().canvas().screenToLocal(onScreen);
        WaitForAsyncUtils.waitForFxEvents();
        int shown = canvasPixel(robot, local);

        robot.push(KeyCode.L);
        int hidden = canvasPixel(robot, local);
        robot.push(KeyCode.L);
        int again = canvasPixel(robot, local);

        assertNotEquals(shown, hidden, "the magenta label no longer tints the river");
        assertEquals(shown, again);
        assertEquals(label, model.labelProperty().get());
    }

    private int canvasPixel(FxRobot robot, Point2D local) {
        WaitForAsyncUtils.waitForFxEvents();
        int[] argb = new int[1];
        robot.interact(() -> argb[0] = window.canvas().canvas().snapshot(null, null).getPixelReader()
                .getArgb((int) local.getX(), (int) local.getY()));
        return argb[0];
    }

    private static int[] firstForeground(LabelMask label) {
        for (int i = label.width() * label.height() / 2; i < label.pixels().length; i++) {
            if (label.pixels()[i] == 1) {
                return new int[] {i % label.width(), i / label.width()};
            }
        }
        throw new AssertionError("the label has no river in its lower half");
    }

    @Test
    void theTileListShowsStatusAndSplitAndMovesTilesBetweenSplits(FxRobot robot) {
        AnnotateViewModel model = workbench.annotate();
        awaitLabel(model);
        Tile tile = model.tiles().get(2);
        javafx.scene.control.ListCell<?> cell = robot.lookup((javafx.scene.Node n) ->
                n instanceof javafx.scene.control.ListCell<?> c && c.getText() != null
                        && c.getText().startsWith(tile.name())).query();
        assertTrue(cell.getText().contains("imported") && cell.getText().contains(model.browser().splitOf(tile).key()),
                cell.getText());
        org.meander.project.Split target = model.browser().splitOf(tile) == org.meander.project.Split.TEST
                ? org.meander.project.Split.VALIDATION : org.meander.project.Split.TEST;
        javafx.scene.control.MenuItem move = cell.getContextMenu().getItems().stream()
                .filter(item -> item.getText().equals("Move to " + target.key())).findFirst().orElseThrow();
        robot.interact(move::fire);
        assertEquals(target, workbench.project().split(tile));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.ListCell<?> refreshed = robot.lookup((javafx.scene.Node n) ->
                n instanceof javafx.scene.control.ListCell<?> c && c.getText() != null
                        && c.getText().startsWith(tile.name())).query();
        assertTrue(refreshed.getText().contains(target.key()), "the list shows the new split: " + refreshed.getText());
    }

    /** Labels load in the background when a tile opens. */
    private static void awaitLabel(AnnotateViewModel model) {
        try {
            WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                    () -> model.labelProperty().get() != null);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the tile's label did not load", e);
        }
    }

    private Point2D screenPoint(double x, double y) {
        return CanvasPoints.screenPoint(window.canvas(), x, y);
    }

    private static int count(LabelMask mask) {
        int n = 0;
        for (byte b : mask.pixels()) {
            n += b;
        }
        return n;
    }

    /** A labelled pixel whose 9 x 9 neighbourhood is all labelled, so erasing a dot there makes a hole. */
    private static int[] insidePixel(LabelMask mask) {
        for (int y = 10; y < mask.height() - 10; y++) {
            for (int x = 10; x < mask.width() - 10; x++) {
                boolean all = true;
                for (int dy = -4; dy <= 4 && all; dy++) {
                    for (int dx = -4; dx <= 4 && all; dx++) {
                        all = mask.pixels()[(y + dy) * mask.width() + x + dx] == 1;
                    }
                }
                if (all) {
                    return new int[] {x, y};
                }
            }
        }
        throw new AssertionError("no interior pixel");
    }
}
