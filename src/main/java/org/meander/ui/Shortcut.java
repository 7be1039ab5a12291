package org.meander.ui;

import java.util.List;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/** Every keyboard shortcut of the workbench, with the text the help panel shows. */
enum Shortcut {
    ACCEPT("Enter", "accept SAM's preview, replacing the label (with the polygon tool: fill the polygon)"),
    ACCEPT_ADD("Shift+Enter", "add SAM's preview to the label"),
    ACCEPT_SUBTRACT("Alt+Enter", "subtract SAM's preview from the label (with the polygon tool: cut the polygon)"),
    CLEAR_PROMPT("Esc", "clear the prompt and the preview, or the unfinished polygon"),
    REMOVE_LAST_POINT("Backspace", "take back the last click or box: the prompt and SAM's answer as before it"
            + " (polygon tool: the last vertex)"),
    NEXT_CANDIDATE("Tab", "show SAM's next candidate mask"),
    SAM_TOOL("S", "SAM tool: click points, drag boxes"),
    BRUSH_TOOL("B", "brush: paint the label"),
    ERASER_TOOL("E", "eraser: erase the label"),
    POLYGON_TOOL("P", "polygon: click vertices, Enter fills, Alt+Enter cuts"),
    SMALLER_BRUSH("[", "smaller brush"),
    LARGER_BRUSH("]", "larger brush"),
    FILL_HOLES("Shortcut+H", "fill the holes of the label"),
    REMOVE_ISLANDS("Shortcut+I", "remove islands smaller than 64 pixels"),
    UNDO("Shortcut+Z", "undo"),
    REDO("Shortcut+Y", "redo (also Shortcut+Shift+Z)"),
    SAVE("Shortcut+S", "save the label now (it is also saved when you leave the tile and every 30 s)"),
    MARK_ACCEPTED("A", "save the label and mark it accepted"),
    ACCEPT_AND_NEXT("Shift+A", "save the label, mark it accepted and open the next tile to review"),
    NEXT_TO_REVIEW("N", "open the next tile shown whose label is not accepted yet"),
    TAKE_NEIGHBOURS("Shift+N", "take the labelled neighbours' labels where they overlap this tile (tiles cut from a"
            + " raster)"),
    NEXT_TILE("Page Down", "open the next tile shown in the list"),
    PREVIOUS_TILE("Page Up", "open the previous tile shown in the list"),
    FIND("Shortcut+F", "find a tile by name (Enter opens the first one found, Esc clears the search)"),
    HIDE_LABEL("L", "hide the label, or show it again"),
    OUTLINE_LABEL("Shift+L", "draw the label as its outline, or filled again"),
    SHOW_ORIGINAL("O", "show the original (imported) label instead of the edited one, or back"),
    LABEL_HISTORY("Shift+O", "the label's earlier versions: see one on the tile, restore it"),
    NEXT_VIEW("V", "show the tile in colour, near-infrared or colour infrared, in turn (with a near-infrared band)"),
    STRETCH("C", "stretch the tile's colours between their 2nd and 98th percentiles, for contrast, or show them as"
            + " stored (SAM sees the tile as stored)"),
    MAP("M", "the map of the raster the tiles were cut from: where each tile lies and how its label stands"),
    FIT("F", "fit the tile in the view"),
    ACTUAL_SIZE("1", "one tile pixel per screen pixel"),
    PAN("Space+drag", "pan (or drag with the middle button)"),
    TOGGLE_HOVER("H", "preview under the cursor before the first click: on or off"),
    SWITCH_DECODER("D", "switch between the model's own decoder and the fine-tuned one last used (Evaluate tab,"
            + " Use for annotation), SAM asked again about the same clicks: the two compared"),
    HELP("F1", "this list");

    final String keys;
    final String action;
    private final List<KeyCombination> combinations;

    Shortcut(String keys, String action) {
        this.keys = keys.replace("Shortcut", shortcutKey());
        this.action = action.replace("Shortcut", shortcutKey());
        this.combinations = switch (keys) { // the names JavaFX parses, not the ones shown
            case "Enter" -> List.of(KeyCombination.valueOf("Enter"));
            case "Esc" -> List.of(KeyCombination.valueOf("Esc"));
            case "[" -> List.of(KeyCombination.valueOf("Open Bracket"));
            case "]" -> List.of(KeyCombination.valueOf("Close Bracket"));
            case "1" -> List.of(KeyCombination.valueOf("1"), KeyCombination.valueOf("Numpad 1"));
            case "Space+drag" -> List.of(KeyCombination.valueOf("Space"));
            case "Shortcut+Y" -> List.of(KeyCombination.valueOf("Shortcut+Y"),
                    KeyCombination.valueOf("Shortcut+Shift+Z"));
            default -> List.of(KeyCombination.valueOf(keys));
        };
    }

    /** The platform's name for JavaFX's "Shortcut" modifier, as the help shows it. */
    private static String shortcutKey() {
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
