package org.meander.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meander.testing.Fixtures;

/**
 * Started with PYTORCH_LIBRARY_PATH at a PyTorch its engine cannot run (2.11, as on a GPU machine where this was
 * found): commands say so at once; the window opens without the model and says why, as for any model that fails.
 */
class PyTorchInstallStartTest {

    private static final String REFUSAL = "PYTORCH_LIBRARY_PATH points to PyTorch 2.11.0 (cu130) in ";

    @TempDir
    Path home;

    private Path torchLib;

    @BeforeEach
    void pipInstallOfPyTorch211() throws Exception {
        Path torch = Files.createDirectories(home.resolve("venv/site-packages/torch"));
        torchLib = Files.createDirectories(torch.resolve("lib"));
        Files.createFile(torchLib.resolve(System.mapLibraryName("torch")));
        Files.writeString(torch.resolve("version.py"),
                "__version__ = '2.11.0+cu130'\ncuda: Optional[str] = '13.0'\n");
    }

    @Test
    void aCommandSaysWhatToInstallBeforeTheEngineLoads() throws Exception {
        Process process = meander(List.of(), "segment", "--model", Fixtures.model("tiny").toString(), "--image",
                Fixtures.fixture("tiny").resolve("images/river_a.png").toString(), "--point", "512,300,1").start();
        String printed = ended(process);
        assertEquals(1, process.exitValue(), printed);
        assertTrue(printed.startsWith("meander: " + REFUSAL + torchLib), printed);
        assertTrue(printed.contains("pip install torch==2.7.1"), printed);
    }

    @Test
    void theWindowOpensWithoutTheModelAndItsSmokeTestFailsSayingWhy() throws Exception {
        Process process = meander(List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
                "-Dprism.order=sw"), "app", "--model", Fixtures.model("tiny").toString(), "--smoke-test").start();
        String printed = ended(process);
        assertEquals(1, process.exitValue(), printed);
        assertTrue(printed.contains("\"showing\":true"), printed);
        assertTrue(printed.contains("\"model_error\":\"Could not load the model in " + Fixtures.model("tiny")
                + ": " + REFUSAL), printed);
    }

    private ProcessBuilder meander(List<String> jvmOptions, String... arguments) {
        ProcessBuilder command = MeanderProcess.of(home, jvmOptions, arguments);
        command.environment().put("PYTORCH_LIBRARY_PATH", torchLib.toString());
        return command;
    }

    private String ended(Process process) throws Exception {
        boolean ended = process.waitFor(2, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly().waitFor();
        }
        String printed = Files.readString(home.resolve("output.txt"));
        assertTrue(ended, printed);
        return printed;
    }
}
