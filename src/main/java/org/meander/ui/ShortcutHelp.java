package org.meander.ui;

import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The help panel: every shortcut and mouse action. */
final class ShortcutHelp {

    private ShortcutHelp() {
    }

    static void show(Window owner) {
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
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.NONE);
        stage.setTitle("Meander — keyboard and mouse");
        stage.setScene(new Scene(grid));
        stage.show();
    }
}
