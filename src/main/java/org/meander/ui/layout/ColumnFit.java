package org.meander.ui.layout;

import javafx.scene.control.TableColumn;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * A table column never narrower than its title and its widest value: a table that shares out its width cuts
 * "1.2209" to "1.2…" in a small window, where it should scroll.
 */
public final class ColumnFit {

    /** A cell's and a header's padding and borders, either side together, with a pixel to spare. */
    private static final double PADDING = 16;

    private ColumnFit() {
    }

    /** widest: the longest value the column is expected to show, such as "0.0000". */
    public static void atLeast(TableColumn<?, ?> column, String widest) {
        double title = column.getText() == null ? 0 : width(column.getText(), FontWeight.BOLD); // headers are bold
        column.setMinWidth(Math.ceil(Math.max(title, width(widest, FontWeight.NORMAL)) + PADDING));
    }

    private static double width(String text, FontWeight weight) {
        Font font = Font.getDefault();
        Text shape = new Text(text);
        shape.setFont(Font.font(font.getFamily(), weight, font.getSize()));
        return shape.getLayoutBounds().getWidth();
    }
}
