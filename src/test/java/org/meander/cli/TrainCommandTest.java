package org.meander.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meander.project.Split;
import org.meander.sam.SamModel;
import org.meander.testing.RiverFixtureProject;
import org.meander.train.CheckpointKind;
import org.meander.train.DecoderParameters;
import org.meander.train.RunCheckpoint;
import org.meander.weights.SamLoader;

/** {@code train}, {@code evaluate} and {@code export-model} on the fixture's two river tiles with the tiny model. */
class TrainCommandTest {

    @TempDir
    Path dir;

    private Path project() throws Exception {
        return RiverFixtureProject.create(dir.resolve("rivers"), Split.TRAIN, Split.VALIDATION).directory();
    }

    @Test
    void trainEvaluateExportAndAnnotateWithTheTunedModel() throws Exception {
        Path project = project();
        Path config = dir.resolve("settings.json");
        Files.writeString(config, "{\"learningRate\": 0.001, \"promptType\": \"BOX\", \"warmupSteps\": 1}");

        EmbedCommandTest.Result trained = EmbedCommandTest.runCapturing("train", "--project", project.toString(),
                "--model", EmbedCommandTest.MODEL.toString(), "--run", "r1", "--config", config.toString(),
                "--epochs", "2", "--batch-size", "1");
        assertEquals(0, trained.exit(), trained.err());
        JsonNode result = trained.json();
        assertEquals("finished", result.get("status").asText());
        assertTrue(trained.err().contains("embedding"), "embedding progress: " + trained.err());
        assertTrue(trained.err().contains("epoch 2/2"), "epoch progress: " + trained.err());
        assertTrue(Files.isRegularFile(project.resolve("runs/r1/checkpoints/last.safetensors")));
        assertTrue(Files.readString(project.resolve("runs/r1/config.json")).contains("\"learningRate\" : 0.001"));

        EmbedCommandTest.Result more = EmbedCommandTest.runCapturing("train", "--project", project.toString(),
                "--run", "r1", "--resume");
        assertEquals(0, more.exit(), more.err());

        EmbedCommandTest.Result evaluated = EmbedCommandTest.runCapturing("evaluate", "--project",
                project.toString(), "--run", "r1", "--split", "validation");
        assertEquals(0, evaluated.exit(), evaluated.err());
        JsonNode metrics = evaluated.json();
        assertEquals(1, metrics.get("tiles").asInt());
        double tunedIou = metrics.get("tuned").get("iou").asDouble();
        assertTrue(tunedIou >= 0 && tunedIou <= 1);
        assertTrue(evaluated.err().contains("IoU"), evaluated.err());
        assertTrue(Files.isRegularFile(project.resolve("runs/r1/evaluation-validation.json")));

        Path exported = dir.resolve("tuned");
        EmbedCommandTest.Result export = EmbedCommandTest.runCapturing("export-model", "--project",
                project.toString(), "--run", "r1", "--out", exported.toString());
        assertEquals(0, export.exit(), export.err());
        RunCheckpoint best = RunCheckpoint.read(project.resolve("runs/r1/checkpoints/"
                + CheckpointKind.BEST.fileName()));
        try (SamModel base = SamLoader.load(EmbedCommandTest.MODEL); SamModel tuned = SamLoader.load(exported)) {
            assertEquals(base.encoderFingerprint(), tuned.encoderFingerprint(), "cached embeddings stay valid");
            Map<String, float[]> decoder = DecoderParameters.of(tuned).values();
            best.decoder().forEach((name, values) -> assertArrayEquals(values, decoder.get(name), name));
        }
        EmbedCommandTest.Result segmented = EmbedCommandTest.runCapturing("segment", "--model", exported.toString(),
                "--image", project.resolve("tiles/river_a.png").toString(), "--box", "100,100,600,500");
        assertEquals(0, segmented.exit(), segmented.err());
    }

    @Test
    void badSettingsNameTheFileAndTheField() throws Exception {
        Path project = project();
        Path config = dir.resolve("bad.json");
        Files.writeString(config, "{\"learningrate\": 0.001}");
        EmbedCommandTest.Result unknown = EmbedCommandTest.runCapturing("train", "--project", project.toString(),
                "--model", EmbedCommandTest.MODEL.toString(), "--run", "r", "--config", config.toString());
        assertEquals(1, unknown.exit());
        assertTrue(unknown.err().contains("bad.json") && unknown.err().contains("learningrate"), unknown.err());

        Files.writeString(config, "{\"batchSize\": 0, \"learningRate\": -1}");
        EmbedCommandTest.Result invalid = EmbedCommandTest.runCapturing("train", "--project", project.toString(),
                "--model", EmbedCommandTest.MODEL.toString(), "--run", "r", "--config", config.toString());
        assertEquals(1, invalid.exit());
        assertTrue(invalid.err().contains("batchSize") && invalid.err().contains("learningRate"), invalid.err());

        EmbedCommandTest.Result noRun = EmbedCommandTest.runCapturing("train", "--project", project.toString(),
                "--run", "missing", "--resume");
        assertEquals(1, noRun.exit());
        assertTrue(noRun.err().contains("no run named 'missing'"), noRun.err());
    }
}
