package org.meander.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.meander.project.Project;
import org.meander.project.Split;
import org.meander.train.Baseline;
import org.meander.train.CheckpointKind;
import org.meander.train.Evaluation;
import org.meander.train.EvaluationReport;
import org.meander.train.EvaluationRow;
import org.meander.train.MetricSummary;
import org.meander.train.TrainingListener;
import org.meander.train.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./meander evaluate}: the model's own decoder, or the one the run started from, against its tuned one. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Compare the base model with a run's tuned decoder on a split.",
                "The same prompts for both: a table of metrics, the tiles sorted by disagreement with their label",
                "(likeliest wrong labels first), and one JSON line of the mean metrics. Writes",
                "runs/NAME/evaluation-SPLIT.json and, a line per tile, evaluation-SPLIT.csv (evaluation-SPLIT-accepted"
                        + " with --accepted-only, ...-against-start with --against start)."})
final class EvaluateCommand implements Callable<Integer> {

    @Mixin
    ProjectFolder projectFolder;

    @Option(names = "--run", paramLabel = "NAME", required = true, description = "run name")
    String run;

    @Option(names = "--split", paramLabel = "SPLIT", converter = SplitOption.class,
            defaultValue = "validation", description = "train, validation or test (default: ${DEFAULT-VALUE})")
    Split split;

    @Option(names = "--checkpoint", paramLabel = "best|last",
            defaultValue = "best", description = "best or last (default: ${DEFAULT-VALUE})")
    String checkpoint;

    @Option(names = "--against", paramLabel = "model|start", defaultValue = "model",
            description = "what the tuned decoder is set against: the model's own decoder, or the decoder the run"
                    + " started from (a run trained --from-run an earlier one), to see what the latest round of"
                    + " training gained (default: ${DEFAULT-VALUE})")
    String against;

    @Option(names = "--accepted-only", description = "only the labels marked accepted, those a person checked: the"
            + " seed tutorial's hand-corrected tiles")
    boolean acceptedOnly;

    @Option(names = "--tiles", paramLabel = "N",
            defaultValue = "10", description = "how many tiles of the disagreement list to print")
    int tiles;

    /** Missing embeddings take seconds a tile on a CPU, and a split may hold hundreds of tiles: show both steps. */
    private static TrainingListener progress() {
        ProgressLine embedding = new ProgressLine(System.err, "embedding");
        ProgressLine decoding = new ProgressLine(System.err, "decoding (base, then tuned)");
        return new TrainingListener() {
            @Override
            public void embedding(int done, int total) {
                show(embedding, done, total);
            }

            @Override
            public void validating(int done, int total) {
                show(decoding, done, total);
            }
        };
    }

    private static void show(ProgressLine line, int done, int total) {
        if (total > 0) {
            line.show(done, total);
        }
        if (done == total) {
            line.finish();
        }
    }

    @Override
    public Integer call() throws Exception {
        Project opened = Project.open(projectFolder.required());
        TrainingRun training = TrainingRun.open(opened, run);
        training.unfinished().ifPresent(System.err::println);
        Baseline baseline = parseBaseline(against);
        EvaluationReport report = new Evaluation(opened, training)
                .evaluate(split, parseCheckpoint(checkpoint), acceptedOnly, baseline, progress());
        report.writeTo(training.folder());

        String word = baseline.word();
        System.err.println(word + ": " + report.baseline());
        System.err.printf("%-10s %8s %8s %8s %8s%n", "metric", word, "tuned", word + " med", "tuned med");
        row("IoU", report.base().iou(), report.tuned().iou());
        row("F1", report.base().f1(), report.tuned().f1());
        row("precision", report.base().precision(), report.tuned().precision());
        row("recall", report.base().recall(), report.tuned().recall());
        row("accuracy", report.base().accuracy(), report.tuned().accuracy());
        System.err.printf("%ntiles by disagreement of the tuned model with the label (%d of %d):%n",
                Math.min(tiles, report.rows().size()), report.rows().size());
        for (EvaluationRow r : report.rows().subList(0, Math.min(tiles, report.rows().size()))) {
            System.err.printf("  %-40s IoU tuned %.3f, %s %.3f%n", r.tile(), r.tuned().iou(), word, r.base().iou());
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("run", run);
        result.put("split", report.split());
        if (acceptedOnly) {
            result.put("accepted_only", true);
        }
        result.put("tiles", report.rows().size());
        result.put("checkpoint", report.checkpoint().word());
        result.put("against", baseline.option());
        result.put("baseline", report.baseline());
        result.put("base", means(report.base()));
        result.put("tuned", means(report.tuned()));
        System.out.println(new ObjectMapper().writeValueAsString(result));
        return 0;
    }

    private static void row(String name, MetricSummary.Stat base, MetricSummary.Stat tuned) {
        System.err.printf("%-10s %8.4f %8.4f %8.4f %8.4f%n", name, base.mean(), tuned.mean(), base.median(),
                tuned.median());
    }

    private static Map<String, Double> means(MetricSummary s) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("iou", s.iou().mean());
        m.put("f1", s.f1().mean());
        m.put("precision", s.precision().mean());
        m.put("recall", s.recall().mean());
        m.put("accuracy", s.accuracy().mean());
        return m;
    }

    private static Baseline parseBaseline(String name) {
        return switch (name) {
            case "model" -> Baseline.MODEL;
            case "start" -> Baseline.START;
            default -> throw new IllegalArgumentException("--against " + name + ": use model (the model's own"
                    + " decoder) or start (the decoder the run started from)");
        };
    }

    static CheckpointKind parseCheckpoint(String name) {
        try {
            return CheckpointKind.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--checkpoint " + name + ": use best or last");
        }
    }
}
