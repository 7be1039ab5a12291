package org.meander.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A run's losses and metrics so far, as {@code history.json} holds them for charts. */
public record RunHistory(List<EpochRecord> epochs, List<BatchRecord> batches) {

    public static RunHistory read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return new RunHistory(List.of(), List.of());
        }
        try {
            return TrainingConfig.mapper().readValue(Files.readString(file), RunHistory.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(file + ": " + e.getOriginalMessage(), e);
        }
    }
}
