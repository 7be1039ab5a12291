package org.meander.ui;

import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/** A form's field name: whole, never cut to "…" when the window is narrow (the fields give way instead). */
final class FormLabel {

    private FormLabel() {
    }

    static Label of(String text) {
        Label label = new Label(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }
}
