package org.meander.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meander.project.Project;
import org.meander.project.raster.NearInfrared;
import org.meander.testing.Fixtures;

/** {@code meander project create} on real Elwha frames. */
class ProjectCommandTest {

    static final Path DATA = Fixtures.shared().resolve("data/elwha-airborne");

    @TempDir
    Path temp;

    static EmbedCommandTest.Result project(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "project";
        System.arraycopy(args, 0, all, 1, args.length);
        return EmbedCommandTest.runCapturing(all);
    }

    Path images() throws IOException {
        Path images = Files.createDirectories(temp.resolve("images"));
        Files.copy(DATA.resolve("airborne_1.png"), images.resolve("a.png"));
        Files.copy(DATA.resolve("airborne_2.png"), images.resolve("b.png"));
        byte[] whole = Files.readAllBytes(DATA.resolve("airborne_3.png"));
        Files.write(images.resolve("c.png"), Arrays.copyOf(whole, whole.length / 2));
        return images;
    }

    Path masks() throws IOException {
        Path masks = Files.createDirectories(temp.resolve("masks"));
        BufferedImage mask = new BufferedImage(480, 640, BufferedImage.TYPE_BYTE_GRAY);
        mask.getRaster().setSample(3, 4, 0, 2);
        mask.getRaster().setSample(5, 6, 0, 1);
        ImageIO.write(mask, "png", masks.resolve("a_mask.png").toFile());
        return masks;
    }

    @Test
    void createPrintsOneJsonLineAndTheProblemsOnStderr() throws IOException {
        Path dir = temp.resolve("project");

        EmbedCommandTest.Result result = project("create", dir.toString(), "--images", images().toString(),
                "--masks", masks().toString(), "--class-index", "1");

        assertEquals(0, result.exit(), result.err());
        JsonNode json = result.json();
        assertEquals(2, json.path("tiles").asInt());
        assertEquals(1, json.path("labelled").asInt());
        assertEquals(1, json.path("problems").size());
        assertTrue(json.path("problems").get(0).asText().contains("c.png"), json.toString());
        assertTrue(result.err().contains("c.png"), result.err());
        assertTrue(result.err().contains("images 3/3"), "the progress: " + result.err());
        Project project = Project.open(dir);
        assertEquals(2, project.tiles().size());
        byte[] label = project.readLabel(project.tiles().get(0)).orElseThrow().pixels();
        assertEquals(1, label[6 * 480 + 5], "class 1 is foreground");
        assertEquals(0, label[4 * 480 + 3], "class 2 is not");
    }

    @Test
    void aLargeImageIsCutAndSaidSoUnlessTheThresholdSaysOtherwise() throws IOException {
        Path images = Files.createDirectories(temp.resolve("orthos"));
        ImageIO.write(new BufferedImage(2100, 1100, BufferedImage.TYPE_INT_RGB), "png",
                images.resolve("big.png").toFile());

        EmbedCommandTest.Result cut = project("create", temp.resolve("cut").toString(), "--images",
                images.toString());

        assertEquals(0, cut.exit(), cut.err());
        assertEquals(6, cut.json().path("tiles").asInt());
        assertEquals("{\"file\":\"big.png\",\"width\":2100,\"height\":1100,\"tiles\":6}",
                cut.json().path("cut").get(0).toString());
        assertTrue(cut.err().contains("cutting big.png into tiles: 6/6"), cut.err());

        EmbedCommandTest.Result whole = project("create", temp.resolve("whole").toString(), "--images",
                images.toString(), "--cut-larger-than", "4096");
        assertEquals(1, whole.json().path("tiles").asInt());

        EmbedCommandTest.Result wrong = project("create", temp.resolve("wrong").toString(), "--images",
                images.toString(), "--cut-larger-than", "500");
        assertEquals(2, wrong.exit());
        assertTrue(wrong.err().contains("--cut-larger-than: images are cut when larger than 500 pixels; give 1024"
                + " or more"), wrong.err());
    }

    /**
     * The Elwha near-infrared frames are found on their images and warped (the JSON says where); with --nir-as-is
     * they are laid as they are, for frames registered already: no "aligned", the band the frame's own levels.
     */
    @Test
    void nearInfraredFramesAreAlignedUnlessLaidAsTheyAre() throws IOException {
        Path images = Files.createDirectories(temp.resolve("elwha"));
        for (String name : new String[] {"airborne_3.png", "airborne_ir_3.png"}) {
            Files.copy(DATA.resolve(name), images.resolve(name));
        }

        JsonNode aligned = project("create", temp.resolve("aligned").toString(), "--images", images.toString(),
                "--nir", images.toString()).json();
        EmbedCommandTest.Result asItIs = project("create", temp.resolve("as-is").toString(), "--images",
                images.toString(), "--nir", images.toString(), "--nir-as-is");

        assertEquals("airborne_3", aligned.path("aligned").get(0).path("tile").asText(), aligned.toString());
        assertEquals(0, asItIs.exit(), asItIs.err());
        assertTrue(asItIs.json().path("aligned").isMissingNode(), asItIs.out());
        BufferedImage band = ImageIO.read(temp.resolve("as-is/nir/airborne_3.png").toFile());
        BufferedImage frame = NearInfrared.fromFile(ImageIO.read(DATA.resolve("airborne_ir_3.png").toFile())).grey();
        assertEquals(1, band.getRaster().getNumBands(), "no alpha: the frame covers its image");
        assertEquals(frame.getRaster().getSample(10, 10, 0), band.getRaster().getSample(10, 10, 0));
        assertEquals(frame.getRaster().getSample(300, 500, 0), band.getRaster().getSample(300, 500, 0));
    }

    /**
     * The Elwha frames as they come, beside their images: paired without --nir (stderr says so), imported as tiles
     * with --no-nir, which does not go with --nir.
     */
    @Test
    void framesBesideTheImagesArePairedUnlessNoNirIsGiven() throws IOException {
        Path images = Files.createDirectories(temp.resolve("elwha"));
        for (String name : new String[] {"airborne_3.png", "airborne_ir_3.png"}) {
            Files.copy(DATA.resolve(name), images.resolve(name));
        }

        EmbedCommandTest.Result paired = project("create", temp.resolve("paired").toString(), "--images",
                images.toString(), "--nir-as-is");
        EmbedCommandTest.Result asTiles = project("create", temp.resolve("as-tiles").toString(), "--images",
                images.toString(), "--no-nir");
        EmbedCommandTest.Result both = project("create", temp.resolve("both").toString(), "--images",
                images.toString(), "--no-nir", "--nir", images.toString());

        assertEquals(1, paired.json().path("tiles").asInt(), paired.out());
        assertTrue(paired.err().contains("1 near-infrared frame named for images beside them (airborne_ir_3.png for"
                + " airborne_3): kept as those images' near-infrared bands, not imported as tiles (--no-nir imports"
                + " them as tiles)"), paired.err());
        assertTrue(Files.isRegularFile(temp.resolve("paired/nir/airborne_3.png")));
        assertEquals(2, asTiles.json().path("tiles").asInt(), asTiles.out());
        assertFalse(Files.exists(temp.resolve("as-tiles/nir/airborne_3.png")));
        assertEquals(2, both.exit());
        assertTrue(both.err().contains("--no-nir imports frames as tiles; it does not go with --nir"), both.err());
    }

    @Test
    void nirAsIsNeedsTheFrames() throws IOException {
        EmbedCommandTest.Result result = project("create", temp.resolve("project").toString(), "--images",
                images().toString(), "--nir-as-is");

        assertEquals(2, result.exit());
        assertTrue(result.err().contains("--nir-as-is") && result.err().contains("--nir"), result.err());
    }

    @Test
    void nothingImportedExitsOne() throws IOException {
        Path images = Files.createDirectories(temp.resolve("broken"));
        byte[] whole = Files.readAllBytes(DATA.resolve("airborne_1.png"));
        Files.write(images.resolve("a.png"), Arrays.copyOf(whole, whole.length / 2));

        EmbedCommandTest.Result result = project("create", temp.resolve("project").toString(),
                "--images", images.toString());

        assertEquals(1, result.exit());
        assertEquals(0, result.json().path("tiles").asInt());
        assertTrue(result.err().contains("a.png"), result.err());
        assertFalse(Files.exists(temp.resolve("project")), "no empty project is left behind");
    }

    @Test
    void aMissingImagesFolderIsAnErrorNamingIt() {
        Path missing = temp.resolve("nowhere");

        EmbedCommandTest.Result result = project("create", temp.resolve("project").toString(),
                "--images", missing.toString());

        assertEquals(1, result.exit());
        assertTrue(result.err().contains(missing.toString()), result.err());
        assertEquals("", result.out());
    }

    @Test
    void withoutImagesItIsAUsageError() {
        EmbedCommandTest.Result result = project("create", temp.resolve("project").toString());

        assertEquals(2, result.exit());
        assertTrue(result.err().contains("--images"), result.err());
    }
}
