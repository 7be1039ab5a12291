package org.meander.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.meander.project.AlignedFrame;
import org.meander.project.NearInfraredAlignment;
import org.meander.project.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ./meander project align-nir DIR}. */
@Command(name = "align-nir", mixinStandardHelpOptions = true,
        description = {"Align the near-infrared bands of a project imported before imports aligned them: each band"
                + " in DIR/nir/ is found on its tile by its edges, as project create finds a separate frame, and one"
                + " that does not line up is warped onto its tile (alpha 0 where it does not reach). The band it"
                + " replaces is kept in DIR/nir/.unaligned/. Bands warped already, and those whose edges match"
                + " neither as they are nor moved, are left alone (the latter named on stderr).",
                "Prints one JSON line {\"aligned\": [{\"frame\", \"tile\", \"x\", \"y\", \"scale\", \"coverage\"}],"
                        + " \"in_place\": n, \"problems\": [...]}."})
final class ProjectAlignNirCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "the project folder")
    Path project;

    @Override
    public Integer call() throws IOException {
        Project opened = Project.open(project);
        ProgressLine line = new ProgressLine(System.err, "bands");
        NearInfraredAlignment.Outcome outcome = NearInfraredAlignment.align(opened, line::show);
        line.finish();
        outcome.problems().forEach(System.err::println);
        if (!outcome.aligned().isEmpty()) {
            System.err.println(AlignedFrame.summary(outcome.aligned()));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("aligned", outcome.aligned());
        result.put("in_place", outcome.inPlace());
        result.put("problems", outcome.problems());
        System.out.println(new ObjectMapper().writeValueAsString(result));
        return 0;
    }
}
