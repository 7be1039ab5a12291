package org.meander.project.edit;

/** How an accepted Segment Anything preview meets the label being corrected. */
public enum CombineMode {
    /** The preview becomes the label; whatever was labelled before is dropped. */
    REPLACE,
    /** The preview is added to the label: a pixel is foreground if it was, or if the preview says so. */
    ADD,
    /** The preview is cut out of the label: a pixel stays foreground only where the preview is background. */
    SUBTRACT
}
