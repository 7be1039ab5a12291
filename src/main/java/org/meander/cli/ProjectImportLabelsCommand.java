package org.meander.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.meander.project.CocoLabelImport;
import org.meander.project.Project;
import org.meander.project.vector.FeatureFilter;
import org.meander.project.vector.PolygonLabelImport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code ./meander project import-labels DIR (--geojson PATH... [--where KEY=VALUE] | --coco FILE [--category C])
 * [--replace]}: labels from a GIS's polygons, or from a labelling tool's COCO file.
 */
@Command(name = "import-labels", mixinStandardHelpOptions = true,
        description = {"Label tiles from polygons (river outlines drawn in a GIS, or exported by `project export"
                + " --format geojson` and edited there): each polygon is filled into the tiles it covers, a pixel"
                + " taken where its centre is inside, and the label marked imported, to be checked.",
                "A file named like a tile (<tile>.geojson) labels that tile, in map coordinates when its imagery is"
                        + " georeferenced and in pixels otherwise, even with no polygon in it (no river there). A file"
                        + " named like a raster cut into the project without georeferencing labels its tiles, in the"
                        + " raster's pixels. Any other file labels each georeferenced tile that its polygons reach."
                        + " GeoJSON without a crs member is WGS 84; a layer in another CRS than a tile's imagery is"
                        + " carried into it by EPSG code.",
                "With --coco, each image of a COCO file labels the tile of its name with its annotations' masks"
                        + " (polygons or RLE).",
                "Prints one JSON line {\"files\", \"polygons\", \"features_left_out\", \"labelled\","
                        + " \"unchanged\", \"kept_their_label\", \"reprojected\", \"problems\"} (with --coco:"
                        + " {\"images\", \"annotations\", \"labelled\", \"unchanged\", \"kept_their_label\","
                        + " \"unannotated\", \"problems\"}), the problems also on stderr. Exit 0 when any tile was"
                        + " labelled or found already so, or nothing went wrong."})
final class ProjectImportLabelsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "the project folder")
    Path project;

    @Option(names = "--geojson", arity = "1..*", paramLabel = "PATH",
            description = "GeoJSON files, or folders whose .geojson and .json files are read (not their subfolders)")
    List<Path> paths;

    @Option(names = "--coco", paramLabel = "FILE", description = "a COCO instance-segmentation file (CVAT, Label"
            + " Studio, Roboflow, `project export --format coco`) instead: each image labels the tile of its name")
    Path coco;

    @Option(names = "--category", paramLabel = "NAME|ID", description = "with --coco: the river's category, when the"
            + " file has several")
    String category;

    @Option(names = "--unannotated-as-empty", description = "with --coco: an image without annotations means no river"
            + " there, and labels its tile empty (without it such images label nothing: tools list images not yet"
            + " labelled too)")
    boolean unannotatedAsEmpty;

    @Option(names = "--where", paramLabel = "KEY=VALUE", converter = WhereOption.class,
            description = "only features whose property KEY is VALUE, such as DN=255 for gdal_polygonize's river"
                    + " polygons or fclass=river in a hydrography layer (default: every feature)")
    FeatureFilter where = FeatureFilter.ALL;

    @Option(names = "--replace", description = "replace labels tiles already have (the replaced ones stay in each"
            + " tile's history); without it such tiles keep theirs")
    boolean replace;

    @Override
    public Integer call() throws IOException {
        if ((paths == null) == (coco == null)) {
            throw new ParameterException(spec.commandLine(), "give the labels to import: --geojson PATH... or --coco"
                    + " FILE (one of them)");
        }
        if (coco == null && (category != null || unannotatedAsEmpty)) {
            throw new ParameterException(spec.commandLine(), "--category and --unannotated-as-empty are for --coco");
        }
        if (coco != null && where != FeatureFilter.ALL) {
            throw new ParameterException(spec.commandLine(), "--where is for --geojson; with --coco, choose with"
                    + " --category");
        }
        Project opened = Project.open(project);
        return coco == null ? importPolygons(opened) : importCoco(opened);
    }

    private int importCoco(Project opened) throws IOException {
        CocoLabelImport.Report report = CocoLabelImport.run(opened, coco,
                new CocoLabelImport.Settings(category, unannotatedAsEmpty, replace));
        report.problems().forEach(System.err::println);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("images", report.images());
        result.put("annotations", report.annotations());
        result.put("labelled", report.labelled().size());
        result.put("unchanged", report.unchanged());
        result.put("kept_their_label", report.keptTheirLabel());
        result.put("unannotated", report.imagesWithoutAnnotations());
        result.put("problems", report.problems());
        System.out.println(new ObjectMapper().writeValueAsString(result));
        boolean used = report.labelled().size() + report.unchanged() > 0;
        return used || report.problems().isEmpty() ? 0 : 1;
    }

    private int importPolygons(Project opened) throws IOException {
        PolygonLabelImport.Report report = PolygonLabelImport.run(opened, files(), where, replace);
        report.problems().forEach(System.err::println);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("files", report.files());
        result.put("polygons", report.polygons());
        result.put("features_left_out", report.featuresLeftOut());
        result.put("labelled", report.labelled().size());
        result.put("unchanged", report.unchanged());
        result.put("kept_their_label", report.keptTheirLabel());
        result.put("reprojected", report.reprojected());
        result.put("problems", report.problems());
        System.out.println(new ObjectMapper().writeValueAsString(result));
        boolean used = report.labelled().size() + report.unchanged() > 0;
        return used || report.problems().isEmpty() ? 0 : 1;
    }

    /** KEY=VALUE, refused as a usage error otherwise. */
    static final class WhereOption implements ITypeConverter<FeatureFilter> {

        @Override
        public FeatureFilter convert(String value) {
            try {
                return FeatureFilter.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    private List<Path> files() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            files.addAll(PolygonLabelImport.filesAt(path));
        }
        return files;
    }
}
