package org.meander.project.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.meander.project.LabelMask;

class CombineTest {

    private final LabelMask label = Masks.parse("##..", "#...");
    private final LabelMask preview = Masks.parse("#.#.", ".##.");

    @Test
    void replaceTakesThePreview() {
        assertEquals(preview, MaskOps.combine(label, preview, CombineMode.REPLACE));
    }

    @Test
    void addKeepsTheLabelAndAddsThePreview() {
        assertEquals(Masks.parse("###.", "###."), MaskOps.combine(label, preview, CombineMode.ADD));
    }

    @Test
    void subtractCutsThePreviewOut() {
        assertEquals(Masks.parse(".#..", "#..."), MaskOps.combine(label, preview, CombineMode.SUBTRACT));
    }

    @Test
    void aMissingLabelIsEmpty() {
        assertEquals(preview, MaskOps.combine(null, preview, CombineMode.REPLACE));
        assertEquals(preview, MaskOps.combine(null, preview, CombineMode.ADD));
        assertEquals(MaskOps.empty(4, 2), MaskOps.combine(null, preview, CombineMode.SUBTRACT));
    }

    @Test
    void neitherInputChangesAndTheResultIsNew() {
        LabelMask result = MaskOps.combine(label, preview, CombineMode.REPLACE);
        result.pixels()[0] = 0;
        assertEquals(Masks.parse("##..", "#..."), label);
        assertEquals(Masks.parse("#.#.", ".##."), preview);
    }

    @Test
    void sizesMustMatch() {
        assertThrows(IllegalArgumentException.class,
                () -> MaskOps.combine(label, MaskOps.empty(2, 4), CombineMode.ADD));
    }
}
