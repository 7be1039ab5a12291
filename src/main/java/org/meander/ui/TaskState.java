package org.meander.ui;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What a task window shows of its work: whether it runs, how far it has got (0 to 1; a task that cannot tell leaves
 * it at 0) and what it says, progress while it runs, then what it did or why not. Changed on the JavaFX thread.
 */
final class TaskState {

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    boolean isRunning() {
        return running.get();
    }

    /** The work begins, saying so. */
    void start(String saying) {
        running.set(true);
        progress.set(0);
        message.set(saying);
    }

    /** The work has got {@code fraction} of the way. */
    void advance(double fraction, String saying) {
        progress.set(fraction);
        message.set(saying);
    }

    void say(String saying) {
        message.set(saying);
    }

    /** The work has ended; what it says stays. */
    void finish() {
        running.set(false);
    }

    /** The work has ended, saying what it did or why not. */
    void finish(String saying) {
        running.set(false);
        message.set(saying);
    }
}
