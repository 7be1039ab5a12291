package org.meander.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.meander.project.Project;
import org.meander.project.Split;
import org.meander.project.export.ExportTarget;
import org.meander.project.export.LabelExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code ./meander project export DIR --format png|coco|geotiff|geojson|geojson-wgs84|hf --out PATH [--split S]
 * [--accepted-only] [--overwrite] [--simplify PIXELS]}: labels for other tools.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export a project's labels: png (a folder of 0/255 masks), coco (instance segmentation JSON"
                + " with RLE as pycocotools encodes it), geotiff (a folder of 0/255 GeoTIFF masks placed like their"
                + " imagery), geojson (a folder of GeoJSON files, a polygon per region of river along its pixel"
                + " edges, in map coordinates where the imagery is georeferenced, else in pixels), geojson-wgs84 (the"
                + " same in longitude and latitude, as web maps read GeoJSON; tiles without georeferencing are left"
                + " out) or hf (a Hugging Face dataset: a parquet file per split with image and label columns, labels"
                + " 0/1 class-index PNGs; unlabelled tiles are left out). png, geotiff and both geojsons also stitch"
                + " the tiles of each raster cut by `project tile` into one mask (or one set of outlines) of its"
                + " size, in OUT/stitched/, unless --split or --accepted-only is given. An earlier export in OUT is"
                + " replaced only with --overwrite, and then wholly; a folder of other files is refused; an export"
                + " that would write nothing is refused, saying why.")
final class ProjectExportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "the project folder")
    Path project;

    @Option(names = "--format", paramLabel = "FORMAT", required = true, converter = FormatOption.class,
            description = "png, coco, geotiff, geojson, geojson-wgs84 or hf")
    LabelExport.Format format;

    @Option(names = "--out", paramLabel = "PATH",
            required = true, description = "coco: the JSON file; the others: a folder")
    Path out;

    @Option(names = "--split", paramLabel = "SPLIT", converter = SplitOption.class,
            description = "only tiles of this split: train, validation or test")
    Split split;

    @Option(names = "--accepted-only", description = "only labels marked accepted: those a person checked")
    boolean acceptedOnly;

    @Option(names = "--overwrite", description = "replace an earlier export in --out: the files it wrote there go,"
            + " other files stay (coco: replace the file)")
    boolean overwrite;

    @Option(names = "--simplify", paramLabel = "PIXELS", defaultValue = "0",
            description = "geojson: simplify the outlines, each staying within PIXELS of the pixel edges, no polygon"
                    + " made invalid or crossing another (Douglas-Peucker keeping topology; 1 smooths pixel"
                    + " staircases); 0, the default, follows the pixel edges exactly")
    double simplify;

    @Override
    public Integer call() throws IOException {
        LabelExport.Options options;
        try {
            options = new LabelExport.Options(split, acceptedOnly, simplify);
        } catch (IllegalArgumentException e) {
            // the options refuse only a tolerance below 0: said here in the command's words
            throw new IllegalArgumentException("--simplify " + simplify + ": give 0 or more pixels (1 smooths the"
                    + " outlines' pixel staircases)", e);
        }
        if (simplify > 0 && format != LabelExport.Format.GEOJSON && format != LabelExport.Format.GEOJSON_WGS84) {
            throw new IllegalArgumentException("--simplify applies to the outlines of --format geojson and"
                    + " geojson-wgs84, not to " + format.key());
        }
        Project opened = Project.open(project);
        ExportTarget target = ExportTarget.of(opened, format, out);
        if (target.problem().isPresent()) {
            throw new IllegalArgumentException("--out " + target.problem().get());
        }
        if (target.earlier().isPresent() && !overwrite) {
            throw new IllegalArgumentException("--out " + out + " " + target.earlier().get() + "; add --overwrite to"
                    + " replace it" + (format.writesAFile() ? ", or name another file"
                    : " (files it did not write are kept), or choose an empty folder"));
        }
        Map<String, Object> result = LabelExport.write(opened, format, out, options, overwrite);
        System.out.println(new ObjectMapper().writeValueAsString(result));
        return 0;
    }

    /** png, coco, geotiff, geojson, geojson-wgs84 or hf, as the help writes them. */
    static final class FormatOption implements ITypeConverter<LabelExport.Format> {

        @Override
        public LabelExport.Format convert(String value) {
            for (LabelExport.Format format : LabelExport.Format.values()) {
                if (format.key().equals(value)) {
                    return format;
                }
            }
            throw new TypeConversionException("'" + value + "': use png, coco, geotiff, geojson, geojson-wgs84 or hf");
        }
    }
}
