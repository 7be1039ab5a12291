package org.meander.ui;

import java.io.IOException;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.meander.project.Tile;
import org.meander.prompts.autolabel.AutoLabelAnswer;
import org.meander.prompts.autolabel.AutoLabeler;
import org.meander.weights.ErrorText;

/**
 * The Auto-label window's preview: what labelling would make of one tile with the settings as they stand (its rough
 * mask, the prompt drawn from it, SAM's mask), so that a threshold can be tried on a tile before hundreds are
 * labelled. Computed in the background; of several asked for while one was computed, only the latest is shown.
 */
final class AutoLabelPreviews {

    /** A tile and what labelling would make of it, or, when that failed, null and why. */
    record Preview(Tile tile, AutoLabelAnswer answer, String text) {
    }

    private final ObjectProperty<Preview> shown = new SimpleObjectProperty<>();
    private final StringProperty text = new SimpleStringProperty("");
    private final LatestRead<Preview> answers = new LatestRead<>("meander-autolabel-preview");

    /** The preview on show; null while there is none. */
    ReadOnlyObjectProperty<Preview> shownProperty() {
        return shown;
    }

    /** What the preview shows, or why there is none, in words. */
    ReadOnlyStringProperty textProperty() {
        return text;
    }

    /** Asks for the tile's preview; the one on show stays until it comes. */
    void show(Tile tile, AutoLabeler labeler) {
        text.set(tile.name() + ": asking SAM…");
        answers.ask(() -> answer(tile, labeler), null, preview -> {
            shown.set(preview);
            text.set(preview.text());
        });
    }

    /** No preview, for the reason given (empty when another line already says it). */
    void clear(String why) {
        answers.cancel();
        shown.set(null);
        text.set(why);
    }

    private static Preview answer(Tile tile, AutoLabeler labeler) {
        try {
            AutoLabelAnswer answer = labeler.answer(tile);
            return new Preview(tile, answer, tile.name() + ": " + answer.detail() + ".");
        } catch (IOException | RuntimeException e) {
            return new Preview(tile, null, tile.name() + ": " + ErrorText.of(e));
        }
    }
}
