package org.meander.project;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Dimension;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.meander.project.export.CocoPolygon;
import org.meander.project.export.CocoRle;
import org.meander.project.export.Rle;

/**
 * Labels from a COCO instance-segmentation file, as labelling tools (CVAT, Label Studio, Roboflow) and Meander's own
 * export write it: each image labels the tile of the same name (its {@code file_name} without folders and
 * extension) with the union of its annotations' masks, marked IMPORTED, to be checked. Segmentations are polygons
 * (filled as pycocotools fills them, {@link CocoPolygon}) or RLE, compressed or not. An image
 * without annotations of the category labels nothing unless it is to mean "no river here": tools list images not
 * yet labelled that way too. A tile's existing label is kept unless asked otherwise; a label it replaces stays in the
 * tile's history.
 */
public final class CocoLabelImport {

    /** What to import: which category (null: the file's only one), and what images without annotations mean. */
    public record Settings(String category, boolean unannotatedAsEmpty, boolean replace) {
    }

    /**
     * What happened: the file's images and the annotations used; the tiles labelled; tiles whose label would not
     * change; tiles that kept their own label; images without annotations left alone; each image or annotation that
     * could not be used, with the reason.
     */
    public record Report(int images, int annotations, List<String> labelled, int unchanged,
                         List<String> keptTheirLabel, int imagesWithoutAnnotations, List<String> problems) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CocoLabelImport() {
    }

    /**
     * Whether the file is a COCO file (a JSON object with "images" and "annotations"), read as a stream without
     * holding it: a GeoJSON file, or anything else, is not.
     */
    public static boolean isCoco(Path file) throws IOException {
        boolean images = false;
        boolean annotations = false;
        try (JsonParser parser = MAPPER.getFactory().createParser(file.toFile())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.getCurrentName();
                if (name.equals("features")) {
                    return false; // GeoJSON, known before its features are read through
                }
                images |= name.equals("images");
                annotations |= name.equals("annotations");
                parser.nextToken();
                parser.skipChildren();
            }
        } catch (JsonProcessingException e) {
            return false; // not JSON at all: whoever reads it next says what is wrong with it
        }
        return images && annotations;
    }

    /**
     * Labels the project's tiles from the file.
     *
     * @throws IOException when the file is not COCO, or its category cannot be told (each names the file and what to
     *                     do); an image or annotation that cannot be used is a problem of the report, not an error
     */
    public static Report run(Project project, Path file, Settings settings) throws IOException {
        JsonNode root = read(file);
        long category = category(file, root.path("categories"), settings.category());
        Map<Long, List<JsonNode>> annotationsByImage = new HashMap<>();
        int used = 0;
        for (JsonNode annotation : root.path("annotations")) {
            if (annotation.path("category_id").asLong(Long.MIN_VALUE) == category) {
                annotationsByImage.computeIfAbsent(annotation.path("image_id").asLong(), id -> new ArrayList<>())
                        .add(annotation);
                used++;
            }
        }
        List<String> problems = new ArrayList<>();
        List<String> labelled = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        int unchanged = 0;
        int withoutAnnotations = 0;
        JsonNode images = root.path("images");
        for (JsonNode image : images) {
            String fileName = image.path("file_name").asText("");
            Optional<Tile> tile = project.tile(stem(fileName));
            if (tile.isEmpty()) {
                problems.add(file + ": image " + fileName + " is not a tile of the project (no tile named "
                        + stem(fileName) + ")");
                continue;
            }
            List<JsonNode> annotations = annotationsByImage.getOrDefault(image.path("id").asLong(), List.of());
            if (annotations.isEmpty() && !settings.unannotatedAsEmpty()) {
                withoutAnnotations++;
                continue;
            }
            Optional<LabelMask> label = label(project, tile.get(), image, annotations, file, problems);
            if (label.isEmpty()) {
                continue;
            }
            Optional<LabelMask> existing = project.readLabel(tile.get());
            if (existing.isPresent() && existing.get().equals(label.get())) {
                unchanged++;
            } else if (existing.isPresent() && !settings.replace()) {
                kept.add(tile.get().name());
            } else {
                project.importLabel(tile.get(), label.get());
                labelled.add(tile.get().name());
            }
        }
        return new Report(images.size(), used, labelled, unchanged, kept, withoutAnnotations, problems);
    }

    private static JsonNode read(Path file) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException(file + ": not readable as JSON (" + e.getMessage() + ")", e);
        }
        if (root == null || !root.path("images").isArray() || !root.path("annotations").isArray()) {
            throw new IOException(file + ": not a COCO file (it needs \"images\" and \"annotations\" lists); a"
                    + " GeoJSON file is imported with --geojson");
        }
        return root;
    }

    /** The id of the category asked for, by name or id, or of the file's only category. */
    private static long category(Path file, JsonNode categories, String asked) throws IOException {
        Map<Long, String> names = new LinkedHashMap<>();
        for (JsonNode category : categories) {
            names.put(category.path("id").asLong(), category.path("name").asText(""));
        }
        if (asked == null) {
            if (names.size() == 1) {
                return names.keySet().iterator().next();
            }
            throw new IOException(file + ": " + (names.isEmpty() ? "no category is listed"
                    : "it has " + names.size() + " categories (" + listed(names) + "); choose the river's with"
                    + " --category NAME or ID"));
        }
        for (Map.Entry<Long, String> category : names.entrySet()) {
            if (category.getValue().equals(asked) || Long.toString(category.getKey()).equals(asked)) {
                return category.getKey();
            }
        }
        throw new IOException(file + ": no category " + asked + "; it has " + listed(names));
    }

    private static String listed(Map<Long, String> names) {
        List<String> each = new ArrayList<>();
        names.forEach((id, name) -> each.add(name + " (" + id + ")"));
        return String.join(", ", each);
    }

    /** The union of the annotations' masks at the tile's size, or empty (with a problem) when they do not fit it. */
    private static Optional<LabelMask> label(Project project, Tile tile, JsonNode image, List<JsonNode> annotations,
                                             Path file, List<String> problems) throws IOException {
        Dimension size = project.size(tile);
        String where = file + ": image " + image.path("file_name").asText();
        if (image.path("width").asInt(size.width) != size.width
                || image.path("height").asInt(size.height) != size.height) {
            problems.add(where + " is " + image.path("width").asInt() + " x " + image.path("height").asInt()
                    + " but tile " + tile.name() + " is " + size.width + " x " + size.height + "; left alone");
            return Optional.empty();
        }
        byte[] pixels = new byte[size.width * size.height];
        for (JsonNode annotation : annotations) {
            String which = where + ", annotation " + annotation.path("id").asText();
            JsonNode segmentation = annotation.path("segmentation");
            try {
                if (segmentation.isArray()) {
                    for (JsonNode polygon : segmentation) {
                        add(pixels, CocoPolygon.mask(coordinates(polygon), size.height, size.width));
                    }
                } else if (segmentation.isObject()) {
                    add(pixels, rle(segmentation, size));
                } else {
                    throw new IllegalArgumentException("has no segmentation (polygons or RLE)");
                }
            } catch (IllegalArgumentException e) {
                problems.add(which + ": " + e.getMessage() + "; tile " + tile.name() + " left alone");
                return Optional.empty();
            }
        }
        return Optional.of(new LabelMask(size.width, size.height, pixels));
    }

    private static void add(byte[] pixels, LabelMask mask) {
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] |= mask.pixels()[i];
        }
    }

    private static double[] coordinates(JsonNode ring) {
        if (!ring.isArray() || ring.size() < 6 || ring.size() % 2 != 0) {
            throw new IllegalArgumentException("has a polygon of " + ring.size() + " numbers; a polygon is at least"
                    + " three x, y pairs");
        }
        double[] xy = new double[ring.size()];
        for (int i = 0; i < xy.length; i++) {
            if (!ring.get(i).isNumber()) {
                throw new IllegalArgumentException("has a polygon coordinate that is not a number: " + ring.get(i));
            }
            xy[i] = ring.get(i).asDouble();
        }
        return xy;
    }

    /** RLE, its counts a compressed string (pycocotools) or a list of runs (uncompressed, as CVAT writes). */
    private static LabelMask rle(JsonNode segmentation, Dimension size) {
        JsonNode rleSize = segmentation.path("size");
        int height = rleSize.path(0).asInt(-1);
        int width = rleSize.path(1).asInt(-1);
        if (height != size.height || width != size.width) {
            throw new IllegalArgumentException("has an RLE of size " + rleSize + " (height, width), not the image's ["
                    + size.height + ", " + size.width + "]");
        }
        JsonNode counts = segmentation.path("counts");
        if (counts.isTextual()) {
            return CocoRle.decode(new Rle(height, width, counts.asText()));
        }
        if (!counts.isArray()) {
            throw new IllegalArgumentException("has an RLE without counts");
        }
        long[] runs = new long[counts.size()];
        for (int i = 0; i < runs.length; i++) {
            runs[i] = counts.get(i).asLong(-1);
        }
        try {
            return CocoRle.decode(height, width, runs);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("has RLE counts that " + e.getMessage(), e);
        }
    }

    /** A file name without its folders (COCO files may keep the path they were made with) and extension. */
    private static String stem(String fileName) {
        String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
