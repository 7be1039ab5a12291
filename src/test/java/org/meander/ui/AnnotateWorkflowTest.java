package org.meander.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
import org.meander.sam.Point;
import org.meander.testing.Fixtures;
import org.meander.testing.OneWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The annotation workflow in a real (headless) window: open the sample project, click, see SAM's mask, accept. */
@ExtendWith({ApplicationExtension.class, OneWindow.class})
class AnnotateWorkflowTest {

    private Workbench workbench;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        SampleWindow sample = SampleWindow.show(stage, 1, Fixtures.model("tiny"));
        workbench = sample.workbench();
        window = sample.window();
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    /**
     * Closing waits for SAM work in flight (here held on a latch, deaf to interrupts as a native decode is): the
     * model is closed or passed on next, and must not be while a decode still runs on it.
     */
    @Test
    void closingWaitsForSamWorkInFlight() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        workbench.annotate().sam().changeModel(() -> {
            running.countDown();
            while (true) {
                try {
                    release.await();
                    break;
                } catch (InterruptedException e) {
                    // a decode in native code does not stop either
                }
            }
            finished.set(true);
        });
        assertTrue(running.await(30, TimeUnit.SECONDS));
        Thread closing = new Thread(workbench.annotate()::close);
        closing.start();
        closing.join(500);
        assertTrue(closing.isAlive(), "close returned while SAM work was still running");
        release.countDown();
        closing.join(TimeUnit.SECONDS.toMillis(30));
        assertFalse(closing.isAlive());
        assertTrue(finished.get());
    }

    @Test
    void clickShowsSamPreviewAndEnterSavesIt(FxRobot robot) throws Exception {
        AnnotateViewModel model = workbench.annotate();
        Tile tile = model.tiles().get(0);
        assertEquals(tile, model.selectedTileProperty().get(), "the first tile opens at start");
        workbench.queue().request(tile.image()).get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.labelProperty().get() != null);

        LabelMask imported = workbench.project().readLabel(tile).orElseThrow();
        int[] inside = foregroundPixel(imported);
        robot.clickOn(screenPoint(inside[0], inside[1]), MouseButton.PRIMARY);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.sam().previewProperty().get() != null);
        assertEquals(1, model.sam().promptProperty().get().points().size());
        assertEquals(inside[0] + 0.5, model.sam().promptProperty().get().points().get(0).x(), 1.0);

        LabelMask preview = model.sam().previewProperty().get().mask();
        assertEquals(imported.width(), preview.width());
        robot.push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertArrayEquals(preview.pixels(), model.labelProperty().get().pixels(), "Enter replaces the label");
        assertEquals(null, model.sam().previewProperty().get(), "accepting clears the prompt");

        robot.push(KeyCode.A);
        WaitForAsyncUtils.waitForFxEvents();
        model.editor().awaitSaved();
        LabelMask saved = workbench.project().readLabel(tile).orElseThrow();
        assertArrayEquals(preview.pixels(), saved.pixels(), "the saved label is the accepted preview");
        assertEquals(LabelStatus.ACCEPTED, workbench.project().status(tile));
        assertEquals(imported, workbench.project().originalLabel(tile).orElseThrow(),
                "the imported label is kept in history");
    }

    @Test
    void escapeClearsThePrompt(FxRobot robot) throws Exception {
        AnnotateViewModel model = workbench.annotate();
        Tile tile = model.tiles().get(0);
        workbench.queue().request(tile.image()).get(60, TimeUnit.SECONDS);
        robot.clickOn(screenPoint(100, 100), MouseButton.SECONDARY);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.sam().previewProperty().get() != null);
        assertEquals(0, model.sam().promptProperty().get().points().get(0).label(), "right click is a negative point");
        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(model.sam().promptProperty().get().isEmpty());
        assertEquals(null, model.sam().previewProperty().get());
    }

    /** A misplaced click is taken back alone: the prompt and SAM's answer come back as they were before it. */
    @Test
    void backspaceTakesBackTheLastClick(FxRobot robot) throws Exception {
        AnnotateViewModel model = workbench.annotate();
        model.sam().hoverPreviewProperty().set(false);
        workbench.queue().request(model.tiles().get(0).image()).get(60, TimeUnit.SECONDS);
        float[] first = click(robot, model, screenPoint(120, 140), MouseButton.PRIMARY, 1);
        float[] second = click(robot, model, screenPoint(300, 60), MouseButton.SECONDARY, 2);
        click(robot, model, screenPoint(200, 300), MouseButton.PRIMARY, 3);

        robot.push(KeyCode.BACK_SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, model.sam().promptProperty().get().points().size());
        assertArrayEquals(second, model.sam().previewProperty().get().prediction().lowRes(0, 0),
                "the second click's answer (refined by the first), not one asked afresh");

        robot.push(KeyCode.BACK_SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Point.POSITIVE, model.sam().promptProperty().get().points().get(0).label());
        assertArrayEquals(first, model.sam().previewProperty().get().prediction().lowRes(0, 0));

        robot.push(KeyCode.BACK_SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(model.sam().promptProperty().get().isEmpty());
        assertEquals(null, model.sam().previewProperty().get());
    }

    /** Clicks at {@code point} and returns SAM's logits once the prompt holds {@code points} points and is answered. */
    private static float[] click(FxRobot robot, AnnotateViewModel model, Point2D point, MouseButton button,
                                 int points) throws Exception {
        SamPrompting sam = model.sam();
        SamPreview before = sam.previewProperty().get();
        robot.clickOn(point, button);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> sam.promptProperty().get().points().size() == points
                && sam.previewProperty().get() != null && sam.previewProperty().get() != before);
        return sam.previewProperty().get().prediction().lowRes(0, 0);
    }

    @Test
    void dragDrawsABoxAndTabCyclesTheCandidates(FxRobot robot) throws Exception {
        AnnotateViewModel model = workbench.annotate();
        model.sam().hoverPreviewProperty().set(false);
        workbench.queue().request(model.tiles().get(0).image()).get(60, TimeUnit.SECONDS);
        robot.drag(screenPoint(100, 120), MouseButton.PRIMARY).dropTo(screenPoint(300, 380));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.sam().previewProperty().get() != null);
        var box = model.sam().promptProperty().get().box();
        assertNotNull(box, "a drag is a box prompt");
        assertEquals(100.5, box.x0(), 1.5);
        assertEquals(380.5, box.y1(), 1.5);
        assertTrue(model.sam().promptProperty().get().points().isEmpty(), "a drag adds no point");

        SamPreview first = model.sam().previewProperty().get();
        assertEquals(3, first.candidates());
        assertEquals(first.prediction().best(0), first.shown(), "the candidate SAM rates highest first");
        robot.push(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        SamPreview second = model.sam().previewProperty().get();
        assertEquals((first.shown() + 1) % 3, second.shown(), "Tab shows the next candidate");
        assertArrayEquals(second.prediction().mask(0, second.shown()), second.mask().pixels(),
                "its mask upscaled when Tab asks for it");
        assertTrue(model.statusProperty().get().contains("IoU"), model.statusProperty().get());
    }

    /**
     * Tab is SAM's next candidate only while the tile has the focus; from the tile list (where the window opens) it
     * moves the focus on, even over a preview. A click on the tile gives it the focus, and Tab cycles again.
     */
    @Test
    void tabCyclesTheCandidatesOnlyOnTheTile(FxRobot robot) throws Exception {
        AnnotateViewModel model = workbench.annotate();
        javafx.scene.Node list = robot.lookup("#tiles").query();
        robot.interact(list::requestFocus);
        hoverUntilAPreviewShows(robot);
        model.sam().hoverPreviewProperty().set(false); // the preview under the cursor stays as it is
        SamPreview hovered = model.sam().previewProperty().get();
        robot.push(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(hovered.shown(), model.sam().previewProperty().get().shown(), "no candidate changed");
        assertFalse(list.getScene().getFocusOwner() == list, "Tab moved the focus on from the list");

        robot.clickOn(screenPoint(210, 220), MouseButton.PRIMARY);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !model.sam().promptProperty().get().isEmpty()
                && model.sam().previewProperty().get() != null && model.sam().previewProperty().get() != hovered);
        assertEquals(window.canvas(), list.getScene().getFocusOwner(), "a click gives the tile the focus");
        SamPreview clicked = model.sam().previewProperty().get();
        robot.push(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals((clicked.shown() + 1) % 3, model.sam().previewProperty().get().shown(), "Tab cycles there");
        assertEquals(window.canvas(), list.getScene().getFocusOwner(), "and the focus stays on the tile");
    }

    @Test
    void hoverPreviewsBeforeTheFirstClick(FxRobot robot) throws Exception {
        AnnotateViewModel model = workbench.annotate();
        hoverUntilAPreviewShows(robot);
        assertTrue(model.sam().promptProperty().get().isEmpty(), "hovering adds no point");

        robot.push(KeyCode.H);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(false, model.sam().hoverPreviewProperty().get(), "H switches the hover preview off");
    }

    /** The hover preview belongs to the SAM tool; a clicked prompt's preview stays, Enter can still accept it. */
    @Test
    void anotherToolPutsAwayTheHoverPreviewButNotAClickedOne(FxRobot robot) throws Exception {
        AnnotateViewModel model = workbench.annotate();
        hoverUntilAPreviewShows(robot);
        robot.push(KeyCode.B);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(null, model.sam().previewProperty().get(), "the brush shows the label, not a preview under it");
        assertFalse(model.statusProperty().get().startsWith("Candidate"), "no word of a preview no longer shown");

        robot.push(KeyCode.S);
        robot.clickOn(screenPoint(100, 100), MouseButton.PRIMARY);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !model.sam().promptProperty().get().isEmpty()
                && model.sam().previewProperty().get() != null);
        robot.push(KeyCode.B);
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(model.sam().previewProperty().get());
    }

    @Test
    void clicksLandOnTheRightPixelAfterZoomingAndPanning(FxRobot robot) throws Exception {
        AnnotateViewModel model = workbench.annotate();
        model.sam().hoverPreviewProperty().set(false);
        workbench.queue().request(model.tiles().get(0).image()).get(60, TimeUnit.SECONDS);
        Point2D before = screenPoint(300, 200);
        robot.moveTo(screenPoint(256, 256));
        robot.scroll(5, javafx.geometry.VerticalDirection.UP);
        robot.drag(screenPoint(256, 256), MouseButton.MIDDLE).dropBy(40, 30);
        WaitForAsyncUtils.waitForFxEvents();
        Point2D after = screenPoint(300, 200);
        assertTrue(before.distance(after) > 20, "zooming and panning moved the tile on screen: " + before + " " + after);
        assertTrue(model.sam().promptProperty().get().isEmpty(), "a middle drag adds no prompt");
        robot.clickOn(screenPoint(300, 200), MouseButton.PRIMARY);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !model.sam().promptProperty().get().points().isEmpty());
        var point = model.sam().promptProperty().get().points().get(0);
        assertEquals(300.5, point.x(), 1.0);
        assertEquals(200.5, point.y(), 1.0);
    }

    /** Moves the cursor over the first tile, once its embedding exists, until SAM previews what lies under it. */
    private void hoverUntilAPreviewShows(FxRobot robot) throws Exception {
        AnnotateViewModel model = workbench.annotate();
        workbench.queue().request(model.tiles().get(0).image()).get(60, TimeUnit.SECONDS);
        robot.moveTo(screenPoint(200, 200));
        robot.moveTo(screenPoint(210, 220));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.sam().previewProperty().get() != null);
    }

    private Point2D screenPoint(double x, double y) {
        return CanvasPoints.screenPoint(window.canvas(), x, y);
    }

    /** A labelled pixel near the middle of the label's foreground. */
    private static int[] foregroundPixel(LabelMask mask) {
        long sx = 0;
        long sy = 0;
        long n = 0;
        for (int y = 0; y < mask.height(); y++) {
            for (int x = 0; x < mask.width(); x++) {
                if (mask.pixels()[y * mask.width() + x] != 0) {
                    sx += x;
                    sy += y;
                    n++;
                }
            }
        }
        int cx = (int) (sx / n);
        int cy = (int) (sy / n);
        int best = -1;
        long bestDistance = Long.MAX_VALUE;
        for (int i = 0; i < mask.pixels().length; i++) {
            if (mask.pixels()[i] != 0) {
                long dx = i % mask.width() - cx;
                long dy = i / mask.width() - cy;
                if (dx * dx + dy * dy < bestDistance) {
                    bestDistance = dx * dx + dy * dy;
                    best = i;
                }
            }
        }
        return new int[] {best % mask.width(), best / mask.width()};
    }
}
