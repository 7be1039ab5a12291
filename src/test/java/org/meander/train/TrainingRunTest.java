package org.meander.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meander.project.LabelStatus;
import org.meander.project.Project;
import org.meander.project.SampleProject;
import org.meander.project.Split;
import org.meander.project.Tile;
import org.meander.testing.Fixtures;
import org.meander.testing.RiverFixtureProject;

/** Whole runs of the tiny fixture model on the synthetic sample project. */
class TrainingRunTest {

    @TempDir
    Path dir;

    /** Box prompts, the one mask, a learning rate the tiny random model can move with. */
    static TrainingConfig quick(int epochs, int batchSize) {
        return new TrainingConfig(PromptType.BOX, 3, 2, true, 8, PointFeeding.TOGETHER, OutputHandling.SINGLE,
                LossFunction.DICE_CE, false, 1e-3, 1e-4, 0.9, 0.999, 2, Schedule.CONSTANT, batchSize, epochs, 5, 0);
    }

    /** The sample project with four training tiles and two for validation. */
    static Project project(Path dir) throws IOException {
        Project project = SampleProject.create(dir.resolve("sample"), 11);
        List<Tile> tiles = project.tiles();
        for (int i = 0; i < tiles.size(); i++) {
            project.setSplit(tiles.get(i), i < 4 ? Split.TRAIN : Split.VALIDATION);
        }
        return project;
    }

    /**
     * Trained again once more labels are corrected, a run may start from an earlier run's checkpoint: stopped before
     * its first step, its last checkpoint holds exactly that decoder, though the earlier run is gone by then.
     */
    @Test
    void aRunStartedFromAnEarlierRunsCheckpointStartsWithItsDecoder() throws Exception {
        Project project = RiverFixtureProject.create(dir.resolve("rivers"), Split.TRAIN, Split.VALIDATION);
        TrainingRun first = TrainingRun.create(project, "first", Fixtures.model("tiny"), quick(2, 2));
        first.train(false, new TrainingListener() { }, () -> false);
        Map<String, float[]> best = RunCheckpoint.read(first.folder().checkpoint(CheckpointKind.BEST)).decoder();

        TrainingRun second = TrainingRun.create(project, "second", Fixtures.model("tiny"), quick(2, 2),
                new RunDecoder("first", CheckpointKind.BEST));
        assertEquals(new RunDecoder("first", CheckpointKind.BEST),
                RunInfo.read(second.folder().info()).startedFrom());
        deleteTree(first.folder().directory());
        second.train(false, new TrainingListener() { }, () -> true);

        Map<String, float[]> started = RunCheckpoint.read(second.folder().checkpoint(CheckpointKind.LAST)).decoder();
        best.forEach((name, values) -> assertArrayEquals(values, started.get(name), name));
        assertEquals(new RunDecoder("first", CheckpointKind.BEST),
                RunInfo.read(second.folder().info()).startedFrom(), "training keeps the record");
    }

    @Test
    void aStartingCheckpointMustExistAndBeOfTheSameModel() throws Exception {
        Project project = RiverFixtureProject.create(dir.resolve("rivers"), Split.TRAIN, Split.VALIDATION);
        TrainingRun.create(project, "untrained", Fixtures.model("tiny"), quick(2, 2));

        IOException none = assertThrows(IOException.class, () -> TrainingRun.create(project, "next",
                Fixtures.model("tiny"), quick(2, 2), new RunDecoder("untrained", CheckpointKind.BEST)));
        assertTrue(none.getMessage().contains("has no untrained (best checkpoint) yet"), none.getMessage());
        IOException otherModel = assertThrows(IOException.class, () -> TrainingRun.create(project, "next",
                Fixtures.model("base"), quick(2, 2), new RunDecoder("untrained", CheckpointKind.BEST)));
        assertTrue(otherModel.getMessage().contains("start from a run of the same model"), otherModel.getMessage());
        IOException missing = assertThrows(IOException.class, () -> TrainingRun.create(project, "next",
                Fixtures.model("tiny"), quick(2, 2), new RunDecoder("no-such-run", CheckpointKind.BEST)));
        assertTrue(missing.getMessage().contains("no run named 'no-such-run'"), missing.getMessage());
        assertTrue(!Files.exists(RunFolder.of(project.directory(), "next").directory()), "nothing made");
    }

    @Test
    void tinyModelFitsTheTrainingTiles() throws Exception {
        Project project = RiverFixtureProject.create(dir.resolve("rivers"), Split.TRAIN, Split.TRAIN);
        TrainingRun run = TrainingRun.create(project, "fit", Fixtures.model("tiny"), quick(60, 2));
        List<EpochRecord> epochs = new ArrayList<>();
        AtomicInteger embedded = new AtomicInteger();
        RunOutcome outcome = run.train(false, new TrainingListener() {
            @Override
            public void embedding(int done, int total) {
                embedded.set(done);
            }

            @Override
            public void epoch(EpochRecord record, boolean best) {
                epochs.add(record);
            }
        }, () -> false);

        assertEquals(RunStatus.FINISHED, outcome.status());
        assertEquals(2, embedded.get(), "the two labelled tiles were embedded first");
        assertEquals(60, epochs.size());
        double first = epochs.get(0).trainingLoss();
        double last = epochs.get(59).trainingLoss();
        assertTrue(last < 0.7 * first, "training loss fell from " + first + " to " + last);
        RunHistory history = RunHistory.read(run.folder().history());
        assertEquals(60, history.epochs().size());
        assertEquals(60, history.batches().size(), "one batch of two tiles an epoch");

        EvaluationReport report = new Evaluation(project, run)
                .evaluate(Split.TRAIN, CheckpointKind.LAST, false, Baseline.MODEL, new TrainingListener() { });
        double before = report.base().iou().mean();
        double after = report.tuned().iou().mean();
        assertTrue(after > 2 * before && after > before + 0.1, "IoU on the training tiles rose from " + before + " to " + after);
        assertEquals(2, report.rows().size());
        for (int i = 1; i < report.rows().size(); i++) {
            assertTrue(report.rows().get(i - 1).tuned().iou() <= report.rows().get(i).tuned().iou(),
                    "rows sorted by disagreement, largest first");
        }
        assertTrue(Files.isRegularFile(run.folder().checkpoint(CheckpointKind.BEST)));
        assertEquals(RunStatus.FINISHED, RunInfo.read(run.folder().info()).status());
    }

    /** The tutorial's protocol: scored against the labels a person checked, not against imported ones. */
    @Test
    void anEvaluationOnAcceptedLabelsScoresOnlyThose() throws Exception {
        Project project = project(dir);
        TrainingRun run = TrainingRun.create(project, "quick", Fixtures.model("tiny"), quick(1, 2));
        run.train(false, new TrainingListener() { }, () -> false);
        Tile checked = project.tiles().get(1);
        project.writeLabel(checked, project.readLabel(checked).orElseThrow(), LabelStatus.ACCEPTED);

        EvaluationReport every = new Evaluation(project, run).evaluate(Split.TRAIN, CheckpointKind.LAST, false, Baseline.MODEL,
                new TrainingListener() { });
        EvaluationReport accepted = new Evaluation(project, run).evaluate(Split.TRAIN, CheckpointKind.LAST, true, Baseline.MODEL,
                new TrainingListener() { });

        assertEquals(4, every.rows().size());
        assertEquals(List.of(checked.name()), accepted.rows().stream().map(EvaluationRow::tile).toList());
        assertTrue(accepted.acceptedOnly());
        EvaluationRow same = every.rows().stream().filter(r -> r.tile().equals(checked.name())).findFirst()
                .orElseThrow();
        assertEquals(same.tuned().iou(), accepted.rows().get(0).tuned().iou(), 1e-12, "the same prompts");
        assertEquals(run.folder().directory().resolve("evaluation-train-accepted-last.json"),
                accepted.file(run.folder()));
        IOException none = assertThrows(IOException.class, () -> new Evaluation(project, run)
                .evaluate(Split.VALIDATION, CheckpointKind.LAST, true, Baseline.MODEL, new TrainingListener() { }));
        assertTrue(none.getMessage().endsWith("no accepted label in the validation split; mark the labels you"
                + " checked accepted in Annotate (key A), or evaluate on every label"), none.getMessage());
    }

    @Test
    void aRunWithoutTheCheckpointAskedForIsSaidToBeSoByItsStatus() throws Exception {
        Project project = RiverFixtureProject.create(dir.resolve("rivers"), Split.TRAIN, Split.VALIDATION);
        TrainingRun run = TrainingRun.create(project, "failed", Fixtures.model("tiny"), quick(1, 2));
        RunInfo.read(run.folder().info()).with(RunStatus.FAILED, "Error reading PNG image data")
                .write(run.folder().info());

        IOException e = assertThrows(IOException.class, () -> new Evaluation(project, run)
                .evaluate(Split.VALIDATION, CheckpointKind.BEST, false, Baseline.MODEL, new TrainingListener() { }));

        assertEquals("run failed has no best checkpoint: it failed before its first epoch ended (Error reading PNG"
                + " image data); train it again", e.getMessage());
    }

    /** As in a run: a tile removed while it is scored (here after its base model's mask) is left out, not fatal. */
    @Test
    void aTileRemovedDuringAnEvaluationIsLeftOutOfIt() throws Exception {
        Project project = project(dir);
        TrainingRun run = TrainingRun.create(project, "scored", Fixtures.model("tiny"), quick(1, 2));
        run.train(false, new TrainingListener() { }, () -> false);
        List<Tile> scored = TrainingData.labelledTiles(project, Split.TRAIN);
        Tile gone = scored.get(0);
        Project elsewhere = Project.open(project.directory());
        TrainingListener removing = new TrainingListener() {
            @Override
            public void validating(int done, int total) {
                if (done == 1) {
                    try {
                        elsewhere.remove(elsewhere.tile(gone.name()).orElseThrow());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        };

        EvaluationReport report = new Evaluation(project, run).evaluate(Split.TRAIN, CheckpointKind.LAST, false,
                Baseline.MODEL, removing);

        assertEquals(scored.size() - 1, report.rows().size());
        assertTrue(report.rows().stream().noneMatch(row -> row.tile().equals(gone.name())), gone.name());
        assertEquals(scored.size() - 1, report.tuned().tiles(), "the summary is of the tiles scored");
        assertEquals(scored.size() - 1, report.base().tiles());
    }

    /**
     * Tiles removed from the project while a run reads them (Delete in Annotate, or project remove) are left out from
     * then on, the run goes on, and its outcome names them: a long run is not lost to a tidy-up.
     */
    @Test
    void tilesRemovedDuringARunAreLeftOut() throws Exception {
        Project project = project(dir);
        List<Tile> tiles = project.tiles();
        Tile training = tiles.get(0);
        Tile validating = tiles.get(5);
        TrainingRun run = TrainingRun.create(project, "tidy", Fixtures.model("tiny"), quick(3, 2));
        Recorder recorder = new Recorder(1, () -> {
            project.remove(training);
            project.remove(validating);
        });

        RunOutcome outcome = run.train(false, recorder, () -> false);

        assertEquals(RunStatus.FINISHED, outcome.status(), outcome.message());
        assertEquals(3, recorder.epochs.size());
        assertEquals(Set.of(training.name(), validating.name()), Set.copyOf(recorder.told));
        assertEquals(2, recorder.told.size(), "each told once: " + recorder.told);
        assertTrue(outcome.message().contains("2 tiles removed or renamed during the run were left out"),
                outcome.message());
        assertEquals(1, recorder.epochs.get(2).validation().tiles(), "one validation tile left");
        assertEquals(RunStatus.FINISHED, RunInfo.read(run.folder().info()).status());
    }

    /**
     * A tile removed by another program ({@code ./meander project remove} beside the run) is left out as one removed
     * here is: the run's own project still lists it, so the absence of its files must tell.
     */
    @Test
    void tilesRemovedByAnotherProgramDuringARunAreLeftOut() throws Exception {
        Project project = project(dir);
        Tile training = project.tiles().get(0);
        Tile validating = project.tiles().get(5);
        TrainingRun run = TrainingRun.create(project, "beside", Fixtures.model("tiny"), quick(3, 2));
        Project elsewhere = Project.open(project.directory());
        Recorder recorder = new Recorder(1, () -> {
            elsewhere.remove(elsewhere.tile(training.name()).orElseThrow());
            elsewhere.remove(elsewhere.tile(validating.name()).orElseThrow());
        });

        RunOutcome outcome = run.train(false, recorder, () -> false);

        assertEquals(RunStatus.FINISHED, outcome.status(), outcome.message());
        assertEquals(List.of(training.name(), validating.name()), recorder.told.stream().sorted().toList());
        assertTrue(outcome.message().contains("2 tiles removed or renamed during the run were left out: "
                + training.name() + ", " + validating.name()), outcome.message());
        assertEquals(1, recorder.epochs.get(2).validation().tiles(), "one validation tile left");
        assertEquals(RunStatus.FINISHED, RunInfo.read(run.folder().info()).status());
    }

    /**
     * A removal or rename moves the tile's image first, then its label: a run that reads the label in between misses
     * the tile at its embedding, whose key is the image's content, and leaves it out there too.
     */
    @Test
    void aTileWhoseImageLeftDuringARunIsLeftOutAtItsEmbedding() throws Exception {
        Project project = project(dir);
        Tile training = project.tiles().get(0);
        TrainingRun run = TrainingRun.create(project, "halfway", Fixtures.model("tiny"), quick(3, 2));
        Recorder recorder = new Recorder(1, () -> Files.move(training.image(), dir.resolve("moved-away.png")));

        RunOutcome outcome = run.train(false, recorder, () -> false);

        assertEquals(RunStatus.FINISHED, outcome.status(), outcome.message());
        assertEquals(List.of(training.name()), recorder.told);
        assertTrue(outcome.message().contains("1 tile removed or renamed during the run was left out: "
                + training.name()), outcome.message());
    }

    /** A tile removed while the run computes the embeddings it lacks is left out, not a failure to compute them. */
    @Test
    void aTileRemovedWhileEmbeddingsAreComputedIsLeftOut() throws Exception {
        Project project = project(dir);
        Tile validating = project.tiles().get(5);
        TrainingRun run = TrainingRun.create(project, "early", Fixtures.model("tiny"), quick(1, 2));
        Project elsewhere = Project.open(project.directory());
        Recorder recorder = new Recorder(0, () -> elsewhere.remove(elsewhere.tile(validating.name()).orElseThrow()));

        RunOutcome outcome = run.train(false, recorder, () -> false);

        assertEquals(RunStatus.FINISHED, outcome.status(), outcome.message());
        assertEquals(List.of(validating.name()), recorder.told);
        assertTrue(outcome.message().contains(validating.name()), outcome.message());
        assertEquals(1, recorder.epochs.get(0).validation().tiles(), "one validation tile left");
    }

    /**
     * One trainer at a time: a second that asks for a run while it trains is refused at once, writing nothing, and the
     * first trains on (two would write the same checkpoints and history, the last writer winning).
     */
    @Test
    void aRunTrainingIsRefusedToASecondTrainer() throws Exception {
        Project project = project(dir);
        TrainingRun run = TrainingRun.create(project, "once", Fixtures.model("tiny"), quick(2, 2));
        List<Exception> refusals = new ArrayList<>();
        Recorder recorder = new Recorder(1, () -> {
            try {
                TrainingRun.open(project, "once").train(true, new TrainingListener() { }, () -> false);
            } catch (IOException | InterruptedException e) {
                refusals.add(e);
            }
        });

        RunOutcome outcome = run.train(false, recorder, () -> false);

        assertEquals(1, refusals.size(), "the second trainer was refused");
        assertTrue(refusals.get(0).getMessage().contains("run once is training already"),
                refusals.get(0).getMessage());
        assertEquals(RunStatus.FINISHED, outcome.status(), outcome.message());
        assertEquals(2, recorder.epochs.size());
        assertEquals(RunStatus.FINISHED, RunInfo.read(run.folder().info()).status());
        assertEquals(2, RunHistory.read(run.folder().history()).epochs().size());
    }

    /**
     * Two makers of one new run (two windows, or a window and a command, given the same name) must not both write its
     * settings: one makes it, the other is told it exists. Both ask at the same instant, eight times over.
     */
    @Test
    void aNewRunAskedForTwiceAtOnceIsMadeOnce() throws Exception {
        Project project = project(dir);
        for (int attempt = 0; attempt < 8; attempt++) {
            String name = "twice" + attempt;
            CyclicBarrier together = new CyclicBarrier(2);
            List<Callable<TrainingConfig>> makers = new ArrayList<>();
            for (int epochs : new int[] {2, 3}) {
                makers.add(() -> {
                    together.await();
                    TrainingRun.create(project, name, Fixtures.model("tiny"), quick(epochs, 2));
                    return quick(epochs, 2);
                });
            }
            ExecutorService threads = Executors.newFixedThreadPool(2);
            List<TrainingConfig> made = new ArrayList<>();
            List<String> refusals = new ArrayList<>();
            for (Future<TrainingConfig> maker : threads.invokeAll(makers)) {
                try {
                    made.add(maker.get());
                } catch (ExecutionException e) {
                    refusals.add(e.getCause().getMessage());
                }
            }
            threads.shutdown();

            assertEquals(1, made.size(), "made once: " + refusals);
            assertTrue(refusals.get(0).contains("run '" + name + "' exists"), refusals.get(0));
            assertEquals(made.get(0), TrainingRun.open(project, name).config(), "its settings are the maker's");
        }
    }

    @Test
    void resumedRunEndsWhereAnUninterruptedOneDoes() throws Exception {
        Project project = project(dir);
        TrainingRun straight = TrainingRun.create(project, "straight", Fixtures.model("tiny"), quick(3, 2));
        assertEquals(RunStatus.FINISHED, straight.train(false, new TrainingListener() { }, () -> false).status());

        TrainingRun interrupted = TrainingRun.create(project, "interrupted", Fixtures.model("tiny"), quick(3, 2));
        AtomicInteger batches = new AtomicInteger();
        // stop in the middle of the second epoch: after three batches
        RunOutcome stopped = interrupted.train(false, new TrainingListener() {
            @Override
            public void batch(BatchRecord record, int inEpoch, int perEpoch, double samplesPerSecond) {
                batches.incrementAndGet();
            }
        }, () -> batches.get() >= 3);
        assertEquals(RunStatus.STOPPED, stopped.status(), stopped.toString());
        assertEquals(RunStatus.STOPPED, RunInfo.read(interrupted.folder().info()).status());
        RunOutcome resumed = TrainingRun.open(project, "interrupted")
                .train(true, new TrainingListener() { }, () -> false);
        assertEquals(RunStatus.FINISHED, resumed.status());

        RunCheckpoint a = RunCheckpoint.read(straight.folder().checkpoint(CheckpointKind.LAST));
        RunCheckpoint b = RunCheckpoint.read(interrupted.folder().checkpoint(CheckpointKind.LAST));
        for (Map.Entry<String, float[]> e : a.decoder().entrySet()) {
            assertArrayEquals(e.getValue(), b.decoder().get(e.getKey()), 1e-7f, e.getKey());
        }
        assertEquals(a.state().step(), b.state().step());
        assertEquals(a.state().batches().size(), b.state().batches().size());
        for (int i = 0; i < a.state().batches().size(); i++) {
            assertEquals(a.state().batches().get(i).loss(), b.state().batches().get(i).loss(), 1e-6, "batch " + i);
        }
    }

    @Test
    void nonFiniteLossStopsTheRunAndKeepsTheLastGoodCheckpoint() throws Exception {
        Project project = project(dir);
        TrainingRun run = TrainingRun.create(project, "nan", Fixtures.model("tiny"), quick(1, 2));
        assertEquals(RunStatus.FINISHED, run.train(false, new TrainingListener() { }, () -> false).status());
        RunCheckpoint good = RunCheckpoint.read(run.folder().checkpoint(CheckpointKind.LAST));

        // a learning rate no decoder survives, resumed for more epochs
        TrainingConfig wild = new TrainingConfig(PromptType.BOX, 3, 2, true, 8, PointFeeding.TOGETHER,
                OutputHandling.SINGLE, LossFunction.DICE_CE, false, 0.99, 0, 0.0, 0.0, 0, Schedule.CONSTANT, 2, 30,
                5, 0);
        wild.write(run.folder().config());
        RunOutcome outcome = TrainingRun.open(project, "nan").train(true, new TrainingListener() { }, () -> false);

        assertEquals(RunStatus.FAILED, outcome.status(), outcome.toString());
        assertTrue(outcome.message().contains("loss") || outcome.message().contains("gradients"), outcome.message());
        assertEquals(RunStatus.FAILED, RunInfo.read(run.folder().info()).status());
        RunCheckpoint kept = RunCheckpoint.read(run.folder().checkpoint(CheckpointKind.LAST));
        assertTrue(kept.state().step() >= good.state().step());
        kept.decoder().values().forEach(values -> {
            for (float v : values) {
                assertTrue(Float.isFinite(v), "the kept checkpoint holds only finite weights");
            }
        });
    }

    @Test
    void stopWhileValidatingResumesByValidating() throws Exception {
        Project project = project(dir);
        TrainingRun straight = TrainingRun.create(project, "straight", Fixtures.model("tiny"), quick(2, 2));
        straight.train(false, new TrainingListener() { }, () -> false);

        TrainingRun stopped = TrainingRun.create(project, "stopped", Fixtures.model("tiny"), quick(2, 2));
        AtomicInteger trained = new AtomicInteger();
        RunOutcome outcome = stopped.train(false, new TrainingListener() {
            @Override
            public void batch(BatchRecord record, int inEpoch, int perEpoch, double samplesPerSecond) {
                trained.incrementAndGet();
            }
        }, () -> trained.get() == 2); // the first epoch's two batches are done: validation is next
        assertEquals(RunStatus.STOPPED, outcome.status(), outcome.toString());
        assertTrue(outcome.message().contains("validating"), outcome.message());
        assertEquals(RunStatus.FINISHED, TrainingRun.open(project, "stopped")
                .train(true, new TrainingListener() { }, () -> false).status());

        RunHistory a = RunHistory.read(straight.folder().history());
        RunHistory b = RunHistory.read(stopped.folder().history());
        assertEquals(a.epochs().size(), b.epochs().size());
        for (int i = 0; i < a.epochs().size(); i++) {
            assertEquals(a.epochs().get(i).validationLoss(), b.epochs().get(i).validationLoss(), 1e-6);
        }
    }

    @Test
    void stopWhileEmbeddingKeepsTheEmbeddingsAndResumesFromTheStart() throws Exception {
        Project project = project(dir);
        TrainingRun run = TrainingRun.create(project, "early", Fixtures.model("tiny"), quick(1, 2));
        AtomicInteger embedded = new AtomicInteger();
        RunOutcome outcome = run.train(false, new TrainingListener() {
            @Override
            public void embedding(int done, int total) {
                embedded.set(done);
            }
        }, () -> embedded.get() >= 1);
        assertEquals(RunStatus.STOPPED, outcome.status(), outcome.toString());
        assertTrue(embedded.get() < 6, "stopped before all six tiles were embedded: " + embedded.get());
        assertEquals(RunStatus.STOPPED, RunInfo.read(run.folder().info()).status());

        AtomicInteger embeddedAgain = new AtomicInteger();
        RunOutcome resumed = TrainingRun.open(project, "early").train(true, new TrainingListener() {
            @Override
            public void embedding(int done, int total) {
                embeddedAgain.set(total);
            }
        }, () -> false);
        assertEquals(RunStatus.FINISHED, resumed.status());
        assertTrue(embeddedAgain.get() < 6, "the embeddings computed before the stop were kept");
    }

    /** What a run told its listener; an action done once, after the first embedding or after step {@code after}. */
    private static final class Recorder implements TrainingListener {
        private final long after;
        private final Action action;
        private boolean done;
        final List<String> told = new ArrayList<>();
        final List<EpochRecord> epochs = new ArrayList<>();

        interface Action {
            void run() throws IOException;
        }

        /** {@code after}: the step after which to act; 0 acts once the first embedding is computed. */
        Recorder(long after, Action action) {
            this.after = after;
            this.action = action;
        }

        @Override
        public void embedding(int embedded, int total) {
            if (after == 0 && embedded == 1) {
                act();
            }
        }

        @Override
        public void batch(BatchRecord record, int batchInEpoch, int batchesPerEpoch, double samplesPerSecond) {
            if (after > 0 && record.step() == after) {
                act();
            }
        }

        @Override
        public void tileRemoved(String tile) {
            told.add(tile);
        }

        @Override
        public void epoch(EpochRecord record, boolean best) {
            epochs.add(record);
        }

        private void act() {
            if (!done) {
                done = true;
                try {
                    action.run();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
