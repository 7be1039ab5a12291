package org.meander.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.meander.weights.JsonProblem;

/**
 * What a run folder records besides its settings: the base model it fine-tunes, the device, and how it ended.
 *
 * @param baseModel the Hugging Face folder of the model whose decoder is trained
 * @param status RUNNING while a process trains it (or when that process died: see {@link #asItStands}), else how it
 *               ended
 * @param message why it stopped, for STOPPED and FAILED
 * @param startedFrom the earlier run's checkpoint its decoder started from; null for the model's own decoder (and in
 *                    run.json files written before there was a choice)
 */
public record RunInfo(String baseModel, String encoderFingerprint, String device, RunStatus status, String message,
                      RunDecoder startedFrom) {

    private static final String INTERRUPTED = "interrupted: the process training it ended without recording how"
            + " (killed, or the machine stopped)";

    public RunInfo with(RunStatus newStatus, String newMessage) {
        return new RunInfo(baseModel, encoderFingerprint, device, newStatus, newMessage, startedFrom);
    }

    /**
     * The run's info as it stands now: a run whose run.json says RUNNING but which no process holds ({@link RunLock})
     * lost that process (killed, or the machine stopped) before it could record how it ended. It is STOPPED, and
     * resuming continues it from its last checkpoint.
     */
    public static RunInfo asItStands(RunFolder folder) throws IOException {
        RunInfo info = read(folder.info());
        return info.status() == RunStatus.RUNNING && !RunLock.isHeld(folder)
                ? info.with(RunStatus.STOPPED, INTERRUPTED) : info;
    }

    /** Whether {@link #asItStands} found the run interrupted. */
    public boolean interrupted() {
        return status == RunStatus.STOPPED && INTERRUPTED.equals(message);
    }

    public static RunInfo read(Path file) throws IOException {
        try {
            return new ObjectMapper().readValue(Files.readString(file), RunInfo.class);
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": " + JsonProblem.describe(e), e);
        }
    }

    public void write(Path file) throws IOException {
        RunFiles.write(file, TrainingConfig.mapper().writeValueAsBytes(this));
    }
}
