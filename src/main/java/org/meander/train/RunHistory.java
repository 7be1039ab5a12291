package org.meander.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.meander.weights.JsonProblem;

/** A run's losses and metrics so far, as {@code history.json} holds them for charts. */
public record RunHistory(List<EpochRecord> epochs, List<BatchRecord> batches) {

    public static RunHistory read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return new RunHistory(List.of(), List.of());
        }
        try {
            return TrainingConfig.mapper().readValue(Files.readString(file), RunHistory.class);
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": " + JsonProblem.describe(e), e);
        }
    }

    /**
     * The epoch the {@code best} checkpoint holds, 0 before the first epoch ends: the first with the lowest
     * validation loss, or training loss when the run had no validation tiles, as the run chooses it.
     */
    public int bestEpoch() {
        int best = 0;
        double lowest = Double.POSITIVE_INFINITY;
        for (EpochRecord record : epochs) {
            double loss = record.selectionLoss();
            if (loss < lowest) {
                lowest = loss;
                best = record.epoch();
            }
        }
        return best;
    }
}
