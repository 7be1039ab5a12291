package org.meander.ui;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The prompt as it stood before each click on the tile, with SAM's answer to it, so that Backspace goes back to it
 * exactly and at once. Forgotten when the prompt is cleared, and when SAM's decoder changes (its answers were the
 * other decoder's).
 */
final class ClickHistory {

    /** A prompt, and SAM's answer to it: null when it had not come when the next click was made. */
    record Step(PromptState prompt, SamPreview preview) {
    }

    private final Deque<Step> steps = new ArrayDeque<>();

    /** Before a click: the prompt so far and, when it is the answer to that prompt, the preview shown. */
    void beforeClick(PromptState prompt, SamPreview answer) {
        steps.push(new Step(prompt, answer));
    }

    /** The step before the last click, taken off; empty when no click is remembered. */
    Optional<Step> takeBack() {
        return Optional.ofNullable(steps.poll());
    }

    void clear() {
        steps.clear();
    }
}
