package org.meander.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.meander.project.LabelMask;
import org.meander.project.LabelStatus;
import org.meander.project.Project;
import org.meander.project.Split;
import org.meander.project.Tile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./meander project accept DIR [TILE...] [--status S[,S...]] [--split S]}. */
@Command(name = "accept", mixinStandardHelpOptions = true,
        description = {"Mark labels accepted, as A does in the window, without opening them: labels checked or"
                + " corrected in another tool (a GIS, say) and brought back with import-labels, so that"
                + " `--accepted-only` exports, trains and evaluates with them. The label each replaces stays in its"
                + " tile's history, byte for byte.",
                "Name the tiles, or choose them by status (--status imported), or both; --split keeps those of one"
                        + " split. Every named tile is checked first: one that is not a tile, or has no label, marks"
                        + " none. Prints one JSON line {\"accepted\": [...], \"already_accepted\": [...]}."})
final class ProjectAcceptCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "the project folder")
    Path project;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "TILE", description = "names of the tiles to accept")
    List<String> names = List.of();

    @Option(names = "--status", split = ",", paramLabel = "STATUS",
            description = "also every label of this status: imported, edited or predicted")
    List<String> statuses = List.of();

    @Option(names = "--split", paramLabel = "SPLIT", converter = SplitOption.class,
            description = "only tiles of this split: train, validation or test")
    Split split;

    @Override
    public Integer call() throws IOException {
        Set<LabelStatus> chosenStatuses = chosenStatuses();
        if (names.isEmpty() && chosenStatuses.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "name the tiles to accept, or choose them with"
                    + " --status (imported, edited or predicted)");
        }
        Project opened = Project.open(project);
        Set<Tile> tiles = new LinkedHashSet<>();
        for (String name : names) {
            Tile tile = ProjectTiles.named(opened, name);
            if (opened.status(tile) == LabelStatus.NONE) {
                throw new IllegalArgumentException(name + " has no label to accept: label it first (in the window,"
                        + " with autolabel or with import-labels)");
            }
            tiles.add(tile);
        }
        for (Tile tile : opened.tiles()) {
            if (chosenStatuses.contains(opened.status(tile))) {
                tiles.add(tile);
            }
        }
        if (split != null) {
            tiles.removeIf(tile -> opened.split(tile) != split);
        }
        List<String> accepted = new ArrayList<>();
        List<String> alreadyAccepted = new ArrayList<>();
        ProgressLine progress = new ProgressLine(System.err, "labels");
        int done = 0;
        for (Tile tile : tiles) {
            if (opened.status(tile) == LabelStatus.ACCEPTED) {
                alreadyAccepted.add(tile.name());
            } else {
                LabelMask label = opened.readLabel(tile).orElseThrow();
                opened.writeLabel(tile, label, LabelStatus.ACCEPTED);
                accepted.add(tile.name());
            }
            progress.show(++done, tiles.size());
        }
        progress.finish();
        if (tiles.isEmpty()) {
            String chosen = statuses.isEmpty() ? "none of the tiles named"
                    : "no tile " + (names.isEmpty() ? "" : "named or ") + "with a label of status "
                    + String.join(" or ", statuses);
            System.err.println("no label to accept: " + chosen + (split == null ? "" : " is in the " + split.key()
                    + " split"));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("accepted", accepted);
        result.put("already_accepted", alreadyAccepted);
        System.out.println(new ObjectMapper().writeValueAsString(result));
        return 0;
    }

    private Set<LabelStatus> chosenStatuses() {
        Set<LabelStatus> chosen = new LinkedHashSet<>();
        for (String status : statuses) {
            LabelStatus parsed = switch (status.toLowerCase(Locale.ROOT)) {
                case "imported" -> LabelStatus.IMPORTED;
                case "edited" -> LabelStatus.EDITED;
                case "predicted" -> LabelStatus.PREDICTED;
                default -> throw new ParameterException(spec.commandLine(), "--status " + status + ": use imported,"
                        + " edited or predicted (the statuses of labels not yet accepted)");
            };
            chosen.add(parsed);
        }
        return chosen;
    }
}
