package org.meander.ui.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Iterator;
import java.util.Map;
import java.util.StringJoiner;
import java.util.Optional;
import org.meander.weights.ErrorText;
import org.meander.train.CheckpointKind;
import org.meander.train.EpochRecord;
import org.meander.train.RunFolder;
import org.meander.train.RunHistory;
import org.meander.train.RunInfo;
import org.meander.train.RunStatus;
import org.meander.train.TrainingConfig;

/**
 * A run of the project as its folder records it: settings, base model and status (as it stands: a run no process
 * holds is not running, whatever run.json says), history. A folder whose files cannot be read is listed with its
 * problem.
 *
 * @param config null when {@code problem} is set
 * @param info null when {@code problem} is set
 */
public record PastRun(RunFolder folder, TrainingConfig config, RunInfo info, RunHistory history, String problem) {

    public static PastRun read(RunFolder folder) {
        try {
            return new PastRun(folder, TrainingConfig.read(folder.config()), RunInfo.asItStands(folder),
                    RunHistory.read(folder.history()), null);
        } catch (IOException | RuntimeException e) {
            return new PastRun(folder, null, null, new RunHistory(java.util.List.of(), java.util.List.of()),
                    ErrorText.of(e));
        }
    }

    public String name() {
        return folder.name();
    }

    /** How the run stands; trainingHere: whether this window trains it now. */
    public String statusText(boolean trainingHere) {
        if (trainingHere) {
            return "running"; // whatever the folder says while the run starts
        }
        if (problem != null) {
            return "unreadable: " + problem;
        }
        String message = info.message() == null ? "" : ": " + info.message();
        return switch (info.status()) {
            case RUNNING -> "running in another process";
            case FINISHED -> "finished" + message;
            case STOPPED -> "stopped" + message;
            case FAILED -> "failed" + message;
        };
    }

    /** Epochs trained of those asked for, as "7/50". */
    public String epochsText() {
        return history.epochs().size() + (config == null ? "" : "/" + config.epochs());
    }

    /** The best epoch's record, if an epoch ended. */
    public Optional<EpochRecord> best() {
        int best = history.bestEpoch();
        return history.epochs().stream().filter(r -> r.epoch() == best).findFirst();
    }

    /**
     * Whether Resume can continue it: neither finished nor training (here or in another process), and with a
     * checkpoint to continue from.
     */
    public boolean resumable(boolean trainingHere) {
        return problem == null && !trainingHere && info.status() != RunStatus.FINISHED
                && info.status() != RunStatus.RUNNING && Files.isRegularFile(folder.checkpoint(CheckpointKind.LAST));
    }

    /** Whether it has a best checkpoint to evaluate, export or annotate with. */
    public boolean hasBest() {
        return Files.isRegularFile(folder.checkpoint(CheckpointKind.BEST));
    }

    /** A value as the form shows it: "one per prompt" for ONE_PER_PROMPT, 7e-6, and yes or no. */
    private static String shown(JsonNode value) {
        if (value.isBoolean()) {
            return value.asBoolean() ? "yes" : "no";
        }
        if (value.isFloatingPointNumber()) {
            return TrainingForm.number(value.asDouble());
        }
        String text = value.asText();
        return value.isTextual() && text.matches("[A-Z_]+") ? ChoiceWords.of(text) : text;
    }

    /**
     * The settings in the form's words, "Prompt: points · Feeding: one per prompt · …" (a few lines once wrapped),
     * then the base model and the device.
     */
    public String settingsText() {
        if (problem != null) {
            return problem;
        }
        StringJoiner settings = new StringJoiner(" · ");
        JsonNode fields = new ObjectMapper().valueToTree(config);
        for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            settings.add(SettingWords.of(field.getKey()) + ": " + shown(field.getValue()));
        }
        String start = info.startedFrom() == null ? "" : "\nStarted from: " + info.startedFrom().describe();
        return settings + "\nBase model: " + info.baseModel() + start + "\nDevice: "
                + Preflight.describeDevice(info.device());
    }
}
