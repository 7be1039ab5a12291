package org.meander.train;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The two checkpoints a run keeps. */
public enum CheckpointKind {
    /** The epoch with the lowest validation loss. */
    BEST,
    /** The latest: the end of the last epoch, or where the run was stopped. */
    LAST;

    public String fileName() {
        return word() + ".safetensors";
    }

    /** From "best" or "last", or "BEST" and "LAST", as run.json and meander.json held them before session 21. */
    @JsonCreator
    public static CheckpointKind of(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT));
    }

    /** "best" or "last", as {@code --checkpoint} and the reports name it. */
    @JsonValue
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
