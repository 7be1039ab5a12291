package org.meander.ui;

import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The help panel: every shortcut and mouse action, in one window of its own that Esc or F1 closes. */
final class ShortcutHelp {

    private static final String TITLE = "Meander — keyboard and mouse";

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
        Scene scene = new Scene(list());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE || e.getCode() == KeyCode.F1) {
                stage.close();
                e.consume();
            }
        });
        stage.setScene(scene);
        stage.show();
    }

    private static GridPane list() {
        GridPane grid = new GridPane();
        grid.setHgap(24);
        grid.setVgap(6);
        grid.setPadding(new Insets(16));
        int row = 0;
        grid.addRow(row++, new Label("Left click"), new Label("add a positive point"));
        grid.addRow(row++, new Label("Right click, Alt + click"), new Label("add a negative point"));
        grid.addRow(row++, new Label("Drag"), new Label("draw a box prompt"));
        grid.addRow(row++, new Label("Wheel"), new Label("zoom to the cursor"));
        for (Shortcut s : Shortcut.values()) {
            grid.addRow(row++, new Label(s.keys), new Label(s.action));
        }
        grid.addRow(row, new Label("Esc, F1"), new Label("close this list"));
        return grid;
    }
}
