package org.meander.ui;

import java.util.Locale;
import org.meander.embed.EncodingProgress;

/** The status bar's words for the background encoding of a project's tiles. */
final class EncodingStatus {

    private EncodingStatus() {
    }

    /** "Embeddings 5/6", then how many failed, then the time left while tiles are still being encoded. */
    static String text(EncodingProgress p) {
        StringBuilder text = new StringBuilder("Embeddings " + p.done() + "/" + p.total());
        if (p.failed() > 0) {
            text.append(", ").append(p.failed()).append(" failed");
        }
        if (p.notStored() > 0) {
            text.append(", ").append(p.notStored()).append(" not saved");
        }
        if (!p.finished() && !Double.isNaN(p.secondsLeft())) {
            text.append(String.format(Locale.ROOT, ", %.0f s left", p.secondsLeft()));
        }
        return text.toString();
    }

    /** What went wrong last, and what to do about it; null when nothing did. */
    static String problem(EncodingProgress p) {
        if (p.lastError() == null) {
            return null;
        }
        if (p.failed() > 0) {
            return "Could not compute the embedding of " + p.lastError()
                    + "\nReplace the image in the project's tiles folder, or remove the tile from the project; a click"
                    + " on the tile tries again.";
        }
        if (p.notStored() > 0) {
            return "Computed but not saved, so kept in memory for this session only: " + p.lastError();
        }
        return null;
    }

    /** The share of tiles tried, for the progress bar. */
    static double fraction(EncodingProgress p) {
        return p.total() == 0 ? 0 : (double) (p.done() + p.failed()) / p.total();
    }
}
