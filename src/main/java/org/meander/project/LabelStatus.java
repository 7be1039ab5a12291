package org.meander.project;

/** Where a tile's label stands, as the tile list shows it. */
public enum LabelStatus {
    /** No label file. */
    NONE,
    /** A label file that Meander did not write: brought in with the project, to be checked and corrected. */
    IMPORTED,
    /** Written by Meander, not yet accepted. */
    EDITED,
    /** Written by Meander and marked correct by the annotator. */
    ACCEPTED,
    /** Written by auto-label from SAM's answer to prompts drawn from imagery, without a click: to be reviewed. */
    PREDICTED
}
