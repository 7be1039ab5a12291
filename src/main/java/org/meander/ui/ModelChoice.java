package org.meander.ui;

import java.nio.file.Path;
import org.meander.weights.hub.HubRepo;

/**
 * One line of the model manager's list: a model Meander offers, or one found in the models folder, and how far
 * it is downloaded. folder is where it is (or will be) kept.
 */
record ModelChoice(HubRepo repo, String title, String size, String description, State state, long partialBytes,
                   Path folder) {

    enum State { DOWNLOADED, PARTLY_DOWNLOADED, NOT_DOWNLOADED }

    /** What the list says about it, e.g. "not downloaded" or "partly downloaded: 120.3 MB, resumes". */
    String stateText() {
        return switch (state) {
            case DOWNLOADED -> "downloaded";
            case PARTLY_DOWNLOADED -> String.format("partly downloaded: %.1f MB, resumes", partialBytes / 1e6);
            case NOT_DOWNLOADED -> "not downloaded";
        };
    }
}
