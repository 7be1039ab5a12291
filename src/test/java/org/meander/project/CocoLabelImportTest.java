package org.meander.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.meander.testing.Messages.assertContains;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meander.project.export.CocoExport;

/** Labels from COCO files: Meander's own export read back, and the forms labelling tools write. */
class CocoLabelImportTest {

    private static final int W = 9;
    private static final int H = 7;
    private static final CocoLabelImport.Settings PLAIN = new CocoLabelImport.Settings(null, false, false);

    @TempDir
    Path dir;

    @Test
    void meandersOwnExportReadsBackIntoTheSameLabels() throws IOException {
        Project source = project("source", "a", "b", "empty", "unlabelled");
        LabelMask ragged = randomMask(new Random(3));
        source.writeLabel(source.tile("a").orElseThrow(), ragged, LabelStatus.ACCEPTED);
        source.writeLabel(source.tile("b").orElseThrow(), leftColumns(3), LabelStatus.EDITED);
        source.writeLabel(source.tile("empty").orElseThrow(), new LabelMask(W, H, new byte[W * H]),
                LabelStatus.EDITED);
        Path coco = dir.resolve("labels.json");
        CocoExport.write(source, coco, tile -> true);
        Project target = project("target", "a", "b", "empty", "unlabelled");

        CocoLabelImport.Report report = CocoLabelImport.run(target, coco, PLAIN);

        assertEquals(4, report.images());
        assertEquals(List.of("a", "b"), report.labelled());
        assertEquals(2, report.imagesWithoutAnnotations(), "the empty label and the unlabelled tile");
        assertEquals(ragged, target.readLabel(target.tile("a").orElseThrow()).orElseThrow());
        assertEquals(LabelStatus.IMPORTED, target.status(target.tile("a").orElseThrow()));
        assertEquals(LabelStatus.NONE, target.status(target.tile("unlabelled").orElseThrow()));

        CocoLabelImport.Report again = CocoLabelImport.run(target, coco,
                new CocoLabelImport.Settings(null, true, false));
        assertEquals(2, again.unchanged());
        assertEquals(List.of("empty", "unlabelled"), again.labelled(), "images without annotations: no river");
        assertEquals(new LabelMask(W, H, new byte[W * H]),
                target.readLabel(target.tile("unlabelled").orElseThrow()).orElseThrow());
    }

    @Test
    void polygonsAndUncompressedRunsAsLabellingToolsWriteThem() throws IOException {
        Project project = project("tools", "poly", "runs");
        // edges through pixel centres, where the rule decides: a triangle's diagonal, a rectangle at half pixels
        String polygons = "[[0,0, 4,0, 0,4], [1.5,0.5, 7.5,0.5, 7.5,5.5, 1.5,5.5]]";
        String runs = "[7, 2, " + (W * H - 9) + "]";
        Path coco = write("""
                {"images": [{"id": 1, "file_name": "frames/poly.png", "width": %d, "height": %d},
                            {"id": 2, "file_name": "runs.jpg", "width": %d, "height": %d}],
                 "annotations": [{"id": 10, "image_id": 1, "category_id": 3, "segmentation": %s, "iscrowd": 0},
                                 {"id": 11, "image_id": 2, "category_id": 3, "iscrowd": 1,
                                  "segmentation": {"size": [%d, %d], "counts": %s}}],
                 "categories": [{"id": 3, "name": "water"}]}
                """.formatted(W, H, W, H, polygons, H, W, runs));

        CocoLabelImport.Report report = CocoLabelImport.run(project, coco, PLAIN);

        assertEquals(List.of("poly", "runs"), report.labelled(), report.problems().toString());
        // as pycocotools 2.0.11 decodes the two (mask.decode(mask.merge(mask.frPyObjects(polygons, 7, 9)))), row by row
        String pycocotools = "111000000" + "111111110" + "101111110" + "001111110" + "001111110" + "001111110"
                + "000000000";
        byte[] expected = new byte[W * H];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = (byte) (pycocotools.charAt(i) - '0');
        }
        assertEquals(new LabelMask(W, H, expected),
                project.readLabel(project.tile("poly").orElseThrow()).orElseThrow());
        byte[] column = new byte[W * H];
        column[1] = 1; // pixels 7 and 8 down the columns: (x, y) = (1, 0) and (1, 1)
        column[W + 1] = 1;
        assertEquals(new LabelMask(W, H, column), project.readLabel(project.tile("runs").orElseThrow()).orElseThrow());
    }

    @Test
    void aTilesOwnLabelIsKeptUnlessReplacingAndWhatCannotBeUsedIsNamed() throws IOException {
        Project project = project("kept", "mine", "other");
        LabelMask mine = leftColumns(5);
        project.writeLabel(project.tile("mine").orElseThrow(), mine, LabelStatus.EDITED);
        Path coco = write("""
                {"images": [{"id": 1, "file_name": "mine.png", "width": %d, "height": %d},
                            {"id": 2, "file_name": "other.png", "width": 100, "height": 100},
                            {"id": 3, "file_name": "stranger.png", "width": %d, "height": %d}],
                 "annotations": [{"id": 1, "image_id": 1, "category_id": 1, "segmentation": [[0,0, 3,0, 3,3]]},
                                 {"id": 2, "image_id": 2, "category_id": 1, "segmentation": [[0,0, 3,0, 3,3]]}],
                 "categories": [{"id": 1, "name": "river"}]}
                """.formatted(W, H, W, H));

        CocoLabelImport.Report report = CocoLabelImport.run(project, coco, PLAIN);

        assertEquals(List.of("mine"), report.keptTheirLabel());
        assertEquals(mine, project.readLabel(project.tile("mine").orElseThrow()).orElseThrow());
        assertEquals(2, report.problems().size(), report.problems().toString());
        assertContains(report.problems().get(0), "other.png is 100 x 100", "tile other is 9 x 7");
        assertContains(report.problems().get(1), "stranger.png is not a tile", "no tile named stranger");
        assertEquals(LabelStatus.NONE, project.status(project.tile("other").orElseThrow()));

        CocoLabelImport.Report replaced = CocoLabelImport.run(project, coco,
                new CocoLabelImport.Settings(null, false, true));
        assertEquals(List.of("mine"), replaced.labelled());
        assertEquals(mine, project.originalLabel(project.tile("mine").orElseThrow()).orElseThrow(),
                "the replaced label stays in the history");
    }

    @Test
    void ofSeveralCategoriesTheRiversIsChosenByNameOrId() throws IOException {
        Project project = project("categories", "t");
        Path coco = write("""
                {"images": [{"id": 1, "file_name": "t.png", "width": %d, "height": %d}],
                 "annotations": [{"id": 1, "image_id": 1, "category_id": 1, "segmentation": [[0,0, 2,0, 2,2, 0,2]]},
                                 {"id": 2, "image_id": 1, "category_id": 2, "segmentation": [[4,4, 6,4, 6,6, 4,6]]}],
                 "categories": [{"id": 1, "name": "water"}, {"id": 2, "name": "sand"}]}
                """.formatted(W, H));

        IOException unchosen = assertThrows(IOException.class, () -> CocoLabelImport.run(project, coco, PLAIN));
        assertContains(unchosen.getMessage(), coco.toString(), "water (1), sand (2)", "--category");
        IOException unknown = assertThrows(IOException.class, () -> CocoLabelImport.run(project, coco,
                new CocoLabelImport.Settings("river", false, false)));
        assertContains(unknown.getMessage(), "no category river", "water (1), sand (2)");

        CocoLabelImport.run(project, coco, new CocoLabelImport.Settings("sand", false, false));
        LabelMask sand = project.readLabel(project.tile("t").orElseThrow()).orElseThrow();
        assertEquals(4, sand.foreground());
        assertEquals(1, sand.pixels()[4 * W + 4]);
        CocoLabelImport.run(project, coco, new CocoLabelImport.Settings("1", false, true));
        assertEquals(1, project.readLabel(project.tile("t").orElseThrow()).orElseThrow().pixels()[0]);
    }

    @Test
    void aFileThatIsNotCocoIsRefusedByName() throws IOException {
        Project project = project("geojson", "t");
        Path geojson = write("{\"type\": \"FeatureCollection\", \"features\": []}");

        IOException refused = assertThrows(IOException.class, () -> CocoLabelImport.run(project, geojson, PLAIN));

        assertFalse(CocoLabelImport.isCoco(geojson));
        assertFalse(CocoLabelImport.isCoco(write("not JSON at all")));
        assertFalse(CocoLabelImport.isCoco(write("[1, 2]")));
        assertTrue(CocoLabelImport.isCoco(write("{\"info\": {\"a\": [1]}, \"images\": [], \"annotations\": []}")));

        assertContains(refused.getMessage(), geojson.toString(), "not a COCO file", "--geojson");
    }

    private Project project(String name, String... tiles) throws IOException {
        Path folder = dir.resolve(name);
        for (String tile : tiles) {
            TestImages.tile(folder.resolve("tiles").resolve(tile + ".png"), W, H);
        }
        return Project.open(folder);
    }

    private Path write(String json) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "coco", ".json"), json);
    }

    private static LabelMask leftColumns(int columns) {
        byte[] pixels = new byte[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < columns; x++) {
                pixels[y * W + x] = 1;
            }
        }
        return new LabelMask(W, H, pixels);
    }

    private static LabelMask randomMask(Random random) {
        byte[] pixels = new byte[W * H];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (random.nextInt(3) == 0 ? 1 : 0);
        }
        return new LabelMask(W, H, pixels);
    }
}
