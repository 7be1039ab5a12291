package org.meander.ui;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The help panel: every key and mouse action, in one window of its own that Esc or F1 closes. Its rows are the one
 * list of them: README's "Keyboard and mouse" table is this list word for word (a test holds them together), and
 * every {@link Shortcut} is named in it.
 */
final class ShortcutHelp {

    /** One line of the list: the keys (or mouse action), and what they do, in README's Markdown. */
    record Row(String keys, String action) {

        /** The line as README's table has it. */
        String markdown() {
            return "| " + keys + " | " + action + " |";
        }
    }

    static final String TITLE = "Meander — keyboard and mouse";

    /** Said above the list, and in README under its table. */
    static final String NOTE = "These keys act on the Annotate tab, except Ctrl+Tab, Ctrl+Page Down and Ctrl+Page"
            + " Up, which switch the tabs, and F1, which work on every tab; on the Train and Evaluate tabs other keys"
            + " go to the fields as usual.";

    static final List<Row> ROWS = List.of(
            new Row("left click / right click (or Alt+click)", "positive / negative SAM point"),
            new Row("drag", "SAM box (with the SAM tool); paint or erase (brush, eraser)"),
            new Row("Enter / Shift+Enter / Alt+Enter", "accept SAM's preview: replace / add / subtract (polygon"
                    + " tool: fill / -, cut)"),
            new Row("Esc", "clear the prompt, or the unfinished polygon"),
            new Row("Backspace", "take back the last click (or box): the prompt and SAM's answer come back as they"
                    + " were before it, at once; with the polygon tool, the last vertex"),
            new Row("Tab", "SAM's next candidate, while the tile has the focus (a click on it gives it the focus)"
                    + " and SAM shows several; elsewhere Tab and Shift+Tab move the focus through the window"),
            new Row("S, B, E, P", "SAM, brush, eraser, polygon tool (the status bar says the chosen tool's keys)"),
            new Row("[ and ]", "smaller, larger brush"),
            new Row("Ctrl+H, Ctrl+I", "fill holes, remove islands under 64 pixels (the status bar says how many)"),
            new Row("Ctrl+Z, Ctrl+Y (Ctrl+Shift+Z)", "undo, redo"),
            new Row("Ctrl+S, A", "save now, save and mark the label accepted (an empty label, on a tile without"
                    + " river, is accepted as saying so, and the status bar says it)"),
            new Row("Shift+A", "save, mark accepted and open the next tile to review (the next shown, going round"
                    + " the list, whose label is not accepted)"),
            new Row("N", "open the next tile to review, as Shift+A does without accepting (the next shown, going"
                    + " round the list, whose label is not accepted: an unlabelled tile too)"),
            new Row("Shift+N", "take the labels of the tile's labelled neighbours where they overlap it (tiles cut"
                    + " from one raster), as one edit"),
            new Row("Page Down / Page Up", "open the next / previous tile shown in the list"),
            new Row("Delete (in the tile list)", "remove the selected tile from the project, once confirmed: its"
                    + " files move to the project's `trash/`, its label saved first; nothing is deleted (also the"
                    + " list's menu)"),
            new Row("Menu key or Shift+F10 (in the tile list)", "the selected tile's menu, as a right click on it"
                    + " opens it: move the tile to the train, validation or test split, or remove it"),
            new Row("Ctrl+F", "find tiles by name: Enter opens the first one found, Esc clears the search (keys"
                    + " typed there are text, not shortcuts)"),
            new Row("L / Shift+L", "hide the label, or show it again / draw it as its outline, or filled again"),
            new Row("O", "show the original (imported) label"),
            new Row("Shift+O", "the tile's label history: its earlier labels, newest first, with when each was"
                    + " replaced; the one chosen shows on the tile, Restore makes it the label (Ctrl+Z undoes), Esc"
                    + " closes (also the tool bar's History…)"),
            new Row("V", "show the tile in colour, its near-infrared band, or colour infrared, in turn (tiles with a"
                    + " near-infrared band; also the tool bar's View)"),
            new Row("C", "stretch the tile's colours for contrast, each band between its 2nd and 98th percentiles"
                    + " as GIS viewers show imagery, or show them as stored; for the eye only, SAM sees the tile as"
                    + " stored (also the tool bar's Stretch)"),
            new Row("wheel, middle drag or Space+drag, F, 1", "zoom to the cursor, pan, fit, 1:1"),
            new Row("H", "hover preview on or off"),
            new Row("D", "switch between the model's own decoder and the fine-tuned one last made Annotate's, SAM"
                    + " asked again about the same clicks"),
            new Row("M", "the map of the raster the tiles were cut from: each tile in its place, tinted by its label"
                    + " status, the open one outlined; a click opens a tile, arrow keys the one beside the open tile,"
                    + " Esc closes"),
            new Row("Ctrl+Tab / Ctrl+Shift+Tab, Ctrl+Page Down / Ctrl+Page Up", "the next / previous tab: Annotate,"
                    + " Train, Evaluate"),
            new Row("F1", "this list, in a window of its own (Esc or F1 closes it)"));

    /** Room left on the screen for the window's title bar and frame. */
    private static final double DECORATION = 40;
    private static final double SCROLL_BAR = 16;

    /** How wide the keys' and the "what it does" columns grow before their lines wrap, and the room between. */
    private static final double KEYS_WIDTH = 260;
    private static final double ACTION_WIDTH = 560;
    private static final double COLUMN_GAP = 24;

    private ShortcutHelp() {
    }

    /** Shows the list, or brings it to the front if it is already open. */
    static void show(Window owner) {
        for (Window window : Window.getWindows()) {
            if (window instanceof Stage open && open.getOwner() == owner && TITLE.equals(open.getTitle())) {
                open.toFront();
                return;
            }
        }
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.NONE);
        stage.setTitle(TITLE);
        ScrollPane scroll = new ScrollPane(list());
        scroll.setId("shortcut-list");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setFocusTraversable(true); // the arrow keys, Page Down and End scroll it
        Scene scene = new Scene(scroll);
        sizeFor(scroll, screenOf(owner).getVisualBounds());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE || e.getCode() == KeyCode.F1) {
                stage.close();
                e.consume();
            }
        });
        stage.setScene(scene);
        stage.show();
        fitOnScreen(stage, owner);
        scroll.requestFocus();
    }

    /**
     * The list's size: all of it where the screen has room, otherwise as much as fits, scrolled. Set before the
     * window shows, which sizes itself to it (a size set once it shows may be undone as the window is made).
     */
    private static void sizeFor(ScrollPane scroll, Rectangle2D area) {
        scroll.applyCss();
        double width = scroll.prefWidth(-1);
        double height = scroll.prefHeight(width);
        double room = area.getHeight() - DECORATION;
        if (height > room) {
            height = room;
            width += SCROLL_BAR; // the vertical scroll bar takes its width from the list's
        }
        scroll.setPrefSize(Math.min(width, area.getWidth()), height);
    }

    /**
     * The whole window on the owner's screen, within its visual bounds (no panel or task bar over it), centred on
     * the owner where there is room: a list taller than the screen scrolls.
     */
    static void fitOnScreen(Stage stage, Window owner) {
        Rectangle2D area = screenOf(owner).getVisualBounds();
        double width = Math.min(stage.getWidth(), area.getWidth());
        double height = Math.min(stage.getHeight(), area.getHeight());
        if (width != stage.getWidth()) {
            stage.setWidth(width);
        }
        if (height != stage.getHeight()) {
            stage.setHeight(height);
        }
        double centreX = owner == null ? area.getMinX() + area.getWidth() / 2 : owner.getX() + owner.getWidth() / 2;
        double centreY = owner == null ? area.getMinY() + area.getHeight() / 2 : owner.getY() + owner.getHeight() / 2;
        stage.setX(clamp(centreX - width / 2, area.getMinX(), area.getMaxX() - width));
        stage.setY(clamp(centreY - height / 2, area.getMinY(), area.getMaxY() - height));
    }

    private static Screen screenOf(Window owner) {
        if (owner != null) {
            List<Screen> screens = Screen.getScreensForRectangle(owner.getX(), owner.getY(),
                    Math.max(1, owner.getWidth()), Math.max(1, owner.getHeight()));
            if (!screens.isEmpty()) {
                return screens.get(0);
            }
        }
        return Screen.getPrimary();
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(value, max));
    }

    private static VBox list() {
        GridPane grid = new GridPane();
        grid.setHgap(COLUMN_GAP);
        grid.setVgap(6);
        ColumnConstraints keys = new ColumnConstraints();
        keys.setMaxWidth(KEYS_WIDTH);
        ColumnConstraints action = new ColumnConstraints();
        action.setMaxWidth(ACTION_WIDTH);
        grid.getColumnConstraints().addAll(keys, action);
        int row = 0;
        for (Row r : ROWS) {
            grid.addRow(row++, text(r.keys()), text(r.action()));
        }
        grid.getChildren().forEach(cell -> GridPane.setValignment(cell, VPos.TOP));
        Label note = text(NOTE);
        note.setMaxWidth(KEYS_WIDTH + COLUMN_GAP + ACTION_WIDTH);
        VBox content = new VBox(12, note, grid);
        content.setPadding(new Insets(16));
        return content;
    }

    /** A cell as a person reads it: no Markdown, and Cmd for Ctrl on a Mac where JavaFX's Shortcut is meant. */
    private static Label text(String markdown) {
        // Ctrl+Tab and Ctrl+Page Down stay Ctrl on a Mac
        Label label = new Label(markdown.replace("`", "")
                .replaceAll("Ctrl\\+(?!Tab|Shift\\+Tab|Page)", Shortcut.shortcutKey() + "+"));
        label.setWrapText(true);
        label.setMinHeight(Label.USE_PREF_SIZE);
        return label;
    }
}
