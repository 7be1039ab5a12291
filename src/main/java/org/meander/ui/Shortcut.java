package org.meander.ui;

import java.util.List;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * Every key the Annotate tab takes before the focused control sees it, and the keys that press it. What each does is
 * said once, in {@link ShortcutHelp}'s list (F1), which README's keyboard table repeats word for word.
 */
enum Shortcut {
    ACCEPT("Enter"),
    ACCEPT_ADD("Shift+Enter"),
    ACCEPT_SUBTRACT("Alt+Enter"),
    CLEAR_PROMPT("Esc"),
    REMOVE_LAST_POINT("Backspace"),
    NEXT_CANDIDATE("Tab"),
    SAM_TOOL("S"),
    BRUSH_TOOL("B"),
    ERASER_TOOL("E"),
    POLYGON_TOOL("P"),
    SMALLER_BRUSH("["),
    LARGER_BRUSH("]"),
    FILL_HOLES("Shortcut+H"),
    REMOVE_ISLANDS("Shortcut+I"),
    UNDO("Shortcut+Z"),
    REDO("Shortcut+Y"),
    SAVE("Shortcut+S"),
    MARK_ACCEPTED("A"),
    ACCEPT_AND_NEXT("Shift+A"),
    NEXT_TO_REVIEW("N"),
    TAKE_NEIGHBOURS("Shift+N"),
    NEXT_TILE("Page Down"),
    PREVIOUS_TILE("Page Up"),
    FIND("Shortcut+F"),
    HIDE_LABEL("L"),
    OUTLINE_LABEL("Shift+L"),
    SHOW_ORIGINAL("O"),
    LABEL_HISTORY("Shift+O"),
    NEXT_VIEW("V"),
    STRETCH("C"),
    MAP("M"),
    FIT("F"),
    ACTUAL_SIZE("1"),
    PAN("Space+drag"),
    TOGGLE_HOVER("H"),
    SWITCH_DECODER("D"),
    NEXT_TAB("Ctrl+Tab"),
    PREVIOUS_TAB("Ctrl+Shift+Tab"),
    HELP("F1");

    /** The keys as the help names them, "Shortcut" written Ctrl (Cmd on a Mac). */
    final String keys;
    private final List<KeyCombination> combinations;

    Shortcut(String keys) {
        this.keys = keys.replace("Shortcut", shortcutKey());
        this.combinations = switch (keys) { // the names JavaFX parses, not the ones shown
            case "Enter" -> List.of(KeyCombination.valueOf("Enter"));
            case "Esc" -> List.of(KeyCombination.valueOf("Esc"));
            case "[" -> List.of(KeyCombination.valueOf("Open Bracket"));
            case "]" -> List.of(KeyCombination.valueOf("Close Bracket"));
            case "1" -> List.of(KeyCombination.valueOf("1"), KeyCombination.valueOf("Numpad 1"));
            case "Space+drag" -> List.of(KeyCombination.valueOf("Space"));
            // Ctrl, not Shortcut: Ctrl+Tab switches tabs on a Mac too
            case "Ctrl+Tab" -> List.of(KeyCombination.valueOf("Ctrl+Tab"), KeyCombination.valueOf("Ctrl+Page Down"));
            case "Ctrl+Shift+Tab" -> List.of(KeyCombination.valueOf("Ctrl+Shift+Tab"),
                    KeyCombination.valueOf("Ctrl+Page Up"));
            case "Shortcut+Y" -> List.of(KeyCombination.valueOf("Shortcut+Y"),
                    KeyCombination.valueOf("Shortcut+Shift+Z"));
            default -> List.of(KeyCombination.valueOf(keys));
        };
    }

    /** The platform's name for JavaFX's "Shortcut" modifier, as the help shows it. */
    static String shortcutKey() {
        return System.getProperty("os.name", "").startsWith("Mac") ? "Cmd" : "Ctrl";
    }

    boolean matches(KeyEvent e) {
        return combinations.stream().anyMatch(c -> c.match(e));
    }

    /** The shortcut a key press means, or null. */
    static Shortcut of(KeyEvent e) {
        for (Shortcut s : values()) {
            if (s.matches(e)) {
                return s;
            }
        }
        return null;
    }
}
