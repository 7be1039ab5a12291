package org.meander.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.meander.project.Project;
import org.meander.project.Split;
import org.meander.train.CheckpointKind;
import org.meander.train.RunOutcome;
import org.meander.train.RunStatus;
import org.meander.train.RunDecoder;
import org.meander.train.TrainingConfig;
import org.meander.train.TrainingData;
import org.meander.train.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./meander train}: fine-tune the mask decoder on a project's labels. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Fine-tune SAM's mask decoder on a project's labelled training tiles.",
                "Works from cached embeddings (missing ones are computed first).",
                "Ctrl+C stops cleanly with a checkpoint; --resume continues from it."})
final class TrainCommand implements Callable<Integer> {

    @Mixin
    ProjectFolder projectFolder;

    @Option(names = "--model", paramLabel = "DIR",
            description = "Hugging Face SAM folder to fine-tune (required for a new run)")
    Path model;

    @Option(names = "--run", paramLabel = "NAME", required = true, description = "run name: runs/NAME in the project")
    String run;

    @Option(names = "--config", paramLabel = "FILE",
            description = "JSON file of training settings; absent ones keep the seed's defaults")
    Path config;

    @Option(names = "--epochs", paramLabel = "N", description = "number of epochs (overrides the config)")
    Integer epochs;

    @Option(names = "--batch-size", paramLabel = "N", description = "tiles per step (overrides the config)")
    Integer batchSize;

    @Option(names = "--resume", description = "continue the run from its last checkpoint")
    boolean resume;

    @Option(names = "--from-run", paramLabel = "NAME", description = "start the decoder from this earlier run's"
            + " checkpoint (of the same model) instead of the model's own: to train again once more labels are"
            + " corrected")
    String fromRun;

    @Option(names = "--from-checkpoint", paramLabel = "best|last", defaultValue = "best",
            description = "with --from-run: its best checkpoint (lowest validation loss) or its last (default: best)")
    String fromCheckpoint;

    @Override
    public Integer call() throws Exception {
        Project opened = Project.open(projectFolder.required());
        TrainingRun training;
        if (resume) {
            if (config != null || epochs != null || batchSize != null || fromRun != null) {
                throw new IllegalArgumentException("--resume continues with the run's own settings: drop --config,"
                        + " --epochs, --batch-size and --from-run");
            }
            training = TrainingRun.open(opened, run);
        } else {
            if (model == null) {
                throw new IllegalArgumentException("a new run needs --model DIR (the SAM model to fine-tune)");
            }
            TrainingConfig settings = config == null ? TrainingConfig.defaults() : TrainingConfig.read(config);
            if (epochs != null) {
                settings = settings.withEpochs(epochs);
            }
            if (batchSize != null) {
                settings = settings.withBatchSize(batchSize);
            }
            RunDecoder from = fromRun == null ? null
                    : new RunDecoder(fromRun, parseCheckpoint(fromCheckpoint));
            training = TrainingRun.create(opened, run, model, settings.validated(), from);
        }
        int samples = TrainingData.labelledTiles(opened, Split.TRAIN).size();
        long start = System.nanoTime();
        // the result is printed before the exit may go on: a Ctrl+C'd run still says where it stopped
        try (StopOnExit stop = new StopOnExit()) {
            RunOutcome outcome = training.train(resume,
                    new TrainingProgressPrinter(System.err, training.config().epochs(), samples), stop);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("run", run);
            result.put("status", outcome.status().name().toLowerCase());
            if (outcome.message() != null) {
                result.put("message", outcome.message());
            }
            result.put("best_epoch", outcome.bestEpoch());
            result.put("folder", training.folder().directory().toString());
            result.put("seconds", Math.round((System.nanoTime() - start) / 1e7) / 100.0);
            System.out.println(new ObjectMapper().writeValueAsString(result));
            return outcome.status() == RunStatus.FAILED ? 1 : 0;
        }
    }

    private static CheckpointKind parseCheckpoint(String name) {
        try {
            return EvaluateCommand.parseCheckpoint(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--from-checkpoint " + name + ": use best or last");
        }
    }
}
