package org.meander.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.meander.project.Project;
import org.meander.train.RunCheckpoint;
import org.meander.train.TrainingRun;
import org.meander.train.TunedModelExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./meander export-model}: a run's tuned model in the Hugging Face layout. */
@Command(name = "export-model", mixinStandardHelpOptions = true,
        description = {"Write a run's tuned model in the Hugging Face layout.",
                "config.json + model.safetensors (the base model with the tuned decoder), loadable by",
                "transformers' SamModel.from_pretrained and by ./meander --model."})
final class ExportModelCommand implements Callable<Integer> {

    @Mixin
    ProjectFolder projectFolder;

    @Option(names = "--run", paramLabel = "NAME", required = true, description = "run name")
    String run;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "folder to write: new, empty, or holding a model (replaced with --overwrite)")
    Path out;

    @Option(names = "--overwrite", description = "replace a model already in --out")
    boolean overwrite;

    @Option(names = "--checkpoint", paramLabel = "best|last",
            defaultValue = "best", description = "best or last (default: ${DEFAULT-VALUE})")
    String checkpoint;

    @Override
    public Integer call() throws Exception {
        Optional<String> problem = TunedModelExport.placeProblem(out);
        if (problem.isPresent()) {
            throw new IllegalArgumentException("--out " + problem.get());
        }
        if (!overwrite && TunedModelExport.holdsModel(out)) {
            throw new IllegalArgumentException("--out " + out + " holds a model already (config.json,"
                    + " model.safetensors); choose another folder, or add --overwrite to replace it");
        }
        TrainingRun training = TrainingRun.open(Project.open(projectFolder.required()), run);
        RunCheckpoint tuned = RunCheckpoint.read(
                training.checkpoint(EvaluateCommand.parseCheckpoint(checkpoint)));
        TunedModelExport.write(training.baseModel(), tuned.decoder(), out, overwrite);
        System.out.println(new ObjectMapper().writeValueAsString(Map.of("model", out.toAbsolutePath().toString())));
        return 0;
    }
}
