package org.meander.project;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every label a write replaces is kept, the imported one first, and nothing half-written is left behind. */
class LabelHistoryTest {

    private static final LabelMask FIRST = TestImages.mask(2, 2, 1, 0, 0, 0);
    private static final LabelMask SECOND = TestImages.mask(2, 2, 1, 1, 0, 0);
    private static final LabelMask THIRD = TestImages.mask(2, 2, 1, 1, 1, 0);

    @TempDir
    Path dir;

    private Project project;
    private Tile tile;
    private byte[] imported;

    @BeforeEach
    void importedLabel() throws IOException {
        TestImages.tile(dir.resolve("tiles/river.png"), 2, 2);
        // As another tool writes it: 0/1, not Meander's 0/255, so a re-encoded copy would differ from it.
        imported = Files.readAllBytes(TestImages.grayPng(dir.resolve("labels/river.png"), 2, 2, 0, 0, 1, 1));
        project = Project.open(dir);
        tile = project.tiles().get(0);
    }

    @Test
    void theImportedLabelIsKeptAsIsBeforeTheFirstOverwrite() throws IOException {
        project.writeLabel(tile, FIRST, LabelStatus.EDITED);

        Path first = dir.resolve("labels/.history/river/0001.png").toAbsolutePath();
        assertEquals(List.of(first), project.history(tile));
        assertArrayEquals(imported, Files.readAllBytes(first));
        assertEquals(Optional.of(FIRST), project.readLabel(tile));
    }

    @Test
    void aVersionIsReadBackAndOnlyTheTilesOwnAre() throws IOException {
        project.writeLabel(tile, FIRST, LabelStatus.EDITED);
        project.writeLabel(tile, SECOND, LabelStatus.EDITED);

        assertEquals(FIRST, project.readVersion(tile, project.history(tile).get(1)));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> project.readVersion(tile, tile.label()));
        assertEquals(tile.label() + " is not an earlier version of the label of river", error.getMessage());
    }

    @Test
    void successiveWritesAddVersionsInOrder() throws IOException {
        project.writeLabel(tile, FIRST, LabelStatus.EDITED);
        project.writeLabel(tile, SECOND, LabelStatus.EDITED);
        project.writeLabel(tile, THIRD, LabelStatus.ACCEPTED);

        List<Path> history = project.history(tile);
        assertEquals(List.of("0001.png", "0002.png", "0003.png"),
                history.stream().map(p -> p.getFileName().toString()).toList());
        assertEquals(List.of(TestImages.mask(2, 2, 0, 0, 1, 1), FIRST, SECOND),
                history.stream().map(LabelHistoryTest::read).toList());
        assertEquals(Optional.of(THIRD), project.readLabel(tile));
        assertEquals(Optional.of(TestImages.mask(2, 2, 0, 0, 1, 1)), project.originalLabel(tile));
        assertEquals(LabelStatus.ACCEPTED, project.status(tile));
    }

    @Test
    void theOriginalLabelIsTheCurrentOneUntilItIsReplaced() throws IOException {
        assertEquals(List.of(), project.history(tile));
        assertEquals(project.readLabel(tile), project.originalLabel(tile));
        assertEquals(LabelStatus.IMPORTED, project.status(tile));
    }

    @Test
    void aTileWithoutALabelStartsItsHistoryWithMeandersFirstLabel() throws IOException {
        Files.delete(tile.label());
        project.writeLabel(tile, FIRST, LabelStatus.EDITED);
        assertEquals(List.of(), project.history(tile));
        project.writeLabel(tile, SECOND, LabelStatus.EDITED);
        assertEquals(Optional.of(FIRST), project.originalLabel(tile));
    }

    @Test
    void writingTheSameLabelAgainKeepsEachVersionOnce() throws IOException {
        project.writeLabel(tile, FIRST, LabelStatus.EDITED);
        project.writeLabel(tile, FIRST, LabelStatus.ACCEPTED);
        project.writeLabel(tile, SECOND, LabelStatus.EDITED);
        assertEquals(List.of(TestImages.mask(2, 2, 0, 0, 1, 1), FIRST),
                project.history(tile).stream().map(LabelHistoryTest::read).toList());
    }

    @Test
    void writesLeaveNoTemporaryFiles() throws IOException {
        project.writeLabel(tile, FIRST, LabelStatus.EDITED);
        project.writeLabel(tile, SECOND, LabelStatus.ACCEPTED);

        assertEquals(List.of(".meander.json.lock", "cache/.leftovers-swept", "labels/.history/river/0001.png",
                "labels/.history/river/0002.png", "labels/river.png", "meander.json", "tiles/river.png"),
                TestImages.filesBelow(dir));
    }

    private static LabelMask read(Path file) {
        try {
            return LabelPng.read(file);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
