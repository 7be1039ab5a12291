package org.meander.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meander.embed.EmbeddingCache;
import org.meander.project.LabelMask;
import org.meander.project.LabelStatus;
import org.meander.project.Project;
import org.meander.project.Split;
import org.meander.project.Tile;
import org.meander.sam.ImageSize;
import org.meander.testing.RiverTiles;

class TrainingDataTest {

    @TempDir
    Path dir;

    @Test
    void autoLabelsAwaitingReviewAreNotTrainedOn() throws Exception {
        Project project = TrainingRunTest.project(dir);
        List<Tile> before = TrainingData.labelledTiles(project, Split.TRAIN);
        Tile guessed = before.get(0);
        project.writeLabel(guessed, project.labelOrEmpty(guessed), LabelStatus.PREDICTED);

        List<Tile> after = TrainingData.labelledTiles(project, Split.TRAIN);
        assertEquals(before.size() - 1, after.size());
        assertFalse(after.contains(guessed));
    }

    @Test
    void trainingTilesComeInImageFileOrderWhateverTheListShows() throws Exception {
        for (String name : List.of("t_1", "t_10", "t_2")) {
            RiverTiles.tile(dir, name, true);
        }
        Project project = Project.open(dir);
        for (Tile tile : project.tiles()) {
            project.writeLabel(tile, new LabelMask(RiverTiles.SIZE, RiverTiles.SIZE,
                    new byte[RiverTiles.SIZE * RiverTiles.SIZE]), LabelStatus.EDITED);
            project.setSplit(tile, Split.TRAIN);
        }

        assertEquals(List.of("t_1", "t_2", "t_10"), project.tiles().stream().map(Tile::name).toList());
        assertEquals(List.of("t_1", "t_10", "t_2"),
                TrainingData.labelledTiles(project, Split.TRAIN).stream().map(Tile::name).toList(),
                "a run's batches are drawn by position: the order runs have always seen");
    }

    /** Listing the embeddings a run lacks hashes every tile: one removed meanwhile is not missing, it is gone. */
    @Test
    void aTileThatLeftTheProjectLacksNoEmbedding() throws Exception {
        Project project = TrainingRunTest.project(dir);
        List<Tile> tiles = TrainingData.labelledTiles(project, Split.TRAIN);
        Project.open(project.directory()).remove(tiles.get(0));
        TrainingData data = new TrainingData(project, new EmbeddingCache(project.directory(), "none", 1 << 20), 256);

        assertEquals(tiles.subList(1, tiles.size()), data.missingEmbeddings(tiles));
    }

    @Test
    void lowResTargetKeepsBlocksAtLeastHalfLabel() {
        // a 8 x 4 label, its left half set, in a 16 x 8 resized frame: 4 x 2 blocks of which the left 2 x 2 are label
        byte[] pixels = new byte[8 * 4];
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                pixels[y * 8 + x] = 1;
            }
        }
        float[] target = LowResTarget.of(new LabelMask(8, 4, pixels), new ImageSize(8, 16), 4);
        assertArrayEquals(new float[] {1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, target);
    }
}
