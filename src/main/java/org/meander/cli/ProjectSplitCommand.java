package org.meander.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.meander.project.Project;
import org.meander.project.Split;
import org.meander.project.Tile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./meander project split DIR [--train 0.8] [--validation 0.1] [--seed N]}. */
@Command(name = "split", mixinStandardHelpOptions = true,
        description = {"Split every tile anew into train, validation and test at random by ratio (the rest is"
                + " test), seeded: the same tiles, ratios and seed always give the same split. Splits set by hand"
                + " are replaced.",
                "Prints one JSON line {\"train\": N, \"validation\": N, \"test\": N}."})
final class ProjectSplitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "the project folder")
    Path project;

    @Option(names = "--train", defaultValue = "0.8", paramLabel = "R",
            description = "share of tiles for training (default ${DEFAULT-VALUE})")
    double train;

    @Option(names = "--validation", defaultValue = "0.1", paramLabel = "R",
            description = "share of tiles for validation (default ${DEFAULT-VALUE})")
    double validation;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "N",
            description = "random seed (default ${DEFAULT-VALUE}, as a new project is split)")
    long seed;

    @Override
    public Integer call() throws IOException {
        if (train < 0 || validation < 0 || train + validation > 1) {
            throw new ParameterException(spec.commandLine(), "--train " + train + " and --validation " + validation
                    + ": each is a share from 0 to 1, and together at most 1 (the rest is test)");
        }
        Project opened = Project.open(project);
        opened.resplit(train, validation, seed);
        Map<String, Integer> result = new LinkedHashMap<>();
        for (Split split : Split.values()) {
            result.put(split.key(), 0);
        }
        for (Tile tile : opened.tiles()) {
            result.merge(opened.split(tile).key(), 1, Integer::sum);
        }
        System.out.println(new ObjectMapper().writeValueAsString(result));
        return 0;
    }
}
