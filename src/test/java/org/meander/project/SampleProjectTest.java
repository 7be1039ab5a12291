package org.meander.project;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.meander.testing.Messages.assertContains;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated sample: six river tiles that look like rivers, each with a label close to the truth but not it. */
class SampleProjectTest {

    @TempDir
    Path dir;

    @Test
    void sixRiverTilesOf512WithImportedLabels() throws IOException {
        Project project = SampleProject.create(dir.resolve("sample"), 7);

        List<Tile> tiles = project.tiles();
        assertEquals(List.of("sample_01", "sample_02", "sample_03", "sample_04", "sample_05", "sample_06"),
                tiles.stream().map(Tile::name).toList());
        for (Tile tile : tiles) {
            BufferedImage image = ImageIO.read(tile.image().toFile());
            assertEquals(512, image.getWidth());
            assertEquals(512, image.getHeight());
            assertEquals(3, image.getColorModel().getNumComponents(), tile.name() + " is RGB");
            assertEquals(LabelStatus.IMPORTED, project.status(tile));
            assertTrue(project.readLabel(tile).isPresent());
        }
        JsonNode json = new ObjectMapper().readTree(dir.resolve("sample/meander.json").toFile());
        assertEquals("Sample river project", json.path("name").asText());
        assertTrue(json.path("sample").asBoolean());
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedOtherTiles() throws IOException {
        SampleProject.create(dir.resolve("a"), 42);
        SampleProject.create(dir.resolve("b"), 42);
        SampleProject.create(dir.resolve("c"), 43);

        List<String> files = TestImages.filesBelow(dir.resolve("a"));
        assertEquals(files, TestImages.filesBelow(dir.resolve("b")));
        for (String file : files) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(file)),
                    Files.readAllBytes(dir.resolve("b").resolve(file)), file);
        }
        assertFalse(Arrays.equals(Files.readAllBytes(dir.resolve("a/tiles/sample_01.png")),
                Files.readAllBytes(dir.resolve("c/tiles/sample_01.png"))));
    }

    @Test
    void labelsAreCloseToTheRiverButImperfect() throws IOException {
        for (long seed : new long[] {1, 2, 3}) {
            Project project = SampleProject.create(dir.resolve("seed" + seed), seed);
            for (int number = 1; number <= SampleProject.TILES; number++) {
                Tile tile = project.tiles().get(number - 1);
                double iou = iou(SampleProject.trueRiverMask(seed, number), project.readLabel(tile).orElseThrow());
                assertTrue(iou > 0.6 && iou < 0.97, "seed " + seed + ", " + tile.name() + ": IoU " + iou);
            }
        }
    }

    @Test
    void riverPixelsAreDarkerAndBluerThanLand() throws IOException {
        Project project = SampleProject.create(dir.resolve("sample"), 11);
        for (int number = 1; number <= SampleProject.TILES; number++) {
            BufferedImage image = ImageIO.read(project.tiles().get(number - 1).image().toFile());
            byte[] river = SampleProject.trueRiverMask(11, number).pixels();
            double[] water = new double[2];
            double[] land = new double[2];
            int waterCount = 0;
            for (int i = 0; i < river.length; i++) {
                int rgb = image.getRGB(i % 512, i / 512);
                int r = rgb >> 16 & 255;
                int g = rgb >> 8 & 255;
                int b = rgb & 255;
                double[] sums = river[i] == 1 ? water : land;
                sums[0] += r + g + b;
                sums[1] += b - r;
                waterCount += river[i];
            }
            int landCount = river.length - waterCount;
            String tile = "sample_0" + number;
            assertTrue(water[0] / waterCount < 0.7 * land[0] / landCount, tile + " water is darker");
            assertTrue(water[1] / waterCount > land[1] / landCount + 20, tile + " water is bluer");
        }
    }

    @Test
    void aFolderWithFilesIsNotOverwritten() throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "mine");
        IOException e = assertThrows(IOException.class, () -> SampleProject.create(dir, 1));
        assertContains(e.getMessage(), dir.toString(), "not empty");
        assertEquals(List.of("notes.txt"), TestImages.filesBelow(dir));
    }

    private static double iou(LabelMask a, LabelMask b) {
        int intersection = 0;
        int union = 0;
        for (int i = 0; i < a.pixels().length; i++) {
            intersection += a.pixels()[i] & b.pixels()[i];
            union += a.pixels()[i] | b.pixels()[i];
        }
        return intersection / (double) union;
    }
}
