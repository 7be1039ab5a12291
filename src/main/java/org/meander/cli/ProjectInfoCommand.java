package org.meander.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.ToIntFunction;
import org.meander.project.LabelStatus;
import org.meander.project.Project;
import org.meander.project.ProjectSummary;
import org.meander.project.SourceRaster;
import org.meander.project.Split;
import org.meander.train.RunFolder;
import org.meander.train.RunInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ./meander project info DIR}: a project at a glance, for a person (stderr) and for scripts (stdout). */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = {"Show a project at a glance: its tiles by label status in each split, near-infrared bands,"
                + " rasters cut into it and fine-tuning runs.",
                "A table on stderr; one JSON line on stdout: {\"tiles\", \"labels\", \"splits\", \"near_infrared\","
                        + " \"predicted_by\" (labels that began as auto-label's, by decoder), \"rasters\","
                        + " \"interrupted_cuts\", \"runs\"}."})
final class ProjectInfoCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "the project folder")
    Path project;

    @Override
    public Integer call() throws IOException {
        Project opened = Project.open(project);
        ProjectSummary summary = ProjectSummary.of(opened);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("tiles", summary.tiles());
        result.put("labels", counts(summary::withStatus));
        Map<String, Object> splits = new LinkedHashMap<>();
        for (Split split : Split.values()) {
            splits.put(split.key(), counts(status -> summary.bySplit().get(split).get(status)));
        }
        result.put("splits", splits);
        result.put("near_infrared", summary.nearInfrared());
        result.put("predicted_by", summary.predictedBy());
        List<Map<String, Object>> rasters = new ArrayList<>();
        for (SourceRaster raster : summary.rasters()) {
            rasters.add(Map.of("name", raster.name(), "width", raster.width(), "height", raster.height(),
                    "georeferenced", raster.georeferencing().isPresent()));
        }
        result.put("rasters", rasters);
        result.put("interrupted_cuts", opened.interruptedCuts());
        List<Map<String, Object>> runs = new ArrayList<>();
        List<String> interrupted = new ArrayList<>();
        for (RunFolder run : RunFolder.all(opened.directory())) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", run.name());
            try {
                RunInfo info = RunInfo.asItStands(run);
                entry.put("status", info.status().name().toLowerCase(Locale.ROOT));
                if (info.interrupted()) {
                    interrupted.add("Run " + run.name() + " was " + info.message() + ": ./meander train "
                            + opened.directory() + " --run " + run.name() + " --resume continues it.");
                }
            } catch (IOException e) {
                entry.put("status", "unreadable: " + e.getMessage());
            }
            runs.add(entry);
        }
        result.put("runs", runs);
        printTable(summary);
        interrupted.forEach(System.err::println);
        for (String raster : opened.interruptedCuts()) {
            System.err.println("The cut of " + raster + " into tiles was interrupted: run the same ./meander project"
                    + " tile command again to finish it (the tiles it wrote are kept).");
        }
        System.out.println(new ObjectMapper().writeValueAsString(result));
        return 0;
    }

    /** "none", "imported", ... "predicted", each with its count. */
    private static Map<String, Integer> counts(ToIntFunction<LabelStatus> count) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (LabelStatus status : LabelStatus.values()) {
            counts.put(status.name().toLowerCase(Locale.ROOT), count.applyAsInt(status));
        }
        return counts;
    }

    private static void printTable(ProjectSummary summary) {
        System.err.printf("%-11s %6s", "split", "tiles");
        for (LabelStatus status : LabelStatus.values()) {
            System.err.printf(" %9s", status.name().toLowerCase(Locale.ROOT));
        }
        System.err.println();
        for (Split split : Split.values()) {
            Map<LabelStatus, Integer> counts = summary.bySplit().get(split);
            System.err.printf("%-11s %6d", split.key(), counts.values().stream().mapToInt(Integer::intValue).sum());
            for (LabelStatus status : LabelStatus.values()) {
                System.err.printf(" %9d", counts.get(status));
            }
            System.err.println();
        }
    }
}
