package org.meander.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meander.train.CheckpointKind;
import org.meander.train.RunFolder;
import org.meander.train.RunInfo;
import org.meander.train.RunLock;
import org.meander.train.RunStatus;
import org.meander.train.TrainingConfig;

/** A run as the Train tab lists it. */
class PastRunTest {

    @TempDir
    Path dir;

    /** A run whose process died (kill -9, a power cut) says RUNNING in its run.json for ever: nothing holds it. */
    @Test
    void aRunningRunThatNoProcessHoldsWasInterruptedAndResumes() throws Exception {
        PastRun run = PastRun.read(runThatSaysRunning());

        assertEquals("stopped: interrupted: the process training it ended without recording how (killed, or the"
                + " machine stopped)", run.statusText(false));
        assertTrue(run.resumable(false));
    }

    /** A run another process trains (here this one, through the run's lock) is running, and Resume leaves it be. */
    @Test
    void aRunThatAProcessHoldsIsRunningAndNotResumable() throws Exception {
        RunFolder folder = runThatSaysRunning();
        try (RunLock held = RunLock.take(folder)) {
            PastRun run = PastRun.read(folder);

            assertEquals("running in another process", run.statusText(false));
            assertFalse(run.resumable(false));
        }
    }

    /** Run r1, which run.json says is running, with a last checkpoint to resume from. */
    private RunFolder runThatSaysRunning() throws IOException {
        RunFolder folder = RunFolder.of(dir, "r1");
        folder.create();
        TrainingConfig.defaults().write(folder.config());
        new RunInfo("model", null, null, RunStatus.RUNNING, null, null).write(folder.info());
        Files.writeString(folder.checkpoint(CheckpointKind.LAST), "a checkpoint");
        return folder;
    }
}
