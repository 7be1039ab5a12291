package org.meander.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An evaluation written for people and their tools: the whole report as JSON, the tiles as a CSV table. */
class EvaluationReportTest {

    @TempDir
    Path dir;

    @Test
    void theRowsGoToACsvTableBesideTheReportInItsOrderNamesQuotedWhereTheyMustBe() throws IOException {
        TileMetrics plainBase = new TileMetrics("reach_r0_c1", 0.5, 0.6, 0.7, 0.8, 0.9);
        TileMetrics plainTuned = new TileMetrics("reach_r0_c1", 0.25, 0.4, 1, 0.25, 0.875);
        TileMetrics oddBase = new TileMetrics("bank, \"left\"", 1, 1, 1, 1, 1);
        TileMetrics oddTuned = new TileMetrics("bank, \"left\"", 0.75, 0.8, 0.9, 0.7, 0.95);
        EvaluationReport report = new EvaluationReport("r1", "validation", CheckpointKind.BEST, true, Baseline.MODEL,
                "the model's own decoder", MetricSummary.of(List.of(plainBase, oddBase)), MetricSummary.of(List.of(plainTuned, oddTuned)),
                List.of(new EvaluationRow(plainBase.tile(), plainBase, plainTuned),
                        new EvaluationRow(oddBase.tile(), oddBase, oddTuned)));
        RunFolder folder = RunFolder.of(dir, "r1");
        Files.createDirectories(folder.directory());

        report.writeTo(folder);

        assertEquals(folder.directory().resolve("evaluation-validation-accepted.csv"), report.table(folder));
        assertEquals(List.of(
                "tile,base_iou,base_f1,base_precision,base_recall,base_accuracy,tuned_iou,tuned_f1,tuned_precision,"
                        + "tuned_recall,tuned_accuracy",
                "reach_r0_c1,0.5,0.6,0.7,0.8,0.9,0.25,0.4,1.0,0.25,0.875",
                "\"bank, \"\"left\"\"\",1.0,1.0,1.0,1.0,1.0,0.75,0.8,0.9,0.7,0.95"),
                Files.readAllLines(report.table(folder)));
        JsonNode json = TrainingConfig.mapper().readTree(report.file(folder).toFile());
        assertEquals("r1", json.path("run").asText());
        assertEquals("model", json.path("against").asText(), "as --against names it");
        assertEquals("best", json.path("checkpoint").asText());
    }

    @Test
    void theLastCheckpointsReportLeavesTheBestOnesInPlace() {
        RunFolder folder = RunFolder.of(dir, "r1");
        assertEquals(folder.directory().resolve("evaluation-test.json"),
                folder.evaluation("test", false, Baseline.MODEL, CheckpointKind.BEST));
        assertEquals(folder.directory().resolve("evaluation-test-against-start-last.json"),
                folder.evaluation("test", false, Baseline.START, CheckpointKind.LAST));
    }
}
