package org.meander.weights;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.regex.Pattern;

/** What is wrong with a JSON file, in words a person can act on. */
public final class JsonProblem {

    /** Jackson's own place in its messages: "[Source: REDACTED (`...` disabled); line: 1, column: 11]". */
    private static final Pattern SOURCE = Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]");

    private JsonProblem() {
    }

    /**
     * Jackson's message without its internals, and where the problem lies: "Unexpected end-of-input: expected close
     * marker for Object (start marker at line 1, column 11), at line 1, column 18".
     */
    public static String describe(JsonProcessingException e) {
        String message = SOURCE.matcher(e.getOriginalMessage()).replaceAll("line $1, column $2");
        JsonLocation location = e.getLocation();
        return location == null || location.getLineNr() < 1 ? message
                : message + ", at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
