package org.meander.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meander.project.Project;
import org.meander.project.raster.NearInfrared;
import org.meander.testing.Fixtures;

/**
 * {@code ./meander project align-nir}: a project whose Elwha near-infrared bands were imported laid on their images
 * as they were (as imports did before they aligned frames) gets them warped into place, the old bands kept.
 */
class ProjectAlignNirCommandTest {

    static final Path FRAMES = Fixtures.shared().resolve("data/elwha-airborne");

    @TempDir
    Path dir;

    /** A project of Elwha frames with their bands as imports used to keep them: unaligned. */
    Path projectWithUnalignedBands(int... frames) throws IOException {
        Path project = dir.resolve("project");
        Files.createDirectories(project.resolve("tiles"));
        Files.createDirectories(project.resolve("nir"));
        for (int n : frames) {
            Files.copy(FRAMES.resolve("airborne_" + n + ".png"), project.resolve("tiles/airborne_" + n + ".png"));
            BufferedImage band = NearInfrared.fromFile(ImageIO.read(FRAMES.resolve("airborne_ir_" + n + ".png")
                    .toFile())).grey();
            ImageIO.write(band, "png", project.resolve("nir/airborne_" + n + ".png").toFile());
        }
        return project;
    }

    @Test
    void unalignedBandsAreWarpedIntoPlaceAndKept() throws Exception {
        Path project = projectWithUnalignedBands(3, 5);
        byte[] before = Files.readAllBytes(project.resolve("nir/airborne_3.png"));

        EmbedCommandTest.Result result = EmbedCommandTest.runCapturing("project", "align-nir", project.toString());

        assertEquals(0, result.exit(), result.err());
        JsonNode aligned = result.json().get("aligned");
        assertEquals(2, aligned.size(), result.out());
        assertEquals("airborne_3", aligned.get(0).get("tile").asText());
        assertEquals(63, aligned.get(0).get("x").asDouble(), 4);
        assertEquals(0.89, aligned.get(0).get("scale").asDouble(), 0.01);
        assertTrue(result.err().contains("2 near-infrared frames did not line up"), result.err());
        assertArrayEquals(before, Files.readAllBytes(project.resolve("nir/.unaligned/airborne_3.png")),
                "the band as it was is kept");
        BufferedImage warped = ImageIO.read(project.resolve("nir/airborne_3.png").toFile());
        assertEquals(0, warped.getRaster().getSample(10, 10, 1), "no value where the frame does not reach");
        assertEquals(255, warped.getRaster().getSample(240, 320, 1));

        EmbedCommandTest.Result again = EmbedCommandTest.runCapturing("project", "align-nir", project.toString());

        assertEquals(0, again.json().get("aligned").size(), "warped bands are left alone: " + again.out());
        assertEquals(2, again.json().get("in_place").asInt());
    }

    /** The band it replaced belongs to the tile: renaming the tile takes it along. */
    @Test
    void theKeptBandFollowsItsTile() throws Exception {
        Path project = projectWithUnalignedBands(5);
        EmbedCommandTest.runCapturing("project", "align-nir", project.toString());

        Project opened = Project.open(project);
        opened.rename(opened.tiles().get(0), "mouth");

        assertTrue(Files.isRegularFile(project.resolve("nir/.unaligned/mouth.png")));
        assertTrue(Files.notExists(project.resolve("nir/.unaligned/airborne_5.png")));
    }

    /** A tile of open water says nothing of where its band lies: the other bands' shared warp places it. */
    @Test
    void aBandWhoseEdgesSayNothingIsPlacedWhereTheOthersLie() throws Exception {
        Path project = projectWithUnalignedBands(3, 5, 12);
        BufferedImage lake = new BufferedImage(480, 640, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 640; y++) {
            for (int x = 0; x < 480; x++) {
                lake.setRGB(x, y, 0x96bec8);
            }
        }
        ImageIO.write(lake, "png", project.resolve("tiles/lake.png").toFile());
        ImageIO.write(NearInfrared.fromFile(ImageIO.read(FRAMES.resolve("airborne_ir_7.png").toFile())).grey(),
                "png", project.resolve("nir/lake.png").toFile());

        EmbedCommandTest.Result result = EmbedCommandTest.runCapturing("project", "align-nir", project.toString());

        JsonNode aligned = result.json().get("aligned");
        assertEquals(4, aligned.size(), result.out());
        JsonNode placed = aligned.get(3);
        assertEquals("lake", placed.get("tile").asText());
        assertTrue(placed.get("shared").asBoolean(), placed.toString());
        assertTrue(result.err().contains("nir/lake.png") && result.err().contains("placed where the 3 bands"),
                result.err());
        assertTrue(Files.isRegularFile(project.resolve("nir/.unaligned/lake.png")));
    }

    /** A band that lines up (the tile's own brightness, inverted) and one that is no picture of the tile. */
    @Test
    void bandsInPlaceAndBandsOfOtherGroundAreLeftAsTheyAre() throws Exception {
        Path project = projectWithUnalignedBands(3, 7);
        BufferedImage tile = ImageIO.read(project.resolve("tiles/airborne_3.png").toFile());
        BufferedImage inverted = new BufferedImage(tile.getWidth(), tile.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < tile.getHeight(); y++) {
            for (int x = 0; x < tile.getWidth(); x++) {
                int rgb = tile.getRGB(x, y);
                int grey = ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3;
                inverted.getRaster().setSample(x, y, 0, 255 - grey);
            }
        }
        ImageIO.write(inverted, "png", project.resolve("nir/airborne_3.png").toFile());
        BufferedImage flat = new BufferedImage(tile.getWidth(), tile.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        ImageIO.write(flat, "png", project.resolve("nir/airborne_7.png").toFile());
        byte[] inPlace = Files.readAllBytes(project.resolve("nir/airborne_3.png"));
        byte[] other = Files.readAllBytes(project.resolve("nir/airborne_7.png"));

        EmbedCommandTest.Result result = EmbedCommandTest.runCapturing("project", "align-nir", project.toString());

        assertEquals(0, result.json().get("aligned").size(), result.out());
        assertEquals(1, result.json().get("in_place").asInt(), result.out());
        assertTrue(result.err().contains("nir/airborne_7.png") && result.err().contains("left as it is"),
                result.err());
        assertArrayEquals(inPlace, Files.readAllBytes(project.resolve("nir/airborne_3.png")));
        assertArrayEquals(other, Files.readAllBytes(project.resolve("nir/airborne_7.png")));
        assertTrue(Files.notExists(project.resolve("nir/.unaligned")));
    }
}
