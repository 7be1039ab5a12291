package org.meander.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meander.project.LabelStatus;
import org.meander.project.Project;
import org.meander.project.Split;
import org.meander.project.Tile;
import org.meander.sam.SamModel;
import org.meander.testing.RiverFixtureProject;
import org.meander.train.CheckpointKind;
import org.meander.train.DecoderParameters;
import org.meander.train.RunCheckpoint;
import org.meander.train.RunFolder;
import org.meander.train.RunInfo;
import org.meander.train.RunStatus;
import org.meander.train.RunDecoder;
import org.meander.train.TrainingConfig;
import org.meander.weights.SamLoader;

/** {@code train}, {@code evaluate} and {@code export-model} on the fixture's two river tiles with the tiny model. */
class TrainCommandTest {

    @TempDir
    Path dir;

    private Path project() throws Exception {
        return RiverFixtureProject.create(dir.resolve("rivers"), Split.TRAIN, Split.VALIDATION).directory();
    }

    @Test
    void aRunStartsFromAnEarlierRunsCheckpointWhenAsked() throws Exception {
        Path project = project();
        String model = EmbedCommandTest.MODEL.toString();
        assertEquals(0, EmbedCommandTest.runCapturing("train", "--project", project.toString(), "--model", model,
                "--run", "first", "--epochs", "1", "--batch-size", "1").exit());

        EmbedCommandTest.Result again = EmbedCommandTest.runCapturing("train", "--project", project.toString(),
                "--model", model, "--run", "again", "--epochs", "1", "--batch-size", "1", "--from-run", "first");

        assertEquals(0, again.exit(), again.err());
        RunInfo info = RunInfo.read(RunFolder.of(project, "again").info());
        assertEquals(new RunDecoder("first", CheckpointKind.BEST), info.startedFrom());
        assertTrue(Files.isRegularFile(RunFolder.of(project, "again").startingDecoder()));
        EmbedCommandTest.Result missing = EmbedCommandTest.runCapturing("train", "--project", project.toString(),
                "--model", model, "--run", "third", "--from-run", "no-such-run");
        assertEquals(1, missing.exit());
        assertTrue(missing.err().contains("no run named 'no-such-run'"), missing.err());
        EmbedCommandTest.Result badKind = EmbedCommandTest.runCapturing("train", "--project", project.toString(),
                "--model", model, "--run", "third", "--from-run", "first", "--from-checkpoint", "middle");
        assertTrue(badKind.err().contains("--from-checkpoint middle: use best or last"), badKind.err());
    }

    /**
     * A run trained on from an earlier one is set against the decoder it started from: with the same prompts, that
     * baseline scores what the earlier run's checkpoint scored. A run that began from the model's own has no other.
     */
    @Test
    void aRunIsEvaluatedAgainstTheDecoderItStartedFrom() throws Exception {
        Path project = project();
        String model = EmbedCommandTest.MODEL.toString();
        assertEquals(0, EmbedCommandTest.runCapturing("train", "--project", project.toString(), "--model", model,
                "--run", "first", "--epochs", "2", "--batch-size", "1").exit());
        assertEquals(0, EmbedCommandTest.runCapturing("train", "--project", project.toString(), "--model", model,
                "--run", "again", "--epochs", "2", "--batch-size", "1", "--from-run", "first").exit());

        JsonNode first = EmbedCommandTest.runCapturing("evaluate", "--project", project.toString(), "--run",
                "first").json();
        EmbedCommandTest.Result again = EmbedCommandTest.runCapturing("evaluate", "--project", project.toString(),
                "--run", "again", "--against", "start");
        EmbedCommandTest.Result refused = EmbedCommandTest.runCapturing("evaluate", "--project", project.toString(),
                "--run", "first", "--against", "start");

        assertEquals(0, again.exit(), again.err());
        assertEquals("start", again.json().get("against").asText());
        assertEquals("first (best checkpoint), which again started from", again.json().get("baseline").asText());
        assertEquals(first.get("tuned").get("iou").asDouble(), again.json().get("base").get("iou").asDouble(), 1e-9,
                "the starting decoder scores as the checkpoint it is");
        assertNotEquals(again.json().get("base").get("iou").asDouble(),
                again.json().get("tuned").get("iou").asDouble(), "two more epochs changed the decoder");
        Path table = RunFolder.of(project, "again").directory().resolve("evaluation-validation-against-start.csv");
        assertTrue(Files.readString(table).startsWith("tile,start_iou,start_f1,"), Files.readString(table));
        assertEquals(1, refused.exit());
        assertTrue(refused.err().contains("run first started from the model's own decoder"), refused.err());
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
        assertEquals("model", metrics.get("against").asText(), "as --against names it");
        assertEquals("best", metrics.get("checkpoint").asText());
        double tunedIou = metrics.get("tuned").get("iou").asDouble();
        assertTrue(tunedIou >= 0 && tunedIou <= 1);
        assertTrue(evaluated.err().contains("IoU"), evaluated.err());
        assertTrue(evaluated.err().contains("decoding (base, then tuned) 2/2"), "progress: " + evaluated.err());
        // libtorch warns once a process, on stderr, which the in-process run above cannot see
        Path separateOutput = dir.resolve("evaluate.txt");
        Process separate = start(separateOutput, "evaluate", "--project", project.toString(), "--run", "r1",
                "--split", "validation");
        assertTrue(separate.waitFor(2, TimeUnit.MINUTES), printed(separateOutput));
        assertEquals(0, separate.exitValue(), printed(separateOutput));
        assertFalse(printed(separateOutput).contains("Warning"), "a library's warning: " + printed(separateOutput));
        assertTrue(Files.isRegularFile(project.resolve("runs/r1/evaluation-validation.json")));
        assertEquals(2, Files.readAllLines(project.resolve("runs/r1/evaluation-validation.csv")).size(),
                "a header and the one tile");
        EmbedCommandTest.Result accepted = EmbedCommandTest.runCapturing("evaluate", "--project",
                project.toString(), "--run", "r1", "--split", "validation", "--accepted-only");
        assertEquals(1, accepted.exit());
        assertTrue(accepted.err().contains("no accepted label in the validation split"), accepted.err());

        Path exported = dir.resolve("tuned");
        EmbedCommandTest.Result export = EmbedCommandTest.runCapturing("export-model", "--project",
                project.toString(), "--run", "r1", "--out", exported.toString());
        assertEquals(0, export.exit(), export.err());
        byte[] exportedWeights = Files.readAllBytes(exported.resolve("model.safetensors"));
        EmbedCommandTest.Result again = EmbedCommandTest.runCapturing("export-model", "--project",
                project.toString(), "--run", "r1", "--checkpoint", "last", "--out", exported.toString());
        assertEquals(1, again.exit(), "an earlier export is not replaced unasked");
        assertTrue(again.err().contains("holds a model already") && again.err().contains("--overwrite"), again.err());
        assertArrayEquals(exportedWeights, Files.readAllBytes(exported.resolve("model.safetensors")));
        EmbedCommandTest.Result replaced = EmbedCommandTest.runCapturing("export-model", "--project",
                project.toString(), "--run", "r1", "--out", exported.toString(), "--overwrite");
        assertEquals(0, replaced.exit(), replaced.err());
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

    @Test
    void withoutTrainingLabelsNoRunIsMadeAndAutoLabelsWaitingForReviewAreCounted() throws Exception {
        Project project = RiverFixtureProject.create(dir.resolve("rivers"), Split.TRAIN, Split.TRAIN);
        for (Tile tile : project.tiles()) {
            project.writeLabel(tile, project.readLabel(tile).orElseThrow(), LabelStatus.PREDICTED);
        }
        for (int attempt = 0; attempt < 2; attempt++) {
            EmbedCommandTest.Result refused = EmbedCommandTest.runCapturing("train", "--project",
                    project.directory().toString(), "--model", EmbedCommandTest.MODEL.toString(), "--run", "r1");
            assertEquals(1, refused.exit());
            assertTrue(refused.err().contains("no labelled tile in the training split")
                    && refused.err().contains("2 auto-labels"), refused.err());
            assertFalse(Files.exists(project.directory().resolve("runs/r1")), "a run that cannot start is not made");
        }
    }

    /**
     * A run that fails once started ends the process with the error: the hook that lets Ctrl+C write a checkpoint
     * must not outlive the run (it once waited at exit for the thread that was exiting, and the process hung).
     */
    @Test
    void aRunThatFailsEndsTheProcessAndIsMarkedFailed() throws Exception {
        Path project = project();
        Path broken = Files.createDirectories(dir.resolve("broken-model"));
        Files.copy(EmbedCommandTest.MODEL.resolve("config.json"), broken.resolve("config.json"));
        byte[] weights = Files.readAllBytes(EmbedCommandTest.MODEL.resolve("model.safetensors"));
        Files.write(broken.resolve("model.safetensors"), Arrays.copyOf(weights, weights.length / 2));
        Path output = dir.resolve("output.txt");
        Process process = start(output, "train", "--project", project.toString(), "--model", broken.toString(),
                "--run", "r1");
        boolean ended = endsWithin(process, 2);
        String printed = printed(output);
        assertTrue(ended, "the process is still running after its run failed: " + printed);
        assertEquals(1, process.exitValue(), printed);
        assertTrue(printed.contains("model.safetensors"), printed);
        RunInfo info = RunInfo.read(RunFolder.of(project, "r1").info());
        assertEquals(RunStatus.FAILED, info.status());
        assertTrue(info.message().contains("model.safetensors"), info.message());
    }

    /** Ctrl+C (here SIGTERM, which runs the same hooks) stops the run after its batch, with a checkpoint to resume. */
    @Test
    void aSignalStopsTheRunWithACheckpoint() throws Exception {
        Path project = project();
        Path output = dir.resolve("output.txt");
        Process process = trainingInItsSecondEpoch(project, output);
        process.destroy();
        boolean ended = endsWithin(process, 2);
        String printed = printed(output);
        assertTrue(ended, "the process is still running after the signal: " + printed);
        assertTrue(printed.contains("\"status\":\"stopped\""), printed);
        assertTrue(Files.isRegularFile(project.resolve("runs/r1/checkpoints/last.safetensors")));
        assertEquals(RunStatus.STOPPED, RunInfo.read(RunFolder.of(project, "r1").info()).status());
    }

    /**
     * A run is trained by one process at a time: a second trainer is refused at once, naming the run, and evaluate
     * says that the run trains still. Killed (kill -9), its process records nothing, yet the run reads as interrupted
     * (stopped), not as running, and --resume takes it up.
     */
    @Test
    void aSecondTrainerIsRefusedAndAKilledRunReadsAsInterrupted() throws Exception {
        Path project = project();
        Path output = dir.resolve("output.txt");
        Process first = trainingInItsSecondEpoch(project, output);
        try {
            Path secondOutput = dir.resolve("second.txt");
            Process second = start(secondOutput, "train", "--project", project.toString(), "--run", "r1", "--resume");
            boolean ended = endsWithin(second, 1);
            String said = printed(secondOutput);
            assertTrue(ended, "the second trainer trains too: " + said);
            assertEquals(1, second.exitValue(), said);
            assertTrue(said.contains("run r1 is being trained by another Meander process"), said);
            assertEquals("running", statusInInfo(project));
            String evaluating = evaluate(project);
            assertTrue(evaluating.contains("Run r1 is still training"), evaluating);
        } finally {
            first.destroyForcibly().waitFor();
        }
        RunFolder folder = RunFolder.of(project, "r1");
        assertEquals(RunStatus.RUNNING, RunInfo.read(folder.info()).status(), "a killed process records nothing");

        EmbedCommandTest.Result info = EmbedCommandTest.runCapturing("project", "info", project.toString());
        assertEquals("stopped", info.json().get("runs").get(0).get("status").asText());
        assertTrue(info.err().contains("Run r1 was interrupted"), info.err());
        assertTrue(info.err().contains("--run r1 --resume"), info.err());
        String evaluating = evaluate(project);
        assertTrue(evaluating.contains("Run r1 was interrupted"), evaluating);
        TrainingConfig.read(folder.config()).withEpochs(1).write(folder.config()); // its epoch is over: it finishes
        EmbedCommandTest.Result resumed = EmbedCommandTest.runCapturing("train", "--project", project.toString(),
                "--run", "r1", "--resume");
        assertEquals(0, resumed.exit(), resumed.err());
        assertEquals("finished", resumed.json().get("status").asText());
        assertEquals("finished", statusInInfo(project));
    }

    private static String statusInInfo(Path project) throws IOException {
        return EmbedCommandTest.runCapturing("project", "info", project.toString()).json().get("runs").get(0)
                .get("status").asText();
    }

    /** What {@code evaluate} of run r1 wrote on stderr. */
    private static String evaluate(Path project) {
        EmbedCommandTest.Result evaluated = EmbedCommandTest.runCapturing("evaluate", "--project", project.toString(),
                "--run", "r1");
        assertEquals(0, evaluated.exit(), evaluated.err());
        return evaluated.err();
    }

    /** What the process printed so far; progress lines rewritten in place (carriage returns) one under another. */
    private static String printed(Path output) throws IOException {
        return Files.readString(output).replace('\r', '\n');
    }

    /** {@code ./meander} with these arguments in a JVM of its own, its output (both streams) to a file. */
    private static Process start(Path output, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("OMP_WAIT_POLICY", "PASSIVE");
        return builder.start();
    }

    /** A process training run r1 of the project for ever, once it is in its second epoch (a checkpoint written). */
    private Process trainingInItsSecondEpoch(Path project, Path output) throws Exception {
        Process process = start(output, "train", "--project", project.toString(), "--model",
                EmbedCommandTest.MODEL.toString(), "--run", "r1", "--epochs", "100000", "--batch-size", "1");
        try {
            for (int wait = 0; wait < 1200 && !printed(output).contains("epoch 2/"); wait++) {
                assertTrue(process.isAlive(), printed(output));
                Thread.sleep(100);
            }
            return process;
        } catch (AssertionError | InterruptedException e) {
            process.destroyForcibly().waitFor();
            throw e;
        }
    }

    /** Whether the process ends within so many minutes; one that does not is killed. */
    private static boolean endsWithin(Process process, long minutes) throws InterruptedException {
        boolean ended = process.waitFor(minutes, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly().waitFor();
        }
        return ended;
    }
}
