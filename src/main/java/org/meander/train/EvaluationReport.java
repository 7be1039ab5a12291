package org.meander.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * A baseline decoder (the model's own, or the one the run started from: {@code against}, in words as
 * {@code baseline}) against a run's tuned decoder on one split (its accepted labels only, when
 * {@code acceptedOnly}), the same prompts for both, metrics at the tiles' full resolution; {@code base} holds the
 * baseline's metrics. Rows are sorted by the tuned model's disagreement with the label, largest first: a tile a
 * well-tuned model still disagrees with is the likeliest to carry a wrong label.
 */
public record EvaluationReport(String run, String split, CheckpointKind checkpoint, boolean acceptedOnly,
        Baseline against, String baseline, MetricSummary base, MetricSummary tuned, List<EvaluationRow> rows) {

    public EvaluationReport {
        // reports written before the baseline could be chosen were all against the model's own decoder
        if (against == null) {
            against = Baseline.MODEL;
        }
    }

    private static final List<String> METRICS = List.of("iou", "f1", "precision", "recall", "accuracy");

    /** The table's columns: the tile, then each metric under the baseline ("base_iou", ...) and the tuned decoder. */
    String tableHeader() {
        StringBuilder header = new StringBuilder("tile");
        for (String decoder : List.of(against.word(), "tuned")) {
            METRICS.forEach(metric -> header.append(',').append(decoder).append('_').append(metric));
        }
        return header.toString();
    }

    /** Where the run keeps it: {@code evaluation-<split>.json}, {@code evaluation-<split>-accepted.json}, .... */
    public Path file(RunFolder folder) {
        return folder.evaluation(split, acceptedOnly, against, checkpoint);
    }

    /** Its rows as a CSV table beside it: {@code evaluation-<split>.csv}, or {@code evaluation-<split>-accepted.csv}. */
    public Path table(RunFolder folder) {
        Path json = file(folder);
        String name = json.getFileName().toString();
        return json.resolveSibling(name.substring(0, name.length() - ".json".length()) + ".csv");
    }

    /**
     * Writes the report into the run's folder: whole as JSON, and its rows, one line per tile in the report's order,
     * as a CSV table that spreadsheets and data frames read as it is.
     */
    public void writeTo(RunFolder folder) throws IOException {
        RunFiles.write(file(folder), TrainingConfig.mapper().writeValueAsBytes(this));
        StringBuilder csv = new StringBuilder(tableHeader()).append("\r\n");
        for (EvaluationRow row : rows) {
            csv.append(csvField(row.tile()));
            for (TileMetrics metrics : List.of(row.base(), row.tuned())) {
                for (double value : new double[] {metrics.iou(), metrics.f1(), metrics.precision(), metrics.recall(),
                        metrics.accuracy()}) {
                    csv.append(',').append(value);
                }
            }
            csv.append("\r\n");
        }
        RunFiles.write(table(folder), csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled. */
    private static String csvField(String text) {
        return text.matches("[^,\"\r\n]*") ? text : '"' + text.replace("\"", "\"\"") + '"';
    }
}
