package org.meander.project.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.meander.project.LabelMask;

class BrushStrokeTest {

    @Test
    void aFastDragLeavesAnUnbrokenLine() {
        BrushStroke stroke = new BrushStroke(MaskOps.empty(100, 100), 1, true);
        stroke.moveTo(5.5, 5.5);
        stroke.moveTo(94.5, 94.5); // one mouse event for the whole diagonal
        for (int i = 5; i <= 94; i++) {
            assertTrue(Masks.at(stroke.current(), i, i), "pixel " + i + " on the diagonal");
        }
        // All one island: were it in pieces, each smaller than the whole, removing those would change it.
        LabelMask line = stroke.current();
        assertEquals(line, MaskOps.removeIslands(line, Masks.count(line)));
    }

    @Test
    void aStrokeIsTheSegmentsBetweenSuccessivePositions() {
        LabelMask start = Masks.full(60, 60);
        BrushStroke stroke = new BrushStroke(start, 4, false);
        stroke.moveTo(10, 10);
        stroke.moveTo(50, 12);
        stroke.moveTo(30, 50);
        LabelMask expected = MaskOps.brush(MaskOps.brush(start, 10, 10, 50, 12, 4, false), 50, 12, 30, 50, 4, false);
        assertEquals(expected, stroke.current());
        assertEquals(Masks.full(60, 60), start, "the starting label is left alone");
    }

    @Test
    void theFirstPositionStampsADiscAndNoMoveChangesNothing() {
        BrushStroke stroke = new BrushStroke(MaskOps.empty(100, 100), 10, true);
        assertEquals(MaskOps.empty(100, 100), stroke.current());
        stroke.moveTo(50.5, 50.5);
        assertEquals(317, Masks.count(stroke.current()));
    }

    @Test
    void currentFollowsTheStrokeWithoutCopying() {
        BrushStroke stroke = new BrushStroke(MaskOps.empty(50, 50), 2, true);
        LabelMask view = stroke.current();
        stroke.moveTo(10, 10);
        stroke.moveTo(40, 10);
        assertSame(view, stroke.current());
        assertTrue(Masks.at(view, 25, 10));
    }

    @Test
    void aFinishedStrokeIsOneUndoStep() {
        LabelMask start = MaskOps.empty(50, 50);
        EditHistory history = new EditHistory(start, 100);
        BrushStroke stroke = new BrushStroke(history.current(), 2, true);
        for (int x = 5; x <= 45; x += 10) {
            stroke.moveTo(x, 25);
        }
        history.apply("brush", stroke.current());
        assertEquals(stroke.current(), history.current());
        assertEquals(start, history.undo());
    }
}
