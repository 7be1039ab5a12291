package org.meander.ui;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/** Every keyboard shortcut of the workbench, with the text the help panel shows. */
enum Shortcut {
    ACCEPT("Enter", "accept SAM's preview into the label"),
    CLEAR_PROMPT("Escape", "clear the prompt and the preview"),
    NEXT_CANDIDATE("Tab", "show SAM's next candidate mask"),
    FIT("F", "fit the tile in the view"),
    ACTUAL_SIZE("1", "one tile pixel per screen pixel"),
    PAN("Space + drag", "pan (or drag with the middle button)"),
    TOGGLE_HOVER("H", "preview under the cursor before the first click: on or off"),
    HELP("F1", "this list");

    final String keys;
    final String action;

    Shortcut(String keys, String action) {
        this.keys = keys;
        this.action = action;
    }

    /** The shortcut a key press means, or null. */
    static Shortcut of(KeyEvent e) {
        if (e.isControlDown() || e.isMetaDown()) {
            return null;
        }
        KeyCode code = e.getCode();
        return switch (code) {
            case ENTER -> ACCEPT;
            case ESCAPE -> CLEAR_PROMPT;
            case TAB -> NEXT_CANDIDATE;
            case F -> FIT;
            case DIGIT1, NUMPAD1 -> ACTUAL_SIZE;
            case SPACE -> PAN;
            case H -> TOGGLE_HOVER;
            case F1 -> HELP;
            default -> null;
        };
    }
}
