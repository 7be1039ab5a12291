package org.meander.project.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meander.project.Project;

class CocoExportTest {

    @TempDir
    Path dir;

    @Test
    void everyTileIsAnImageAndEachNonEmptyLabelOneAnnotation() throws IOException {
        Project project = ExportFixture.create(dir.resolve("river"));
        Path json = dir.resolve("coco.json");

        assertEquals(1, CocoExport.write(project, json, tile -> true));

        JsonNode root = new ObjectMapper().readTree(json.toFile());
        JsonNode images = root.get("images");
        assertEquals(3, images.size());
        assertImage(images.get(0), 1, "a.png", 4, 3);
        assertImage(images.get(1), 2, "b.png", 5, 2);
        assertImage(images.get(2), 3, "c.png", 3, 3);

        JsonNode annotations = root.get("annotations");
        assertEquals(1, annotations.size(), "b's label is empty and c has none: only a is annotated");
        JsonNode a = annotations.get(0);
        assertEquals(1, a.get("id").asInt());
        assertEquals(1, a.get("image_id").asInt());
        assertEquals(1, a.get("category_id").asInt());
        assertEquals(0, a.get("iscrowd").asInt());
        assertEquals(5, a.get("area").asLong());
        assertArrayEquals(new int[] {1, 0, 3, 3}, ints(a.get("bbox")));
        JsonNode segmentation = a.get("segmentation");
        assertArrayEquals(new int[] {3, 4}, ints(segmentation.get("size")), "COCO's size is [height, width]");
        Rle rle = new Rle(3, 4, segmentation.get("counts").asText());
        assertEquals(ExportFixture.A_LABEL, CocoRle.decode(rle));

        JsonNode categories = root.get("categories");
        assertEquals(1, categories.size());
        assertEquals(1, categories.get(0).get("id").asInt());
        assertEquals("river", categories.get(0).get("name").asText());
        assertTrue(root.get("info").isObject());
        assertEquals(List.of("coco.json", "river"), namesIn(dir), "no temporary file is left behind");
    }

    @Test
    void onlyTheChosenTilesAreExported() throws IOException {
        Project project = ExportFixture.create(dir.resolve("river"));
        Path json = dir.resolve("coco.json");

        assertEquals(0, CocoExport.write(project, json, tile -> !tile.name().equals("a")));

        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertEquals(2, root.get("images").size());
        assertEquals("b.png", root.get("images").get(0).get("file_name").asText());
        assertEquals(0, root.get("annotations").size());
    }

    @Test
    void aMissingFolderIsNamed() throws IOException {
        Project project = ExportFixture.create(dir.resolve("river"));
        Path json = dir.resolve("nowhere/coco.json");
        IOException e = assertThrows(IOException.class, () -> CocoExport.write(project, json, tile -> true));
        assertTrue(e.getMessage().contains(dir.resolve("nowhere").toString()), e.getMessage());
    }

    private static void assertImage(JsonNode image, int id, String fileName, int width, int height) {
        assertEquals(id, image.get("id").asInt());
        assertEquals(fileName, image.get("file_name").asText());
        assertEquals(width, image.get("width").asInt());
        assertEquals(height, image.get("height").asInt());
    }

    private static int[] ints(JsonNode array) {
        int[] values = new int[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asInt();
        }
        return values;
    }

    static List<String> namesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return new ArrayList<>(files.map(f -> f.getFileName().toString()).sorted().toList());
        }
    }
}
