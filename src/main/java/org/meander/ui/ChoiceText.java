package org.meander.ui;

import java.util.function.Function;
import javafx.util.StringConverter;

/** How a choice list shows its items: words for each, never parsed back (the lists are not editable). */
final class ChoiceText {

    private ChoiceText() {
    }

    static <T> StringConverter<T> of(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return text.apply(value);
            }

            @Override
            public T fromString(String string) {
                return null;
            }
        };
    }
}
