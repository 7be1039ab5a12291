package org.meander.ui.train;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One typed setting of the training form: its name in {@code config.json}, the words the form shows for it, its text
 * as typed, and what is wrong with it (empty when nothing is).
 */
public final class SettingField {

    private final String key;
    private final NumberKind kind;
    private final StringProperty text = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    SettingField(String key, NumberKind kind) {
        this.key = key;
        this.kind = kind;
    }

    /** The setting's name in config.json, which TrainingConfig's problems use too. */
    public String key() {
        return key;
    }

    /** The words the form shows beside the field, and its problems use: "Learning rate". */
    public String label() {
        return SettingWords.of(key);
    }

    public StringProperty textProperty() {
        return text;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    void setProblem(String value) {
        problem.set(value);
    }

    /** The text read as this field's kind, or null when it cannot be. */
    Number value() {
        return kind.read(text.get());
    }

    /** Why the text cannot be read as this field's kind, or null when it can. */
    String parseProblem() {
        return kind.problem(key, text.get());
    }
}
