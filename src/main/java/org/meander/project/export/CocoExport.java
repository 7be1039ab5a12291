package org.meander.project.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Predicate;
import org.meander.project.LabelMask;
import org.meander.project.Project;
import org.meander.project.Tile;
import org.meander.weights.AtomicFile;

/**
 * A project's labels as one COCO instance-segmentation file, the form pycocotools, Detectron2 and most training code
 * read: each tile is an image, each non-empty label one "river" annotation whose segmentation is compressed RLE.
 */
public final class CocoExport {

    static final int RIVER = 1;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private CocoExport() {
    }

    /**
     * Writes the tiles {@code which} accepts to {@code jsonFile}, atomically, and returns the number of annotations.
     * Tiles without a label, or with an empty one, are listed as images with no annotation: COCO reads that as "no
     * river here", which for an empty label is true, and for an unlabelled tile keeps the image ids stable as labelling
     * goes on.
     */
    public static int write(Project project, Path jsonFile, Predicate<Tile> which) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode info = root.putObject("info");
        info.put("description", "Meander labels of " + project.directory().getFileName());
        info.put("date_created", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        ArrayNode images = root.putArray("images");
        ArrayNode annotations = root.putArray("annotations");
        int imageId = 0;
        for (Tile tile : project.tiles()) {
            if (!which.test(tile)) {
                continue;
            }
            imageId++;
            Optional<LabelMask> label = project.readLabel(tile);
            // Without a label the empty one carries the tile's size, read from the image header.
            LabelMask mask = label.isPresent() ? label.get() : project.labelOrEmpty(tile);
            ObjectNode image = images.addObject();
            image.put("id", imageId);
            image.put("file_name", tile.image().getFileName().toString());
            image.put("width", mask.width());
            image.put("height", mask.height());
            if (label.isPresent()) {
                Rle rle = CocoRle.encode(mask);
                long area = CocoRle.area(rle);
                if (area > 0) {
                    int annotationId = annotations.size() + 1;
                    annotate(annotations.addObject(), annotationId, imageId, rle, area);
                }
            }
        }
        ArrayNode categories = root.putArray("categories");
        categories.addObject().put("id", RIVER).put("name", "river");

        byte[] json = MAPPER.writeValueAsBytes(root);
        Path parent = jsonFile.toAbsolutePath().getParent();
        if (!Files.isDirectory(parent)) {
            throw new IOException(jsonFile + ": the folder " + parent + " does not exist; create it or choose"
                    + " another place for the COCO file");
        }
        AtomicFile.replace(jsonFile, channel -> {
            ByteBuffer buffer = ByteBuffer.wrap(json);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        });
        return annotations.size();
    }

    private static void annotate(ObjectNode annotation, int id, int imageId, Rle rle, long area) {
        annotation.put("id", id);
        annotation.put("image_id", imageId);
        annotation.put("category_id", RIVER);
        ObjectNode segmentation = annotation.putObject("segmentation");
        segmentation.putArray("size").add(rle.height()).add(rle.width());
        segmentation.put("counts", rle.counts());
        annotation.put("area", area);
        ArrayNode bbox = annotation.putArray("bbox");
        for (int v : CocoRle.bbox(rle)) {
            bbox.add(v);
        }
        annotation.put("iscrowd", 0);
    }
}
