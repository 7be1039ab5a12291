package org.meander.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.meander.project.HfImport;
import org.meander.project.ImportReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./meander project import-hf DIR --parquet FILE... [--class-index K]}. */
@Command(name = "import-hf", mixinStandardHelpOptions = true,
        description = {"Add a Hugging Face image-segmentation dataset to a project: the parquet files of a download"
                + " (image and label columns, datasets Image features), each row a tile, its split from its file's"
                + " name (train-00000-of-00001.parquet, validation-..., test-...).",
                "Prints one JSON line {\"tiles\": N, \"labelled\": M, \"problems\": [...]}, the problems also on"
                        + " stderr; files and rows that cannot be imported are skipped. Exit 0 when any row was"
                        + " imported."})
final class ProjectImportHfCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "project folder; created if missing, added to if not")
    Path project;

    @Option(names = "--parquet", required = true, arity = "1..*", paramLabel = "FILE",
            description = "the dataset's parquet files")
    List<Path> parquet;

    @Option(names = "--class-index", paramLabel = "K", defaultValue = "" + HfImport.DEFAULT_CLASS_INDEX,
            description = "labels hold class indices; pixels equal to K are foreground (default: ${DEFAULT-VALUE},"
                    + " the river in the seed's data)")
    int classIndex;

    @Override
    public Integer call() throws IOException {
        if (classIndex < 0) {
            throw new ParameterException(spec.commandLine(), "--class-index is " + classIndex
                    + "; a class index is 0 or more, such as 1 for the river in a 0 = land, 1 = river mask");
        }
        ImportReport report = HfImport.importFiles(project, parquet, classIndex);
        report.problems().forEach(System.err::println);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("tiles", report.importedTiles().size());
        result.put("labelled", report.labelledTiles().size());
        result.put("problems", report.problems());
        System.out.println(new ObjectMapper().writeValueAsString(result));
        return report.importedTiles().isEmpty() ? 1 : 0;
    }
}
