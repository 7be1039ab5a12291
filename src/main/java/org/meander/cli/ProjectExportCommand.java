package org.meander.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.meander.project.Project;
import org.meander.project.Split;
import org.meander.project.Tile;
import org.meander.project.export.CocoExport;
import org.meander.project.export.PngExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./meander project export DIR --format png|coco --out PATH [--split S]}: labels for other tools. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export a project's labels: png (a folder of 0/255 masks) or coco (instance segmentation JSON"
                + " with RLE as pycocotools encodes it).")
final class ProjectExportCommand implements Callable<Integer> {

    /** The formats this command writes; Hugging Face parquet and GeoTIFF come with later work. */
    enum Format { png, coco }

    @Parameters(index = "0", description = "the project folder")
    Path project;

    @Option(names = "--format", required = true, description = "png or coco")
    Format format;

    @Option(names = "--out", required = true, description = "png: a folder; coco: the JSON file")
    Path out;

    @Option(names = "--split", description = "only tiles of this split: train, validation or test")
    String split;

    @Override
    public Integer call() throws IOException {
        Project opened = Project.open(project);
        Predicate<Tile> which = tilesOf(opened);
        int written = switch (format) {
            case png -> PngExport.write(opened, out, which);
            case coco -> CocoExport.write(opened, out, which);
        };
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("format", format.name());
        result.put("out", out.toAbsolutePath().toString());
        result.put(format == Format.png ? "masks" : "annotations", written);
        System.out.println(new ObjectMapper().writeValueAsString(result));
        return 0;
    }

    private Predicate<Tile> tilesOf(Project opened) {
        if (split == null) {
            return tile -> true;
        }
        for (Split s : Split.values()) {
            if (s.key().equals(split)) {
                return tile -> opened.split(tile) == s;
            }
        }
        throw new IllegalArgumentException("--split " + split + ": use train, validation or test");
    }
}
