package org.meander.train;

import com.fasterxml.jackson.annotation.JsonValue;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;

/**
 * What an evaluation sets a run's tuned decoder against: the model's own decoder, or the decoder the run started
 * from (an earlier run's checkpoint, copied into the run when it began): what one more round of training, on labels
 * corrected since, gained over the last.
 */
public enum Baseline {
    MODEL, START;

    /** The baseline's decoder weights for {@code run}; {@code ownDecoder}: the model's own, as loaded. */
    public Map<String, float[]> decoder(TrainingRun run, Map<String, float[]> ownDecoder) throws IOException {
        if (this == MODEL) {
            return ownDecoder;
        }
        requireFor(run);
        return RunCheckpoint.read(run.folder().startingDecoder()).decoder();
    }

    /** START needs a run that started from an earlier run's checkpoint; an error says why it cannot be used. */
    public void requireFor(TrainingRun run) throws IOException {
        if (this == START && run.startedFrom() == null) {
            throw new IOException("run " + run.folder().name() + " started from the model's own decoder, so it is"
                    + " evaluated against that: the decoder it started from is the model's own");
        }
    }

    /** "the model's own decoder", or "run-1 (best checkpoint), which run-2 started from". */
    public String describe(TrainingRun run) throws IOException {
        return this == MODEL ? "the model's own decoder"
                : run.startedFrom().describe() + ", which " + run.folder().name() + " started from";
    }

    /** As {@code evaluate --against} names it, and evaluation reports and the JSON line too: "model" or "start". */
    @JsonValue
    public String option() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The word the metrics' columns are headed with: "base" or "start". */
    public String word() {
        return this == MODEL ? "base" : "start";
    }
}
