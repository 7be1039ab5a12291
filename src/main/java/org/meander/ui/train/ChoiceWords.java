package org.meander.ui.train;

import java.util.Locale;

/**
 * How a training setting's choice reads in the tab, "one per prompt" for ONE_PER_PROMPT: in the form's lists and in a
 * past run's settings alike.
 */
final class ChoiceWords {

    private ChoiceWords() {
    }

    static String of(String constantName) {
        return constantName.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
