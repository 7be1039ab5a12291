package org.meander.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks on what an error says: that it names the file, the field and the way out. */
public final class Messages {

    private Messages() {
    }

    public static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "expected \"" + part + "\" in: " + message);
        }
    }
}
