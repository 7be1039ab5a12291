package org.meander.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./meander app} where it cannot open a window. */
class AppCommandTest {

    @TempDir
    Path home;

    /** JavaFX says only "Unable to open DISPLAY"; on a server the user needs to hear what to do instead. */
    @Test
    void withoutADisplayItSaysWhatToDo() throws Exception {
        Path output = home.resolve("output.txt");
        ProcessBuilder command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Duser.home=" + home, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "app", "--smoke-test")
                .redirectErrorStream(true).redirectOutput(output.toFile());
        command.environment().remove("DISPLAY");
        command.environment().remove("WAYLAND_DISPLAY");
        command.environment().put("OMP_WAIT_POLICY", "PASSIVE");
        Process process = command.start();
        boolean ended = process.waitFor(2, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly().waitFor();
        }
        String printed = Files.readString(output);
        assertTrue(ended, printed);
        assertEquals(1, process.exitValue(), printed);
        String error = printed.lines().filter(line -> line.startsWith("meander: ")).findFirst().orElse(printed);
        assertTrue(error.contains("no display") && error.contains("xvfb-run ./meander")
                && error.contains("./meander --help"), error);
    }
}
