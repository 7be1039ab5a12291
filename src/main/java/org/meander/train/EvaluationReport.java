package org.meander.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The base model against a run's tuned decoder on one split (its accepted labels only, when {@code acceptedOnly}),
 * the same prompts for both, metrics at the tiles' full resolution. Rows are sorted by the tuned model's
 * disagreement with the label, largest first: a tile a well-tuned model still disagrees with is the likeliest to
 * carry a wrong label.
 */
public record EvaluationReport(String run, String split, String checkpoint, boolean acceptedOnly,
        MetricSummary base, MetricSummary tuned, List<EvaluationRow> rows) {

    /** Where the run keeps it: {@code evaluation-<split>.json}, or {@code evaluation-<split>-accepted.json}. */
    public Path file(RunFolder folder) {
        return folder.evaluation(split, acceptedOnly);
    }

    public void write(Path file) throws IOException {
        RunFiles.write(file, TrainingConfig.mapper().writeValueAsBytes(this));
    }
}
