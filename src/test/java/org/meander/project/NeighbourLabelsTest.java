package org.meander.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meander.project.raster.Window;
import org.meander.testing.TiledRasterProject;

/**
 * A raster cut into six overlapping tiles, each labelled with its window of one river mask: the neighbours of a tile
 * give that mask back wherever they reach into it, and nothing where they do not.
 */
class NeighbourLabelsTest {

    @TempDir
    Path temp;

    private Project project;

    @BeforeEach
    void tiledRaster() throws IOException {
        project = Project.open(TiledRasterProject.create(TiledRasterProject.raster(temp.resolve("ortho.tif")),
                temp.resolve("project")));
    }

    @Test
    void theNeighboursGiveTheRiverBackWhereTheyOverlapTheTile() throws IOException {
        Tile middle = tile("ortho_r0_c1");
        Window own = window(middle);

        NeighbourLabels neighbours = NeighbourLabels.of(project, middle).orElseThrow();

        assertEquals(List.of("ortho_r0_c0", "ortho_r0_c2", "ortho_r1_c0", "ortho_r1_c1", "ortho_r1_c2"),
                neighbours.neighbours().stream().sorted().toList());
        byte[] river = TiledRasterProject.knownMask();
        long covered = 0;
        for (int y = 0; y < own.height(); y++) {
            for (int x = 0; x < own.width(); x++) {
                int i = y * own.width() + x;
                boolean reached = reachedByAnother(middle, own.x() + x, own.y() + y);
                assertEquals(reached ? 1 : 0, neighbours.covered().pixels()[i], x + ", " + y);
                assertEquals(reached ? river[(own.y() + y) * TiledRasterProject.WIDTH + own.x() + x] : 0,
                        neighbours.label().pixels()[i], x + ", " + y);
                covered += reached ? 1 : 0;
            }
        }
        assertTrue(covered > own.width() * own.height() / 2, covered + " pixels covered");
    }

    /** Where two neighbours overlap each other too, the pixel is theirs whose centre is nearer. */
    @Test
    void theNearerNeighbourWins() throws IOException {
        Tile corner = tile("ortho_r0_c0");
        Tile right = tile("ortho_r0_c1");
        Tile below = tile("ortho_r1_c0");
        Tile diagonal = tile("ortho_r1_c1");
        project.writeLabel(right, filled(right, 1), LabelStatus.EDITED);
        project.writeLabel(below, filled(below, 0), LabelStatus.EDITED);
        project.writeLabel(diagonal, filled(diagonal, 1), LabelStatus.PREDICTED); // left out
        Window own = window(corner);
        // both (100, 80) and (90, 120) lie in the right and the lower tile: right's centre (150, 64) and lower's
        // (64, 136) are 52 and 66 away from the first, 80 and 31 from the second
        assertTrue(window(right).rectangle().contains(100, 80) && window(below).rectangle().contains(100, 80));
        assertTrue(window(right).rectangle().contains(90, 120) && window(below).rectangle().contains(90, 120));

        NeighbourLabels neighbours = NeighbourLabels.of(project, corner).orElseThrow();

        assertEquals(1, neighbours.label().pixels()[80 * own.width() + 100], "the right-hand tile's");
        assertEquals(0, neighbours.label().pixels()[120 * own.width() + 90], "the lower tile's");
    }

    @Test
    void overKeepsTheLabelWhereNoNeighbourReaches() throws IOException {
        Tile middle = tile("ortho_r0_c1");
        Window own = window(middle);
        NeighbourLabels neighbours = NeighbourLabels.of(project, middle).orElseThrow();
        LabelMask full = filled(middle, 1);

        LabelMask merged = neighbours.over(full);

        for (int i = 0; i < merged.pixels().length; i++) {
            byte expected = neighbours.covered().pixels()[i] == 1 ? neighbours.label().pixels()[i] : 1;
            assertEquals(expected, merged.pixels()[i], "pixel " + i % own.width() + ", " + i / own.width());
        }
    }

    /** Auto-labels waiting for review are SAM's guesses: they are not passed on. */
    @Test
    void predictedNeighboursAreLeftOut() throws IOException {
        Tile corner = tile("ortho_r0_c0");
        for (String name : List.of("ortho_r0_c1", "ortho_r1_c1")) {
            Tile tile = tile(name);
            project.writeLabel(tile, project.readLabel(tile).orElseThrow(), LabelStatus.PREDICTED);
        }

        assertEquals(List.of("ortho_r1_c0"), NeighbourLabels.of(project, corner).orElseThrow().neighbours());
    }

    private boolean reachedByAnother(Tile tile, int x, int y) throws IOException {
        for (Tile other : project.tiles()) {
            if (!other.equals(tile) && window(other).rectangle().contains(new Rectangle(x, y, 1, 1))) {
                return true;
            }
        }
        return false;
    }

    private LabelMask filled(Tile tile, int value) throws IOException {
        Window w = window(tile);
        byte[] pixels = new byte[w.width() * w.height()];
        Arrays.fill(pixels, (byte) value);
        return new LabelMask(w.width(), w.height(), pixels);
    }

    private Window window(Tile tile) throws IOException {
        return project.rasterWindow(tile).orElseThrow().window();
    }

    private Tile tile(String name) {
        return project.tile(name).orElseThrow();
    }
}
