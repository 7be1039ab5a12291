package org.meander.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meander.project.raster.BandChoice;
import org.meander.project.raster.FrameRegistration;
import org.meander.project.raster.NearInfrared;
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
        assertTrue(Files.notExists(project.resolve("tiles/airborne_ir_3.png")));
        // the two cameras' frames differ by a shift and a scale: each frame is warped onto its image
        assertEquals(List.of("airborne_3", "airborne_5"),
                report.alignedFrames().stream().map(AlignedFrame::tile).toList());
        AlignedFrame aligned = report.alignedFrames().get(0);
        assertEquals("airborne_ir_3.png", aligned.frame());
        assertEquals(63, aligned.x(), 4, aligned.toString());
        assertEquals(52, aligned.y(), 5, aligned.toString());
        assertEquals(0.89, aligned.scale(), 0.01, aligned.toString());
        assertEquals(0.77, aligned.coverage(), 0.03, aligned.toString());
        Project opened = Project.open(project);
        BufferedImage nir = ImageIO.read(opened.nearInfraredFile(opened.tiles().get(0)).toFile());
        BufferedImage frame = NearInfrared.fromFile(ImageIO.read(FRAMES.resolve("airborne_ir_3.png").toFile())).grey();
        BufferedImage colour = ImageIO.read(FRAMES.resolve("airborne_3.png").toFile());
        BufferedImage expected = NearInfrared.warped(frame, FrameRegistration.register(colour, frame).warp(), 480,
                640);
        assertEquals(480, nir.getWidth());
        assertEquals(640, nir.getHeight());
        assertEquals(0, nir.getRaster().getSample(10, 10, 1), "no near-infrared left of and above the frame");
        for (int y = 0; y < 640; y += 7) {
            for (int x = 0; x < 480; x += 7) {
                for (int band = 0; band < 2; band++) {
                    assertEquals(expected.getRaster().getSample(x, y, band), nir.getRaster().getSample(x, y, band),
                            "band " + band + " at " + x + ", " + y);
                }
            }
        }
    }

    /** A near-infrared camera of lower resolution: its frame, half the size, is found and stretched onto the tile. */
    @Test
    void aSmallerFrameIsWarpedOntoItsImage() throws IOException {
        Path images = copy("images", "airborne_3.png");
        BufferedImage rendering = ImageIO.read(FRAMES.resolve("airborne_ir_3.png").toFile());
        BufferedImage half = new BufferedImage(240, 320, BufferedImage.TYPE_INT_RGB);
        half.createGraphics().drawImage(rendering.getScaledInstance(240, 320, Image.SCALE_AREA_AVERAGING),
                0, 0, null);
        Path nir = Files.createDirectories(temp.resolve("nir"));
        ImageIO.write(half, "png", nir.resolve("airborne_ir_3.png").toFile());

        ImportReport report = create(temp.resolve("project"), images, nir);

        assertEquals(List.of(), report.problems());
        AlignedFrame aligned = report.alignedFrames().get(0);
        assertEquals(2 * 0.89, aligned.scale(), 0.03, aligned.toString());
        assertEquals(63, aligned.x(), 5, aligned.toString());
        Project opened = Project.open(temp.resolve("project"));
        BufferedImage band = ImageIO.read(opened.nearInfraredFile(opened.tiles().get(0)).toFile());
        assertEquals(480, band.getWidth());
        assertEquals(640, band.getHeight());
    }

    /**
     * A tile of open water has no edges to find its frame by; the other frames of the import, from the same camera
     * mount, all moved alike, so it is placed where they lie.
     */
    @Test
    void aFrameWhoseEdgesSayNothingIsPlacedWhereTheOthersLie() throws IOException {
        Path images = copy("images", "airborne_3.png", "airborne_5.png", "airborne_12.png");
        BufferedImage lake = new BufferedImage(480, 640, BufferedImage.TYPE_INT_RGB);
        Graphics2D paint = lake.createGraphics();
        paint.setColor(new Color(150, 190, 200));
        paint.fillRect(0, 0, 480, 640);
        paint.dispose();
        ImageIO.write(lake, "png", images.resolve("lake.png").toFile());
        Path nir = copy("nir", "airborne_ir_3.png", "airborne_ir_5.png", "airborne_ir_12.png");
        Files.copy(FRAMES.resolve("airborne_ir_7.png"), nir.resolve("lake_ir.png"));

        ImportReport report = create(temp.resolve("project"), images, nir);

        AlignedFrame placed = report.alignedFrames().stream().filter(frame -> frame.tile().equals("lake"))
                .findFirst().orElseThrow(() -> new AssertionError(report.alignedFrames().toString()));
        assertTrue(placed.shared(), placed.toString());
        assertEquals(63, placed.x(), 4, placed.toString());
        assertEquals(0.89, placed.scale(), 0.01, placed.toString());
        assertTrue(report.alignedFrames().stream().filter(frame -> !frame.tile().equals("lake"))
                .noneMatch(AlignedFrame::shared));
        assertTrue(ProjectImportTest.mentions(report, "lake_ir.png", "placed where the 3 frames"),
                report.problems().toString());
        assertTrue(AlignedFrame.summary(report.alignedFrames()).endsWith("1 of them, whose own edges said too"
                + " little, was placed where the others lie."), AlignedFrame.summary(report.alignedFrames()));
        Project opened = Project.open(temp.resolve("project"));
        BufferedImage band = ImageIO.read(opened.nearInfraredFile(opened.tile("lake").orElseThrow()).toFile());
        assertEquals(0, band.getRaster().getSample(10, 10, 1), "no value where the frame does not reach");
        assertEquals(255, band.getRaster().getSample(240, 320, 1));
    }

    /** A frame whose edges are nowhere in the image is kept as it is, and the report says to check it. */
    @Test
    void aFrameOfOtherGroundIsKeptAndReported() throws IOException {
        Path images = copy("images", "airborne_3.png");
        Path nir = Files.createDirectories(temp.resolve("nir"));
        BufferedImage noise = new BufferedImage(480, 640, BufferedImage.TYPE_BYTE_GRAY);
        Random random = new Random(3);
        for (int y = 0; y < 640; y++) {
            for (int x = 0; x < 480; x++) {
                noise.getRaster().setSample(x, y, 0, random.nextInt(256));
            }
        }
        ImageIO.write(noise, "png", nir.resolve("airborne_ir_3.png").toFile());

        ImportReport report = create(temp.resolve("project"), images, nir);

        assertEquals(List.of(), report.alignedFrames());
        assertTrue(ProjectImportTest.mentions(report, "airborne_ir_3.png", "kept as it is"),
                report.problems().toString());
        Project opened = Project.open(temp.resolve("project"));
        BufferedImage band = ImageIO.read(opened.nearInfraredFile(opened.tiles().get(0)).toFile());
        assertEquals(noise.getRaster().getSample(5, 7, 0), band.getRaster().getSample(5, 7, 0));
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
