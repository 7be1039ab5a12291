package org.meander.ui;

import org.meander.project.LabelStatus;
import org.meander.project.Split;

/** Which tiles the tile list shows: by where their label stands, or by split. */
enum TileFilter {
    ALL("All tiles"),
    TO_REVIEW("To review (not accepted)"),
    NO_LABEL("No label"),
    PREDICTED("Predicted, to review"),
    IMPORTED("Imported"),
    EDITED("Edited"),
    ACCEPTED("Accepted"),
    TRAIN("Train split"),
    VALIDATION("Validation split"),
    TEST("Test split");

    private final String text;

    TileFilter(String text) {
        this.text = text;
    }

    /** Whether {@link #admits} reads the label status, which costs a look at the label's file. */
    boolean readsStatus() {
        return switch (this) {
            case ALL, TRAIN, VALIDATION, TEST -> false;
            default -> true;
        };
    }

    /** status may be null when {@link #readsStatus} is false. */
    boolean admits(LabelStatus status, Split split) {
        return switch (this) {
            case ALL -> true;
            case TO_REVIEW -> status != LabelStatus.ACCEPTED;
            case NO_LABEL -> status == LabelStatus.NONE;
            case PREDICTED -> status == LabelStatus.PREDICTED;
            case IMPORTED -> status == LabelStatus.IMPORTED;
            case EDITED -> status == LabelStatus.EDITED;
            case ACCEPTED -> status == LabelStatus.ACCEPTED;
            case TRAIN -> split == Split.TRAIN;
            case VALIDATION -> split == Split.VALIDATION;
            case TEST -> split == Split.TEST;
        };
    }

    @Override
    public String toString() {
        return text;
    }
}
