package org.meander.ui;

import java.util.function.Function;
import javafx.util.StringConverter;

/**
 * How a choice list shows its items: words for each, never parsed back (the lists are not editable). No choice (a
 * list emptied under it) shows as nothing, unless null is one of the choices.
 */
final class ChoiceText {

    private ChoiceText() {
    }

    static <T> StringConverter<T> of(Function<T, String> text) {
        return withNull(value -> value == null ? "" : text.apply(value));
    }

    /** For a list whose choices include null ("every tile"): {@code text} names it too. */
    static <T> StringConverter<T> withNull(Function<T, String> text) {
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
