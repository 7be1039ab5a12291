package org.meander.project;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.meander.testing.Messages.assertContains;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Labels on disk: written as 8-bit gray 0/255, read from whatever mask PNG another tool wrote. */
class LabelFilesTest {

    @TempDir
    Path dir;

    private Tile tileOf(Project project) {
        return project.tiles().get(0);
    }

    @Test
    void aMaskIsZeroOneInMemoryAndZero255EightBitGrayOnDisk() throws IOException {
        TestImages.tile(dir.resolve("tiles/a.png"), 3, 2);
        Project project = Project.open(dir);
        LabelMask mask = TestImages.mask(3, 2, 0, 1, 1, 1, 0, 0);

        project.writeLabel(tileOf(project), mask, LabelStatus.EDITED);

        assertEquals(Optional.of(mask), project.readLabel(tileOf(project)));
        Path file = dir.resolve("labels/a.png");
        byte[] png = Files.readAllBytes(file);
        assertEquals(8, png[24], "IHDR bit depth");
        assertEquals(0, png[25], "IHDR colour type: grayscale");
        BufferedImage image = ImageIO.read(file.toFile());
        assertArrayEquals(new int[] {0, 255, 255, 255, 0, 0}, image.getRaster().getPixels(0, 0, 3, 2, (int[]) null));
    }

    @Test
    void readsZeroOneMasks() throws IOException {
        TestImages.tile(dir.resolve("tiles/a.png"), 2, 2);
        TestImages.grayPng(dir.resolve("labels/a.png"), 2, 2, 0, 1, 1, 0);
        Project project = Project.open(dir);
        assertEquals(Optional.of(TestImages.mask(2, 2, 0, 1, 1, 0)), project.readLabel(tileOf(project)));
    }

    @Test
    void readsRgbMasksByTheirFirstChannel() throws IOException {
        TestImages.tile(dir.resolve("tiles/a.png"), 4, 1);
        BufferedImage rgb = new BufferedImage(4, 1, BufferedImage.TYPE_INT_RGB);
        rgb.setRGB(0, 0, 0x000000);
        rgb.setRGB(1, 0, 0xFFFFFF);
        rgb.setRGB(2, 0, 0x010000);
        rgb.setRGB(3, 0, 0x00FF00);
        TestImages.write(rgb, dir.resolve("labels/a.png"));
        Project project = Project.open(dir);
        assertEquals(Optional.of(TestImages.mask(4, 1, 0, 1, 1, 0)), project.readLabel(tileOf(project)));
    }

    @Test
    void aTileWithoutALabelHasNone() throws IOException {
        TestImages.tile(dir.resolve("tiles/a.png"), 2, 2);
        Project project = Project.open(dir);
        assertEquals(Optional.empty(), project.readLabel(tileOf(project)));
        assertEquals(Optional.empty(), project.originalLabel(tileOf(project)));
    }

    @Test
    void aLabelOfAnotherSizeIsAnErrorNamingTheFileAndBothSizes() throws IOException {
        TestImages.tile(dir.resolve("tiles/a.jpg"), 6, 4);
        TestImages.grayPng(dir.resolve("labels/a.png"), 3, 2, 0, 0, 0, 1, 1, 1);
        Project project = Project.open(dir);
        IOException e = assertThrows(IOException.class, () -> project.readLabel(tileOf(project)));
        assertContains(e.getMessage(), dir.resolve("labels/a.png").toAbsolutePath().toString(), "3 x 2", "6 x 4",
                "a.jpg");
    }

    @Test
    void aDamagedLabelIsAnErrorNamingTheFileAndItsHistory() throws IOException {
        TestImages.tile(dir.resolve("tiles/a.png"), 64, 64);
        Path label = dir.resolve("labels/a.png");
        int[] speckle = new java.util.Random(7).ints(64 * 64, 0, 2).map(v -> v * 255).toArray();
        TestImages.grayPng(label, 64, 64, speckle);
        byte[] whole = Files.readAllBytes(label);
        Files.write(label, Arrays.copyOf(whole, whole.length / 2)); // cut short, as by a full disk
        Project project = Project.open(dir);

        IOException e = assertThrows(IOException.class, () -> project.readLabel(tileOf(project)));

        assertContains(e.getMessage(), label.toAbsolutePath().toString(), "damaged", "labels/.history");
    }

    @Test
    void aMaskOfAnotherSizeIsNotWritten() throws IOException {
        TestImages.tile(dir.resolve("tiles/a.png"), 6, 4);
        Project project = Project.open(dir);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> project.writeLabel(tileOf(project), TestImages.mask(1, 1, 1), LabelStatus.EDITED));
        assertContains(e.getMessage(), "1 x 1", "6 x 4");
        assertEquals(LabelStatus.NONE, project.status(tileOf(project)));
    }

    @Test
    void onlyTheStatusesOfAWrittenLabelCanBeRecorded() throws IOException {
        TestImages.tile(dir.resolve("tiles/a.png"), 1, 1);
        Project project = Project.open(dir);
        assertThrows(IllegalArgumentException.class,
                () -> project.writeLabel(tileOf(project), TestImages.mask(1, 1, 1), LabelStatus.IMPORTED));
        assertEquals(LabelStatus.NONE, project.status(tileOf(project)));
    }

    /** A label from another tool replacing an accepted one must not pass for accepted, even at the same size. */
    @Test
    void anImportedLabelCountsAsImportedWhateverItReplaces() throws IOException {
        TestImages.tile(dir.resolve("tiles/a.png"), 2, 1);
        Project project = Project.open(dir);
        Tile tile = tileOf(project);
        project.writeLabel(tile, TestImages.mask(2, 1, 1, 0), LabelStatus.ACCEPTED);

        project.importLabel(tile, TestImages.mask(2, 1, 0, 1));

        assertEquals(LabelStatus.IMPORTED, project.status(tile));
        assertEquals(TestImages.mask(2, 1, 0, 1), project.readLabel(tile).orElseThrow());
        assertEquals(1, project.history(tile).size(), "the accepted label it replaced is kept");
        assertEquals(LabelStatus.IMPORTED, Project.open(dir).status(tileOf(Project.open(dir))), "after reopening");
    }

    @Test
    void aMaskHoldsOnlyZerosAndOnesOfItsSize() {
        IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
                () -> new LabelMask(3, 2, new byte[5]));
        assertContains(length.getMessage(), "3 x 2", "6", "5");
        IllegalArgumentException value = assertThrows(IllegalArgumentException.class,
                () -> TestImages.mask(2, 1, 0, 255));
        assertContains(value.getMessage(), "pixel 1", "255");
    }
}
