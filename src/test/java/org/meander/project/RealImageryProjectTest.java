package org.meander.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meander.testing.Fixtures;

/** A project of real airborne frames (copied from the shared folder, never into the repository) opens unlabelled. */
class RealImageryProjectTest {

    @TempDir
    Path dir;

    @Test
    void elwhaFramesOpenAsTilesWithoutLabels() throws IOException {
        Path frames = Fixtures.shared().resolve("data/elwha-airborne");
        assumeTrue(Files.isDirectory(frames), "the shared Elwha frames are not here: " + frames);
        Files.createDirectories(dir.resolve("tiles"));
        Files.copy(frames.resolve("airborne_1.png"), dir.resolve("tiles/airborne_1.png"));
        Files.copy(frames.resolve("airborne_2.png"), dir.resolve("tiles/airborne_2.png"));

        Project project = Project.open(dir);

        assertEquals(List.of("airborne_1", "airborne_2"), project.tiles().stream().map(Tile::name).toList());
        for (Tile tile : project.tiles()) {
            assertEquals(LabelStatus.NONE, project.status(tile));
            assertEquals(Optional.empty(), project.readLabel(tile));
        }
        // The frames are 480 wide and 640 tall: a label must match that, not its transpose.
        Tile first = project.tiles().get(0);
        assertThrows(IllegalArgumentException.class,
                () -> project.writeLabel(first, new LabelMask(640, 480, new byte[640 * 480]), LabelStatus.EDITED));
        LabelMask mask = new LabelMask(480, 640, new byte[480 * 640]);
        mask.pixels()[0] = 1;
        project.writeLabel(first, mask, LabelStatus.EDITED);
        assertEquals(Optional.of(mask), Project.open(dir).readLabel(first));
    }
}
