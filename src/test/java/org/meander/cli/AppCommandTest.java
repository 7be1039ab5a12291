package org.meander.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meander.testing.Fixtures;

/** {@code ./meander app}: where it cannot open a window, and its smoke test. */
class AppCommandTest {

    @TempDir
    Path home;

    /** JavaFX says only "Unable to open DISPLAY"; on a server the user needs to hear what to do instead. */
    @Test
    void withoutADisplayItSaysWhatToDo() throws Exception {
        ProcessBuilder command = meander(List.of(), "app", "--smoke-test");
        command.environment().remove("DISPLAY");
        command.environment().remove("WAYLAND_DISPLAY");
        String error = failure(command);
        assertTrue(error.contains("no display") && error.contains("xvfb-run ./meander")
                && error.contains("./meander --help"), error);
    }

    /**
     * A folder of images is the likeliest wrong folder to give: the message is the project's own, not JavaFX's
     * "Exception in Application init method", and it names the command that makes a project of such a folder.
     */
    @Test
    void aFolderThatIsNoProjectSaysHowToMakeOne() throws Exception {
        Path images = Files.createDirectories(home.resolve("frames"));
        Files.write(images.resolve("river.png"), new byte[] {1});
        String error = failure(meander(List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
                "-Dprism.order=sw"), "app", "--project", images.toString(), "--smoke-test"));
        assertTrue(error.contains(images + ": not a Meander project"), error);
        assertTrue(error.contains("./meander project create"), error);
    }

    /**
     * The check an installed package runs (installers/test-linux-image.sh): with an empty home there is no cache, so
     * the first tile's embedding must be computed by this process, and the line says so.
     */
    @Test
    void theSmokeTestSaysThatThisProcessComputedAnEmbedding() throws Exception {
        Process process = meander(List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
                "-Dprism.order=sw"), "app", "--model", Fixtures.model("tiny").toString(), "--smoke-test").start();
        boolean ended = process.waitFor(3, TimeUnit.MINUTES);
        String printed = Files.readString(home.resolve("output.txt"));
        assertTrue(ended, printed);
        assertEquals(0, process.exitValue(), printed);
        JsonNode seen = new ObjectMapper().readTree(printed.lines().filter(line -> line.startsWith("{\"window\""))
                .findFirst().orElseThrow(() -> new AssertionError(printed)));
        assertTrue(seen.get("showing").asBoolean(), printed);
        assertTrue(seen.get("embeddings_computed").asInt() >= 1, printed);
        assertEquals(0, seen.get("embeddings_from_cache").asInt(), printed);
    }

    private ProcessBuilder meander(List<String> jvmOptions, String... arguments) {
        return MeanderProcess.of(home, jvmOptions, arguments);
    }

    /** Runs the command, which must fail with exit status 1; returns its "meander: " line. */
    private String failure(ProcessBuilder command) throws Exception {
        Process process = command.start();
        boolean ended = process.waitFor(2, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly().waitFor();
        }
        String printed = Files.readString(home.resolve("output.txt"));
        assertTrue(ended, printed);
        assertEquals(1, process.exitValue(), printed);
        return printed.lines().filter(line -> line.startsWith("meander: ")).findFirst().orElse(printed);
    }
}
