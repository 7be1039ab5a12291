package org.meander.project.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.meander.project.Project;
import org.meander.project.Split;
import org.meander.project.Tile;

/**
 * A project's labels written for other tools, in one of the formats, from all its tiles or one split's; what the
 * command line's {@code project export} and the window's "Export labels…" both do.
 */
public final class LabelExport {

    /** The formats, with what each writes. */
    public enum Format {
        PNG("PNG masks (a folder of 0/255 masks named like the tiles)"),
        COCO("COCO JSON (instance segmentation, RLE as pycocotools encodes it)"),
        GEOTIFF("GeoTIFF masks (a folder of 0/255 masks placed like their imagery)"),
        GEOJSON("GeoJSON outlines (a folder of river polygons, on the map when the imagery is georeferenced)"),
        GEOJSON_WGS84("GeoJSON outlines in longitude and latitude (WGS 84, as web maps read them)"),
        HF("Hugging Face dataset (a parquet file per split, image and label columns)");

        private final String description;

        Format(String description) {
            this.description = description;
        }

        /** The name on the command line: png, coco, geotiff, geojson, geojson-wgs84, hf. */
        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public String description() {
            return description;
        }

        /** Whether the output is one file (COCO's JSON) rather than a folder. */
        public boolean writesAFile() {
            return this == COCO;
        }
    }

    /**
     * Which labels and how: one split's tiles (every tile's when {@code split} is null), only the labels marked
     * accepted (those a person checked), and for the GeoJSON formats the outlines' simplification tolerance in pixels
     * (0: exactly along the pixel edges).
     */
    public record Options(Split split, boolean acceptedOnly, double simplifyPixels) {

        /** Every tile's label, outlines along the pixel edges. */
        public static final Options EVERY_LABEL = new Options(null, false, 0);

        public Options {
            if (!(simplifyPixels >= 0) || Double.isInfinite(simplifyPixels)) {
                throw new IllegalArgumentException("simplify: the tolerance must be 0 or more pixels, got "
                        + simplifyPixels);
            }
        }
    }

    private LabelExport() {
    }

    /**
     * Writes the labels the options choose to {@code out}, a folder or, for COCO, the JSON file; returns what was
     * written, by name, in the command line's JSON words. A whole PNG, GeoTIFF or GeoJSON export also stitches the
     * tiles of each raster cut by {@code project tile} into one mask (or one set of outlines) of its size. An earlier
     * export there is replaced only when {@code replace} (see {@link ExportTarget}); a folder export is written aside
     * and put in place once whole ({@link StagedExport}). An export that would write nothing is refused, saying why.
     */
    public static Map<String, Object> write(Project project, Format format, Path out, Options options,
                                            boolean replace) throws IOException {
        ExportTarget.of(project, format, out).requireWritable(replace);
        LabelSelection selection = LabelSelection.of(project, options);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("format", format.key());
        result.put("out", out.toAbsolutePath().toString());
        if (options.acceptedOnly()) {
            result.put("accepted_only", true);
        }
        boolean outlines = format == Format.GEOJSON || format == Format.GEOJSON_WGS84;
        if (outlines && options.simplifyPixels() > 0) {
            result.put("simplified_pixels", options.simplifyPixels());
        }
        if (format == Format.COCO) {
            // COCO lists the unlabelled tiles too, as images without annotations
            result.put("annotations", CocoExport.write(project, out, selection.which()));
        } else {
            try (StagedExport staged = StagedExport.begin(out)) {
                writeFolder(project, format, staged, options, selection.which(), result);
                staged.commit(format.key());
            }
            result.put("unlabelled_tiles_left_out", selection.unlabelled());
        }
        if (options.acceptedOnly()) {
            result.put("unaccepted_labels_left_out", selection.unaccepted());
        }
        return result;
    }

    private static void writeFolder(Project project, Format format, StagedExport staged, Options options,
                                    Predicate<Tile> which, Map<String, Object> result) throws IOException {
        Path folder = staged.folder();
        switch (format) {
            case PNG -> result.put("masks", PngExport.write(project, folder, which));
            case GEOTIFF -> {
                GeoTiffExport.Written written = GeoTiffExport.write(project, folder, which);
                result.put("masks", written.masks());
                result.put("georeferenced", written.georeferenced());
            }
            case GEOJSON, GEOJSON_WGS84 -> {
                GeoJsonExport.Written written = GeoJsonExport.write(project, folder, which,
                        format == Format.GEOJSON_WGS84, options.simplifyPixels());
                if (written.files() == 0) {
                    throw notOnTheEarth(project, written.notOnTheMap().size());
                }
                result.put("files", written.files());
                result.put("polygons", written.polygons());
                result.put("georeferenced", written.georeferenced());
                if (!written.notOnTheMap().isEmpty()) {
                    result.put("left_out_not_georeferenced", written.notOnTheMap());
                }
            }
            case HF -> {
                HfExport.Result written = HfExport.write(project, folder, which);
                result.put("rows", written.rows());
                result.put("files", written.files().stream().map(f -> staged.placed(f).toString()).toList());
            }
        }
        Optional<StitchedExport.Format> stitched = switch (format) {
            case PNG -> Optional.of(StitchedExport.Format.PNG);
            case GEOTIFF -> Optional.of(StitchedExport.Format.TIFF);
            case GEOJSON -> Optional.of(StitchedExport.Format.GEOJSON);
            case GEOJSON_WGS84 -> Optional.of(StitchedExport.Format.GEOJSON_WGS84);
            case COCO, HF -> Optional.empty();
        };
        if (options.split() == null && !options.acceptedOnly() && stitched.isPresent()) {
            // a split's tiles (or the accepted ones) do not cover a raster, so only a whole export stitches
            result.put("stitched", StitchedExport.write(project, folder, stitched.get(), options.simplifyPixels()));
        }
    }

    /** Outlines in longitude and latitude need tiles placed on the Earth; refused when none of those asked for is. */
    private static IOException notOnTheEarth(Project project, int tiles) {
        return new IOException(project.directory() + ": " + (tiles == 1
                ? "the labelled tile is not placed on the Earth (its imagery has"
                : "none of the " + tiles + " labelled tiles is placed on the Earth (their imagery has")
                + " no georeferencing with an EPSG code); export geojson for outlines in pixels");
    }
}
