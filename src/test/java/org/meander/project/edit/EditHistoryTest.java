package org.meander.project.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.meander.project.LabelMask;

class EditHistoryTest {

    private final LabelMask start = MaskOps.empty(40, 30);
    private final LabelMask brushed = MaskOps.brush(start, 10, 10, 20, 12, 3, true);
    private final LabelMask filled = MaskOps.polygon(brushed,
            List.of(new double[] {25, 5}, new double[] {35, 5}, new double[] {30, 25}), true);
    private final LabelMask erased = MaskOps.brush(filled, 30, 5, 30, 25, 2, false);

    @Test
    void aNewHistoryHasNothingToUndoOrRedo() {
        EditHistory history = new EditHistory(start, 100);
        assertEquals(start, history.current());
        assertFalse(history.canUndo());
        assertFalse(history.canRedo());
        assertEquals(Optional.empty(), history.undoDescription());
        assertEquals(Optional.empty(), history.redoDescription());
        assertThrows(IllegalStateException.class, history::undo);
        assertThrows(IllegalStateException.class, history::redo);
    }

    @Test
    void undoAndRedoWalkBackAndForthThroughTheSteps() {
        EditHistory history = new EditHistory(start, 100);
        history.apply("brush", brushed);
        history.apply("polygon", filled);
        history.apply("erase", erased);
        assertEquals(erased, history.current());
        assertEquals(Optional.of("erase"), history.undoDescription());

        assertEquals(filled, history.undo());
        assertEquals(Optional.of("polygon"), history.undoDescription());
        assertEquals(Optional.of("erase"), history.redoDescription());
        assertEquals(brushed, history.undo());
        assertEquals(start, history.undo());
        assertFalse(history.canUndo());
        assertEquals(Optional.of("brush"), history.redoDescription());

        assertEquals(brushed, history.redo());
        assertEquals(filled, history.redo());
        assertEquals(erased, history.redo());
        assertEquals(erased, history.current());
        assertFalse(history.canRedo());
    }

    @Test
    void aNewStepAfterUndoForgetsWhatCouldBeRedone() {
        EditHistory history = new EditHistory(start, 100);
        history.apply("brush", brushed);
        history.apply("polygon", filled);
        history.undo();
        assertTrue(history.canRedo());
        history.apply("erase", MaskOps.brush(brushed, 15, 11, 15, 11, 2, false));
        assertFalse(history.canRedo());
        assertEquals(Optional.empty(), history.redoDescription());
        assertEquals(Optional.of("erase"), history.undoDescription());
        assertEquals(brushed, history.undo());
    }

    @Test
    void anEditThatChangesNothingIsNoStep() {
        EditHistory history = new EditHistory(brushed, 100);
        history.apply("brush", MaskOps.brush(brushed, 10, 10, 20, 12, 3, true));
        assertFalse(history.canUndo());
        assertFalse(history.isDirty());
    }

    @Test
    void theOldestStepsDropOutBeyondTheLimit() {
        EditHistory history = new EditHistory(start, 2);
        history.apply("brush", brushed);
        history.apply("polygon", filled);
        history.apply("erase", erased);
        assertEquals(filled, history.undo());
        assertEquals(brushed, history.undo());
        assertFalse(history.canUndo(), "the first step, from the start, is forgotten");
        assertEquals(filled, history.redo());
        assertEquals(erased, history.redo());
    }

    @Test
    void dirtyMeansDifferentFromTheLastSave() {
        EditHistory history = new EditHistory(start, 100);
        assertFalse(history.isDirty());
        history.apply("brush", brushed);
        assertTrue(history.isDirty());
        history.undo();
        assertFalse(history.isDirty(), "back at the state it started from");
        history.redo();
        history.markSaved();
        assertFalse(history.isDirty());
        history.apply("polygon", filled);
        assertTrue(history.isDirty());
        history.undo();
        assertFalse(history.isDirty(), "back at the saved state");
        history.undo();
        assertTrue(history.isDirty());
        history.apply("erase", erased);
        assertTrue(history.isDirty(), "a new branch never returns to the saved state");
        history.undo();
        assertTrue(history.isDirty());
    }

    @Test
    void theSavedStateIsRecognisedAfterItsStepHasDroppedOut() {
        EditHistory history = new EditHistory(start, 1);
        history.apply("brush", brushed);
        history.markSaved();
        history.apply("polygon", filled);
        history.apply("erase", erased);
        history.undo();
        assertTrue(history.isDirty());
        assertFalse(history.canUndo());
    }

    @Test
    void masksHandedOutEarlierStayAsTheyWere() {
        LabelMask painting = new LabelMask(start.width(), start.height(), brushed.pixels().clone());
        EditHistory history = new EditHistory(start, 100);
        history.apply("brush", painting);
        painting.pixels()[0] = 1; // a caller painting on after handing the mask over does not reach the history
        LabelMask afterBrush = history.current();
        history.undo();
        history.redo();
        history.undo();
        assertEquals(brushed, afterBrush);
        assertEquals(brushed, history.redo());
    }

    @Test
    void aStepKeepsTheLabelSize() {
        EditHistory history = new EditHistory(start, 100);
        assertThrows(IllegalArgumentException.class, () -> history.apply("brush", MaskOps.empty(30, 40)));
    }

    @Test
    void aHundredBrushStepsOnALargeTileCostKilobytes() {
        LabelMask label = MaskOps.empty(4096, 4096);
        EditHistory history = new EditHistory(label, 100);
        Random random = new Random(7);
        double x = 2048;
        double y = 2048;
        for (int step = 0; step < 100; step++) {
            double nextX = Math.max(0, Math.min(4096, x + random.nextGaussian() * 60));
            double nextY = Math.max(0, Math.min(4096, y + random.nextGaussian() * 60));
            label = MaskOps.brush(label, x, y, nextX, nextY, 12, step % 5 != 4);
            history.apply("brush", label);
            x = nextX;
            y = nextY;
        }
        // Full copies would take 100 x 16 MiB; the changed boxes, deflated, are a few hundred bytes each.
        assertTrue(history.storedStepBytes() < 256 * 1024, history.storedStepBytes() + " bytes stored");

        for (int step = 0; step < 99; step++) {
            history.undo();
        }
        assertEquals(MaskOps.empty(4096, 4096), history.undo());
        assertTrue(history.storedStepBytes() < 256 * 1024, "the same steps, now kept for redo");
        for (int step = 0; step < 100; step++) {
            history.redo();
        }
        assertEquals(label, history.current());
    }

    @Test
    void aWholeTileChangeRoundTrips() {
        LabelMask river = MaskOps.brush(MaskOps.empty(512, 512), 0, 100, 512, 400, 60, true);
        LabelMask replaced = MaskOps.combine(river,
                MaskOps.polygon(MaskOps.empty(512, 512), List.of(new double[] {0, 0},
                        new double[] {512, 0}, new double[] {512, 512}, new double[] {0, 300}), true),
                CombineMode.REPLACE);
        EditHistory history = new EditHistory(river, 100);
        history.apply("accept preview", replaced);
        assertEquals(river, history.undo());
        assertEquals(replaced, history.redo());
    }
}
