package org.meander.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meander.project.raster.BandChoice;
import org.meander.testing.Fixtures;

/** Near-infrared frames of the real Elwha data, named airborne_ir_N.png beside airborne_N.png. */
class NearInfraredPairingTest {

    static final Path FRAMES = Fixtures.shared().resolve("data/elwha-airborne");

    @TempDir
    Path temp;

    @BeforeEach
    void sharedDataIsHere() {
        assumeTrue(Files.isDirectory(FRAMES), "the shared Elwha frames are not here: " + FRAMES);
    }

    /** Copies frames from the shared folder into a temporary one: the tests never write to ../shared. */
    Path copy(String folder, String... files) throws IOException {
        Path target = Files.createDirectories(temp.resolve(folder));
        for (String file : files) {
            Files.copy(FRAMES.resolve(file), target.resolve(file));
        }
        return target;
    }

    static ImportReport create(Path project, Path images, Path nir) throws IOException {
        return ProjectImport.create(project, images, null, null, new ImageryOptions(BandChoice.DEFAULT, nir));
    }

    @Test
    void framesBesideTheImagesPairByTheirIrPartAndAreNotImportedAsTiles() throws IOException {
        Path images = copy("images", "airborne_3.png", "airborne_ir_3.png", "airborne_5.png", "airborne_ir_5.png",
                "airborne_7.png");
        Path project = temp.resolve("project");

        ImportReport report = create(project, images, images);

        assertEquals(List.of("airborne_3", "airborne_5", "airborne_7"), report.importedTiles());
        assertEquals(1, report.problems().size(), report.problems().toString());
        assertTrue(ProjectImportTest.mentions(report, "airborne_7.png", "no near-infrared frame"),
                report.problems().toString());
        Project opened = Project.open(project);
        Tile tile = opened.tiles().get(0);
        BufferedImage nir = ImageIO.read(opened.nearInfraredFile(tile).toFile());
        BufferedImage rendering = ImageIO.read(FRAMES.resolve("airborne_ir_3.png").toFile());
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, nir.getType());
        assertEquals(480, nir.getWidth());
        assertEquals(640, nir.getHeight());
        // brighter in the rendering is more near-infrared: the levels follow the colours' order
        int darkest = Integer.MAX_VALUE;
        int brightest = -1;
        int[] at = new int[4];
        for (int y = 0; y < 640; y += 7) {
            for (int x = 0; x < 480; x += 7) {
                int sum = brightness(rendering.getRGB(x, y));
                if (sum < darkest) {
                    darkest = sum;
                    at[0] = x;
                    at[1] = y;
                }
                if (sum > brightest) {
                    brightest = sum;
                    at[2] = x;
                    at[3] = y;
                }
            }
        }
        assertTrue(nir.getRaster().getSample(at[0], at[1], 0) < nir.getRaster().getSample(at[2], at[3], 0));
        assertTrue(Files.notExists(project.resolve("tiles/airborne_ir_3.png")));
    }

    static int brightness(int rgb) {
        return (rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff);
    }

    @Test
    void framesInTheirOwnFolderPairByNameAndStrayOnesAreReported() throws IOException {
        Path images = copy("images", "airborne_3.png", "airborne_5.png");
        Path nir = copy("nir", "airborne_ir_3.png", "airborne_ir_9.png");
        Files.copy(FRAMES.resolve("airborne_ir_5.png"), nir.resolve("airborne_5.png"));
        Path project = temp.resolve("project");

        ImportReport report = create(project, images, nir);

        assertEquals(List.of("airborne_3", "airborne_5"), report.importedTiles());
        assertEquals(1, report.problems().size(), report.problems().toString());
        assertTrue(ProjectImportTest.mentions(report, "airborne_ir_9.png", "no imported image"),
                report.problems().toString());
        Project opened = Project.open(project);
        for (Tile tile : opened.tiles()) {
            assertTrue(Files.exists(opened.nearInfraredFile(tile)), tile.name());
        }
    }

    /**
     * The Elwha layout given as it is for the frames while the images were copied apart: the frames' folder holds
     * airborne_3.png (the colour image itself) beside airborne_ir_3.png. The frame is the one with the ir part, not
     * the colour image taken for a near-infrared rendering; the image's own copy is not reported.
     */
    @Test
    void aFramesFolderThatAlsoHoldsTheImagesGivesTheIrFrame() throws IOException {
        Path images = copy("images", "airborne_3.png", "airborne_5.png");
        Path mixed = copy("mixed", "airborne_3.png", "airborne_ir_3.png", "airborne_5.png", "airborne_ir_5.png");
        Path project = temp.resolve("project");

        ImportReport report = create(project, images, mixed);

        assertEquals(List.of("airborne_3", "airborne_5"), report.importedTiles());
        assertEquals(List.of(), report.problems());
        Project opened = Project.open(project);
        BufferedImage fromMixed = ImageIO.read(opened.nearInfraredFile(opened.tiles().get(0)).toFile());
        Path alone = temp.resolve("alone");
        create(alone, copy("images-again", "airborne_3.png"), copy("nir-alone", "airborne_ir_3.png"));
        Project reference = Project.open(alone);
        BufferedImage fromFrame = ImageIO.read(reference.nearInfraredFile(reference.tiles().get(0)).toFile());
        for (int y = 0; y < 640; y += 13) {
            for (int x = 0; x < 480; x += 13) {
                assertEquals(fromFrame.getRaster().getSample(x, y, 0), fromMixed.getRaster().getSample(x, y, 0),
                        "the band is airborne_ir_3.png's, at " + x + ", " + y);
            }
        }
    }

    @Test
    void aCopyOfTheImageAmongTheFramesIsNoFrame() throws IOException {
        Path images = copy("images", "airborne_3.png");
        Path nir = copy("nir", "airborne_3.png");

        ImportReport report = create(temp.resolve("project"), images, nir);

        assertEquals(List.of("airborne_3"), report.importedTiles());
        assertTrue(ProjectImportTest.mentions(report, "airborne_3.png", "no near-infrared frame"),
                report.problems().toString());
        Project opened = Project.open(temp.resolve("project"));
        assertTrue(Files.notExists(opened.nearInfraredFile(opened.tiles().get(0))));
    }

    @Test
    void theFrameOfASkippedImageIsNotReportedAsStray() throws IOException {
        Path images = copy("images", "airborne_3.png");
        Files.writeString(images.resolve("airborne_5.png"), "not an image");
        Path nir = copy("nir", "airborne_ir_3.png", "airborne_ir_5.png", "airborne_ir_9.png");

        ImportReport report = create(temp.resolve("project"), images, nir);

        assertEquals(List.of("airborne_3"), report.importedTiles());
        assertTrue(ProjectImportTest.mentions(report, "airborne_5.png", "skipped"), report.problems().toString());
        assertTrue(ProjectImportTest.mentions(report, "airborne_ir_9.png", "no imported image"),
                report.problems().toString());
        assertEquals(2, report.problems().size(), "nothing said of airborne_ir_5.png: " + report.problems());
    }

    @Test
    void irPartsAreFoundAnywhereInTheName() {
        assertEquals("airborne_3", NearInfraredFiles.withoutMarker("airborne_ir_3"));
        assertEquals("scene", NearInfraredFiles.withoutMarker("scene_NIR"));
        assertEquals("scene_2", NearInfraredFiles.withoutMarker("ir_scene_2"));
        assertEquals("ir", NearInfraredFiles.withoutMarker("ir"));
        assertEquals("airborne_3", NearInfraredFiles.withoutMarker("airborne_3"));
        assertEquals("spiral_3", NearInfraredFiles.withoutMarker("spiral_3"));
    }
}
