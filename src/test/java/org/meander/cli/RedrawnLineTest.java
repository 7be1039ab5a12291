package org.meander.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RedrawnLineTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private void draw(RedrawnLine line, int total) {
        for (int done = 1; done <= total; done++) {
            line.draw("tiles " + done + "/" + total + "   ", done, total);
        }
        line.end();
    }

    @Test
    void onATerminalTheLineIsRedrawnInPlaceAndEndedOnce() {
        draw(new RedrawnLine(out, true), 3);
        assertEquals("\rtiles 1/3   \rtiles 2/3   \rtiles 3/3   " + System.lineSeparator(), bytes.toString());
    }

    @Test
    void inALogEachTenthOfTheWorkGetsALineOfItsOwn() {
        draw(new RedrawnLine(out, false), 25);
        assertEquals(String.join(System.lineSeparator(), "tiles 1/25", "tiles 3/25", "tiles 5/25", "tiles 8/25",
                "tiles 10/25", "tiles 13/25", "tiles 15/25", "tiles 18/25", "tiles 20/25", "tiles 23/25",
                "tiles 25/25") + System.lineSeparator(), bytes.toString());
    }

    @Test
    void inALogANewStageStartsWithALine() {
        RedrawnLine line = new RedrawnLine(out, false);
        line.draw("listing", 0, -1);
        line.draw("still listing", 0, -1);
        line.restart();
        line.draw("file 0/100", 0, 100);
        assertEquals(String.join(System.lineSeparator(), "listing", "file 0/100") + System.lineSeparator(),
                bytes.toString());
    }
}
