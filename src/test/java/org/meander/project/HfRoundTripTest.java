package org.meander.project;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meander.project.export.HfExport;
import org.meander.project.hf.HfParquetReader;
import org.meander.project.hf.HfRow;

/** A project exported as a Hugging Face dataset and imported again: the same images, labels and splits. */
class HfRoundTripTest {

    static final int W = 8;
    static final int H = 6;

    @TempDir
    Path temp;

    /** a (PNG, train), b (JPEG, validation), c (PNG, test, empty label), d (PNG, train, unlabelled). */
    Project project() throws IOException {
        Path dir = temp.resolve("project");
        TestImages.tile(dir.resolve("tiles/a.png"), W, H);
        TestImages.tile(dir.resolve("tiles/b.jpg"), W, H);
        TestImages.tile(dir.resolve("tiles/c.png"), W, H);
        TestImages.tile(dir.resolve("tiles/d.png"), W, H);
        Project project = Project.open(dir);
        Map<String, Split> splits = Map.of("a", Split.TRAIN, "b", Split.VALIDATION, "c", Split.TEST, "d", Split.TRAIN);
        for (Tile tile : project.tiles()) {
            project.setSplit(tile, splits.get(tile.name()));
        }
        project.writeLabel(HfImportTest.tile(project, "a"), mask(i -> i % W < 3 ? 1 : 0), LabelStatus.ACCEPTED);
        project.writeLabel(HfImportTest.tile(project, "b"), mask(i -> i / W < 2 ? 1 : 0), LabelStatus.EDITED);
        project.writeLabel(HfImportTest.tile(project, "c"), mask(i -> 0), LabelStatus.EDITED);
        return project;
    }

    static LabelMask mask(java.util.function.IntUnaryOperator value) {
        byte[] pixels = new byte[W * H];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) value.applyAsInt(i);
        }
        return new LabelMask(W, H, pixels);
    }

    @Test
    void exportThenImportGivesTheSameImagesLabelsAndSplits() throws IOException {
        Project original = project();

        HfExport.Result result = HfExport.write(original, temp.resolve("dataset"), tile -> true);

        assertEquals(List.of(temp.resolve("dataset/train-00000-of-00001.parquet"),
                temp.resolve("dataset/validation-00000-of-00001.parquet"),
                temp.resolve("dataset/test-00000-of-00001.parquet")), result.files());
        assertEquals(3, result.rows(), "d has no label and is left out");

        ImportReport report = HfImport.importFiles(temp.resolve("copy"), result.files(), 1);

        assertEquals(List.of(), report.problems());
        Project copy = Project.open(temp.resolve("copy"));
        assertEquals(List.of("a", "b", "c"), copy.tiles().stream().map(Tile::name).toList());
        for (Tile tile : copy.tiles()) {
            Tile before = HfImportTest.tile(original, tile.name());
            assertEquals(original.split(before), copy.split(tile), tile.name());
            assertEquals(original.readLabel(before), copy.readLabel(tile), tile.name());
            assertPixelsEqual(ImageIO.read(before.image().toFile()), ImageIO.read(tile.image().toFile()));
        }
        assertArrayEquals(Files.readAllBytes(original.directory().resolve("tiles/a.png")),
                Files.readAllBytes(copy.directory().resolve("tiles/a.png")), "a PNG tile travels byte for byte");
        assertEquals(temp.resolve("copy/tiles/b.png"), HfImportTest.tile(copy, "b").image(), "a JPEG tile as PNG");
    }

    @Test
    void labelsAreClassIndexPngsAndImagesNamedByTile() throws IOException {
        Project original = project();

        HfExport.Result result = HfExport.write(original, temp.resolve("dataset"),
                tile -> original.split(tile) == Split.TRAIN);

        assertEquals(List.of(temp.resolve("dataset/train-00000-of-00001.parquet")), result.files());
        List<HfRow> rows = new ArrayList<>();
        try (HfParquetReader reader = HfParquetReader.open(result.files().get(0))) {
            for (HfRow row = reader.next(); row != null; row = reader.next()) {
                rows.add(row);
            }
        }
        assertEquals(1, rows.size());
        assertEquals("a.png", rows.get(0).image().path());
        assertNull(rows.get(0).label().path());
        BufferedImage label = ImageIO.read(new ByteArrayInputStream(rows.get(0).label().bytes()));
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, label.getType());
        int[] values = label.getRaster().getPixels(0, 0, W, H, (int[]) null);
        for (int i = 0; i < values.length; i++) {
            assertEquals(i % W < 3 ? 1 : 0, values[i], "pixel " + i + ": 1 is river, the class index, not 255");
        }
    }

    /**
     * A tile cut at a flight's edge is an RGBA PNG (alpha 0 where no data was flown); a dataset's image column holds
     * RGB, as SAM sees a tile, so that code reading the images as arrays gets three channels from every row.
     */
    @Test
    void anEdgeTileReachesTheDatasetAsRgbInItsColours() throws IOException {
        Path dir = temp.resolve("project");
        BufferedImage edge = new BufferedImage(W, H, BufferedImage.TYPE_4BYTE_ABGR);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int alpha = x < 3 ? 0 : 255;
                edge.setRGB(x, y, alpha << 24 | (x * 30) << 16 | (y * 40) << 8 | (x + y) * 9);
            }
        }
        Files.createDirectories(dir.resolve("tiles"));
        ImageIO.write(edge, "png", dir.resolve("tiles/edge.png").toFile());
        Project project = Project.open(dir);
        project.writeLabel(HfImportTest.tile(project, "edge"), mask(i -> i % W < 5 ? 1 : 0), LabelStatus.EDITED);

        HfExport.Result result = HfExport.write(project, temp.resolve("dataset"), tile -> true);

        try (HfParquetReader reader = HfParquetReader.open(result.files().get(0))) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(reader.next().image().bytes()));
            assertEquals(3, image.getRaster().getNumBands(), "no alpha band");
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    assertEquals(edge.getRGB(x, y) & 0xFFFFFF, image.getRGB(x, y) & 0xFFFFFF, "pixel " + x + ", " + y);
                }
            }
        }
    }

    static void assertPixelsEqual(BufferedImage expected, BufferedImage actual) {
        assertEquals(expected.getWidth(), actual.getWidth());
        assertEquals(expected.getHeight(), actual.getHeight());
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                assertEquals(expected.getRGB(x, y), actual.getRGB(x, y), "pixel " + x + ", " + y);
            }
        }
    }
}
