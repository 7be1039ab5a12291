package org.meander.weights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JsonProblemTest {

    private static String problem(String json) {
        return JsonProblem.describe(assertThrows(JsonProcessingException.class,
                () -> new ObjectMapper().readTree(json)));
    }

    @Test
    void jacksonsSourceNoteBecomesALineAndColumn() {
        assertEquals("Unexpected end-of-input: expected close marker for Object (start marker at line 1, column 1),"
                + " at line 2, column 5", problem("{\"a\":\n [1]"));
    }

    @Test
    void theProblemsPlaceIsGiven() {
        assertEquals("Unrecognized token 'oops': was expecting (JSON String, Number, Array, Object or token 'null',"
                + " 'true' or 'false'), at line 1, column 15", problem("{\"tiles\": oops"));
    }
}
