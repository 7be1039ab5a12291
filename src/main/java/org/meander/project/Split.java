package org.meander.project;

import java.util.Locale;
import java.util.Optional;

/** Which part of the work a tile serves: training the decoder, choosing the best epoch, or the final test. */
public enum Split {
    TRAIN, VALIDATION, TEST;

    /** The name in meander.json and in the Hugging Face dataset layout: train, validation, test. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Split> parse(String key) {
        for (Split s : values()) {
            if (s.key().equals(key)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
