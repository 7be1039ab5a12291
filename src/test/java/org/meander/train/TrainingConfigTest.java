package org.meander.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A config file's values of the wrong kind are named with the setting and what it takes. */
class TrainingConfigTest {

    @TempDir
    Path dir;

    private String problem(String json) throws IOException {
        Path file = Files.writeString(dir.resolve("settings.json"), json);
        return assertThrows(IOException.class, () -> TrainingConfig.read(file)).getMessage();
    }

    @Test
    void aWordWhereANumberGoesNamesTheSetting() throws IOException {
        assertEquals(dir.resolve("settings.json") + ": setting 'learningRate' is \"fast\"; it takes a number",
                problem("{\"learningRate\": \"fast\"}"));
        assertEquals(dir.resolve("settings.json") + ": setting 'epochs' is 2.5; it takes a whole number",
                problem("{\"epochs\": 2.5}"));
    }

    @Test
    void anUnknownChoiceListsTheChoices() throws IOException {
        assertEquals(dir.resolve("settings.json") + ": setting 'promptType' is \"BOXX\"; it takes one of POINTS,"
                + " BOX, BOX_AND_POINTS", problem("{\"promptType\": \"BOXX\"}"));
    }

    @Test
    void aMissingValueNamesTheSetting() throws IOException {
        assertEquals(dir.resolve("settings.json") + ": setting 'seed' is null; it takes a whole number",
                problem("{\"seed\": null}"));
    }

    @Test
    void settingsLeftOutKeepTheirDefaults() throws IOException {
        Path file = Files.writeString(dir.resolve("settings.json"), "{\"epochs\": 3}");
        TrainingConfig read = TrainingConfig.read(file);
        assertEquals(3, read.epochs());
        assertEquals(TrainingConfig.defaults().learningRate(), read.learningRate());
    }
}
