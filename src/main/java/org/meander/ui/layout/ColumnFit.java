package org.meander.ui.layout;

import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * A table column never narrower than its title and its widest value: a table that shares out its width cuts
 * "1.2209" to "1.2…" in a small window, where it should scroll.
 */
public final class ColumnFit {

    /** A cell's and a header's padding and borders, either side together, with a pixel to spare. */
    private static final double PADDING = 12;
    /** A table's borders and its vertical scroll bar, which take from its columns' width. */
    private static final double BORDERS_AND_SCROLL_BAR = 20;

    private ColumnFit() {
    }

    /**
     * Shares the table's width among its columns while their minimum widths fit it; a narrower table scrolls
     * sideways instead. A constrained policy has no horizontal scroll bar: it would cut the last columns off.
     */
    public static void shareOrScroll(TableView<?> table) {
        table.widthProperty().addListener((o, old, width) -> {
            boolean fits = width.doubleValue() >= minWidth(table);
            if (!fits && table.getColumnResizePolicy() != TableView.UNCONSTRAINED_RESIZE_POLICY) {
                // as narrow as they may be, so as little as possible is out of sight
                table.getVisibleLeafColumns().forEach(c -> c.setPrefWidth(c.getMinWidth()));
            }
            table.setColumnResizePolicy(fits ? TableView.CONSTRAINED_RESIZE_POLICY
                    : TableView.UNCONSTRAINED_RESIZE_POLICY);
        });
    }

    /** The width the table's columns need at their narrowest, with its borders and scroll bar. */
    public static double minWidth(TableView<?> table) {
        return table.getVisibleLeafColumns().stream().mapToDouble(TableColumn::getMinWidth).sum()
                + BORDERS_AND_SCROLL_BAR;
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
