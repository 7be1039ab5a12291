package org.meander.ui.train;

/**
 * What a typed number must be, and the words for text that is not one: the Train tab's fields and the auto-label
 * window's threshold say it alike ("Epochs: 'abc' is not a whole number").
 */
public enum NumberKind {
    INT, LONG, NUMBER;

    /** The text read as this kind, or null when it cannot be. */
    public Number read(String text) {
        String typed = text.trim();
        try {
            return switch (this) {
                case INT -> Integer.parseInt(typed);
                case LONG -> Long.parseLong(typed);
                case NUMBER -> {
                    double value = Double.parseDouble(typed);
                    yield Double.isFinite(value) ? value : null;
                }
            };
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Why the text cannot be read as this kind, after the setting's name; null when it can. */
    public String problem(String name, String text) {
        if (read(text) != null) {
            return null;
        }
        String typed = text.trim();
        return name + ": " + (typed.isEmpty() ? "empty" : "'" + typed + "' is not "
                + (this == NUMBER ? "a number" : "a whole number"));
    }
}
