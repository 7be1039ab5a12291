package org.meander.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SplitTest {

    @TempDir
    Path dir;

    @Test
    void aNewProjectGetsASeeded80_10_10Split() throws IOException {
        Project project = projectWith(20);
        Map<Split, Integer> counts = counts(project);
        assertEquals(16, counts.get(Split.TRAIN));
        assertEquals(2, counts.get(Split.VALIDATION));
        assertEquals(2, counts.get(Split.TEST));
        Project again = Project.open(dir);
        for (Tile tile : project.tiles()) {
            assertEquals(project.split(tile), again.split(again.tiles().get(project.tiles().indexOf(tile))),
                    "splits are recorded and read back");
        }
    }

    @Test
    void theSameSeedGivesTheSameSplitAndAnotherSeedAnother() {
        List<String> names = IntStream.range(0, 50).mapToObj(i -> "tile_" + i).toList();
        assertEquals(SplitAssignment.seeded(names, 0.8, 0.1, 7), SplitAssignment.seeded(reversed(names), 0.8, 0.1, 7),
                "the input order does not matter");
        assertNotEquals(SplitAssignment.seeded(names, 0.8, 0.1, 7), SplitAssignment.seeded(names, 0.8, 0.1, 8));
        assertThrows(IllegalArgumentException.class, () -> SplitAssignment.seeded(names, 0.8, 0.3, 7));
    }

    @Test
    void aSplitSetByHandSurvivesReopeningAndNewTilesAreSplitWithoutMovingOldOnes() throws IOException {
        Project project = projectWith(10);
        Tile first = project.tiles().get(0);
        Split other = project.split(first) == Split.TEST ? Split.TRAIN : Split.TEST;
        project.setSplit(first, other);
        Map<String, Split> before = new java.util.HashMap<>();
        for (Tile t : project.tiles()) {
            before.put(t.name(), project.split(t));
        }
        writeTile("tile_new");
        Project reopened = Project.open(dir);
        assertEquals(11, reopened.tiles().size());
        for (Tile t : reopened.tiles()) {
            if (before.containsKey(t.name())) {
                assertEquals(before.get(t.name()), reopened.split(t), t.name() + " kept its split");
            }
        }
        assertEquals(other, reopened.split(reopened.tiles().get(0)));
    }

    @Test
    void resplitByRatio() throws IOException {
        Project project = projectWith(10);
        project.resplit(0.5, 0.5, 3);
        Map<Split, Integer> counts = counts(Project.open(dir));
        assertEquals(5, counts.get(Split.TRAIN));
        assertEquals(5, counts.get(Split.VALIDATION));
        assertEquals(0, counts.get(Split.TEST));
    }

    private static List<String> reversed(List<String> names) {
        List<String> copy = new java.util.ArrayList<>(names);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private Project projectWith(int tiles) throws IOException {
        for (int i = 0; i < tiles; i++) {
            writeTile(String.format("tile_%02d", i));
        }
        return Project.open(dir);
    }

    private void writeTile(String name) throws IOException {
        Files.createDirectories(dir.resolve("tiles"));
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(8, 8,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        javax.imageio.ImageIO.write(image, "png", dir.resolve("tiles").resolve(name + ".png").toFile());
    }

    private static Map<Split, Integer> counts(Project project) {
        Map<Split, Integer> counts = new EnumMap<>(Split.class);
        for (Split s : Split.values()) {
            counts.put(s, 0);
        }
        project.tiles().forEach(t -> counts.merge(project.split(t), 1, Integer::sum));
        return counts;
    }
}
