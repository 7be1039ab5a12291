package org.meander.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meander.project.LabelMask;
import org.meander.project.Project;
import org.meander.project.Split;
import org.meander.project.Tile;
import org.meander.testing.Fixtures;
import org.meander.testing.RiverFixtureProject;

/** A run's folder as the Train and Evaluate tabs read it, and single tiles decoded as an evaluation decodes them. */
class TileComparerTest {

    @TempDir
    Path dir;

    @Test
    void comparedMasksScoreAsTheEvaluationScoredThem() throws Exception {
        Project project = RiverFixtureProject.create(dir.resolve("rivers"), Split.TRAIN, Split.TRAIN);
        TrainingConfig points = new TrainingConfig(PromptType.POINTS, 2, 1, true, 8, PointFeeding.ONE_PER_PROMPT,
                OutputHandling.BEST, LossFunction.DICE_CE, false, 1e-3, 1e-4, 0.9, 0.999, 1, Schedule.CONSTANT, 2, 2,
                5, 0);
        TrainingRun run = TrainingRun.create(project, "cmp", Fixtures.model("tiny"), points);
        run.train(false, new TrainingListener() { }, () -> false);
        EvaluationReport report = new Evaluation(project, run)
                .evaluate(Split.TRAIN, CheckpointKind.BEST, false, Baseline.MODEL, new TrainingListener() { });

        try (TileComparer comparer = TileComparer.open(project, run, CheckpointKind.BEST, Baseline.MODEL)) {
            for (EvaluationRow row : report.rows()) {
                Tile tile = project.tiles().stream().filter(t -> t.name().equals(row.tile())).findFirst().orElseThrow();
                TileComparison comparison = comparer.compare(tile);
                assertEquals(3, comparison.prompts().size(), "one prompt per control point");
                assertEquals(3, comparison.base().size());
                assertEquals(row.base().iou(), meanIou(comparison.base(), comparison.label()), 1e-9, row.tile());
                assertEquals(row.tuned().iou(), meanIou(comparison.tuned(), comparison.label()), 1e-9, row.tile());
            }
        }
    }

    @Test
    void historyNamesTheBestEpochAndTheProjectListsItsRuns() throws Exception {
        Project project = RiverFixtureProject.create(dir.resolve("rivers"), Split.TRAIN, Split.TRAIN);
        TrainingRun run = TrainingRun.create(project, "b", Fixtures.model("tiny"), TrainingRunTest.quick(3, 2));
        RunOutcome outcome = run.train(false, new TrainingListener() { }, () -> false);
        TrainingRun.create(project, "a", Fixtures.model("tiny"), TrainingRunTest.quick(1, 2));

        assertEquals(outcome.bestEpoch(), RunHistory.read(run.folder().history()).bestEpoch(),
                "no validation tiles: the best epoch has the lowest training loss");
        assertEquals(List.of("a", "b"), RunFolder.all(project.directory()).stream().map(RunFolder::name).toList());
        assertEquals(0, RunHistory.read(RunFolder.of(project.directory(), "a").history()).bestEpoch(),
                "a run that never trained has no best epoch");
        assertEquals(List.of(), RunFolder.all(dir.resolve("elsewhere")));
    }

    private static double meanIou(List<LabelMask> masks, LabelMask label) {
        List<TileMetrics> each = new ArrayList<>();
        boolean[] truth = bits(label);
        for (LabelMask mask : masks) {
            each.add(TileMetrics.of("t", bits(mask), truth));
        }
        return TileMetrics.mean("t", each).iou();
    }

    private static boolean[] bits(LabelMask mask) {
        boolean[] bits = new boolean[mask.pixels().length];
        for (int i = 0; i < bits.length; i++) {
            bits[i] = mask.pixels()[i] != 0;
        }
        return bits;
    }
}
