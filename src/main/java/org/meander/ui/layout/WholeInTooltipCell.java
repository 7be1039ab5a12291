package org.meander.ui.layout;

import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;

/** A table cell of text that may be too long for its column: pointed at, it shows the whole text. */
public final class WholeInTooltipCell<S> extends TableCell<S, String> {

    @Override
    protected void updateItem(String text, boolean empty) {
        super.updateItem(text, empty);
        boolean blank = empty || text == null || text.isEmpty();
        setText(blank ? null : text);
        setTooltip(blank ? null : new Tooltip(text));
    }
}
