package org.meander.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.meander.project.Project;
import org.meander.project.vector.FeatureFilter;
import org.meander.project.vector.PolygonLabelImport;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code ./meander project import-labels DIR --geojson PATH... [--where KEY=VALUE] [--replace]}: labels from a GIS's
 * polygons.
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
                "Prints one JSON line {\"files\", \"polygons\", \"features_left_out\", \"labelled\","
                        + " \"unchanged\", \"kept_their_label\", \"reprojected\", \"problems\"}, the problems also on"
                        + " stderr. Exit 0 when any tile was labelled or found already so, or nothing went wrong."})
final class ProjectImportLabelsCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "the project folder")
    Path project;

    @Option(names = "--geojson", required = true, arity = "1..*", paramLabel = "PATH",
            description = "GeoJSON files, or folders whose .geojson and .json files are read (not their subfolders)")
    List<Path> paths;

    @Option(names = "--where", paramLabel = "KEY=VALUE", converter = WhereOption.class,
            description = "only features whose property KEY is VALUE, such as DN=255 for gdal_polygonize's river"
                    + " polygons or fclass=river in a hydrography layer (default: every feature)")
    FeatureFilter where = FeatureFilter.ALL;

    @Option(names = "--replace", description = "replace labels tiles already have (the replaced ones stay in each"
            + " tile's history); without it such tiles keep theirs")
    boolean replace;

    @Override
    public Integer call() throws IOException {
        Project opened = Project.open(project);
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
