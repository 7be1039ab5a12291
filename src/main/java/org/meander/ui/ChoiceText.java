package org.meander.ui;

import java.util.function.Function;
import javafx.util.StringConverter;

/**
 * How a choice list shows its items: words for each, never parsed back (the lists are not editable). No choice (a
 * list emptied under it) shows as nothing.
 */
final class ChoiceText {

    private ChoiceText() {
    }

    static <T> StringConverter<T> of(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String string) {
                return null;
            }
        };
    }
}
