package org.meander.project;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntUnaryOperator;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meander.project.raster.BandChoice;
import org.meander.testing.Fixtures;
import org.meander.testing.TestRasters;

/** Importing real Elwha frames and masks written the way other tools write them. */
class ProjectImportTest {

    static final Path DATA = Fixtures.shared().resolve("data/elwha-airborne");
    static final int WIDTH = 480;
    static final int HEIGHT = 640;

    @TempDir
    Path temp;

    Path images() throws IOException {
        return Files.createDirectories(temp.resolve("images"));
    }

    Path masks() throws IOException {
        return Files.createDirectories(temp.resolve("masks"));
    }

    Path project() {
        return temp.resolve("project");
    }

    static Path frame(int n, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.copy(DATA.resolve("airborne_" + n + ".png"), file);
    }

    /** A mask whose value at pixel i is {@code value(i)}, as 8-bit gray; the format follows the extension. */
    static Path grayMask(Path file, int width, int height, IntUnaryOperator value) throws IOException {
        int[] values = new int[width * height];
        Arrays.setAll(values, value::applyAsInt);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setPixels(0, 0, width, height, values);
        return TestImages.write(image, file);
    }

    /** The label expected from a mask: 1 where {@code foreground(i)}. */
    static LabelMask expected(IntUnaryOperator foreground) {
        byte[] pixels = new byte[WIDTH * HEIGHT];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) foreground.applyAsInt(i);
        }
        return new LabelMask(WIDTH, HEIGHT, pixels);
    }

    static int stripe(int i) {
        return i % WIDTH / 160; // 0, 1, 2 in three vertical stripes
    }

    static LabelMask label(Project project, String name) throws IOException {
        Tile tile = project.tiles().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
        return project.readLabel(tile).orElseThrow(() -> new AssertionError(name + " has no label"));
    }

    static boolean mentions(ImportReport report, String fileName, String... words) {
        return report.problems().stream().anyMatch(p -> p.contains(fileName)
                && Arrays.stream(words).allMatch(p::contains));
    }

    @Test
    void pairsMasksByStemAndConvertsZeroOneAndZero255() throws IOException {
        frame(1, images().resolve("a.png"));
        BufferedImage rgb = ImageIO.read(DATA.resolve("airborne_2.png").toFile());
        TestImages.write(rgb, images().resolve("b.jpg"));
        frame(3, images().resolve("c.png"));
        frame(4, images().resolve("d.png"));
        grayMask(masks().resolve("a.png"), WIDTH, HEIGHT, i -> i % WIDTH < 100 ? 1 : 0);
        grayMask(masks().resolve("b_mask.png"), WIDTH, HEIGHT, i -> i / WIDTH < 200 ? 255 : 0);
        grayMask(masks().resolve("c.tif"), WIDTH, HEIGHT, i -> stripe(i) == 2 ? 255 : 0);
        grayMask(masks().resolve("zzz.png"), WIDTH, HEIGHT, i -> 0);

        ImportReport report = ProjectImport.create(project(), images(), masks(), null);

        assertEquals(List.of("a", "b", "c", "d"), report.importedTiles());
        assertEquals(List.of("a", "b", "c"), report.labelledTiles());
        assertEquals(1, report.problems().size(), report.problems().toString());
        assertTrue(mentions(report, "zzz.png", "no image"), report.problems().toString());
        assertArrayEquals(Files.readAllBytes(images().resolve("b.jpg")),
                Files.readAllBytes(project().resolve("tiles/b.jpg")), "tiles are copied byte for byte");

        Project project = Project.open(project());
        assertEquals(expected(i -> i % WIDTH < 100 ? 1 : 0), label(project, "a"));
        assertEquals(expected(i -> i / WIDTH < 200 ? 1 : 0), label(project, "b"));
        assertEquals(expected(i -> stripe(i) == 2 ? 1 : 0), label(project, "c"));
        assertEquals(LabelStatus.NONE, project.status(project.tiles().get(3)));
        assertEquals(LabelStatus.IMPORTED, project.status(project.tiles().get(0)));
        // on disk a label is 8-bit 0/255, whatever the mask held
        BufferedImage written = ImageIO.read(project().resolve("labels/a.png").toFile());
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, written.getType());
        assertEquals(255, written.getRaster().getSample(0, 0, 0));
        assertEquals(0, written.getRaster().getSample(WIDTH - 1, 0, 0));
    }

    @Test
    void theExactStemAndPngWinWhenSeveralMasksMatch() throws IOException {
        frame(1, images().resolve("a.png"));
        grayMask(masks().resolve("a_mask.png"), WIDTH, HEIGHT, i -> 1);
        grayMask(masks().resolve("a.tif"), WIDTH, HEIGHT, i -> i % 2);
        grayMask(masks().resolve("a.png"), WIDTH, HEIGHT, i -> i % WIDTH < 10 ? 1 : 0);

        ImportReport report = ProjectImport.create(project(), images(), masks(), null);

        assertEquals(expected(i -> i % WIDTH < 10 ? 1 : 0), label(Project.open(project()), "a"));
        assertTrue(mentions(report, "a_mask.png", "not used"), report.problems().toString());
        assertTrue(mentions(report, "a.tif", "not used"), report.problems().toString());
    }

    @Test
    void aClassIndexMakesOnlyThatClassForeground() throws IOException {
        frame(1, images().resolve("a.png"));
        frame(2, images().resolve("b.png"));
        // a palette PNG, as segmentation tools write class maps: the samples are class indices, not colours
        byte[] red = {0, (byte) 0, (byte) 255};
        byte[] green = {(byte) 128, (byte) 0, (byte) 0};
        byte[] blue = {0, (byte) 255, 0};
        BufferedImage classes = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_INDEXED,
                new IndexColorModel(2, 3, red, green, blue));
        for (int i = 0; i < WIDTH * HEIGHT; i++) {
            classes.getRaster().setSample(i % WIDTH, i / WIDTH, 0, stripe(i));
        }
        TestImages.write(classes, masks().resolve("a.png"));
        grayMask(masks().resolve("b.png"), WIDTH, HEIGHT, i -> stripe(i) == 1 ? 0 : 2);

        ImportReport report = ProjectImport.create(project(), images(), masks(), 1);

        Project project = Project.open(project());
        assertEquals(expected(i -> stripe(i) == 1 ? 1 : 0), label(project, "a"));
        assertEquals(expected(i -> 0), label(project, "b"));
        assertTrue(mentions(report, "b.png", "no pixel has class 1"), report.problems().toString());
    }

    @Test
    void withoutAClassIndexEveryNonzeroClassIsForeground() throws IOException {
        frame(1, images().resolve("a.png"));
        grayMask(masks().resolve("a.png"), WIDTH, HEIGHT, ProjectImportTest::stripe);

        ProjectImport.create(project(), images(), masks(), null);

        assertEquals(expected(i -> stripe(i) > 0 ? 1 : 0), label(Project.open(project()), "a"));
    }

    /** JPEG 2000 (a satellite band file, an orthophoto) is a raster to cut: the report says how. */
    @Test
    void aJpeg2000ImageIsSkippedWithTheWayToCutIt() throws IOException {
        frame(1, images().resolve("a.png"));
        Path scene = images().resolve("scene.jp2");
        try (var gdalWritten = ProjectImportTest.class.getResourceAsStream(
                "/org/meander/project/raster/jpeg2000/rgb8-utm.jp2")) {
            Files.copy(gdalWritten, scene);
        }

        ImportReport report = ProjectImport.create(project(), images(), masks(), null);

        assertEquals(List.of("a"), report.importedTiles());
        assertEquals(List.of(scene + ": JPEG 2000, which is cut into tiles, not imported whole; skipped. Cut it with"
                + " ./meander project tile DIR --raster " + scene + " (or Project ▸ Add a raster… in the window)"),
                report.problems());
    }

    @Test
    void aTruncatedImageIsSkippedAndReportedWhileTheOthersImport() throws IOException {
        frame(1, images().resolve("a.png"));
        byte[] whole = Files.readAllBytes(DATA.resolve("airborne_2.png"));
        Files.write(images().resolve("b.png"), Arrays.copyOf(whole, whole.length / 2));
        BufferedImage rgb = ImageIO.read(DATA.resolve("airborne_3.png").toFile());
        byte[] jpeg = Files.readAllBytes(TestImages.write(rgb, temp.resolve("whole.jpg")));
        Files.write(images().resolve("c.jpg"), Arrays.copyOf(jpeg, jpeg.length / 2));
        Files.writeString(images().resolve("d.png"), "not an image");
        frame(4, images().resolve("e.png"));
        grayMask(masks().resolve("b.png"), WIDTH, HEIGHT, i -> 1);

        ImportReport report = ProjectImport.create(project(), images(), masks(), null);

        assertEquals(List.of("a", "e"), report.importedTiles());
        for (String skipped : List.of("b.png", "c.jpg", "d.png")) {
            assertTrue(mentions(report, skipped, "skipped"), skipped + ": " + report.problems());
            assertFalse(Files.exists(project().resolve("tiles").resolve(skipped)), skipped);
        }
        assertFalse(Files.exists(project().resolve("labels/b.png")));
        assertFalse(mentions(report, "masks/b.png", "no image"), "the mask of a skipped image is not unpaired");
        assertEquals(2, Project.open(project()).tiles().size());
    }

    @Test
    void aMaskOfAnotherSizeLeavesItsImageUnlabelled() throws IOException {
        frame(1, images().resolve("a.png"));
        grayMask(masks().resolve("a.png"), 10, 20, i -> 1);

        ImportReport report = ProjectImport.create(project(), images(), masks(), null);

        assertEquals(List.of("a"), report.importedTiles());
        assertEquals(List.of(), report.labelledTiles());
        assertTrue(mentions(report, "a.png", "10 x 20", WIDTH + " x " + HEIGHT), report.problems().toString());
        assertFalse(Files.exists(project().resolve("labels/a.png")));
    }

    @Test
    void anExistingTileAndItsLabelAreNotOverwritten() throws IOException {
        Path tiles = Files.createDirectories(project().resolve("tiles"));
        frame(5, tiles.resolve("a.png"));
        frame(6, tiles.resolve("b.jpg"));
        frame(7, tiles.resolve("d.PNG"));
        Path oldLabel = grayMask(project().resolve("labels/a.png"), WIDTH, HEIGHT, i -> i % 3 == 0 ? 255 : 0);
        byte[] tileBefore = Files.readAllBytes(tiles.resolve("a.png"));
        byte[] labelBefore = Files.readAllBytes(oldLabel);
        frame(1, images().resolve("a.png"));
        frame(2, images().resolve("b.png")); // same tile name as b.jpg: they would share one label
        frame(3, images().resolve("c.png"));
        frame(7, images().resolve("d.png")); // the same pixels as d.PNG, but another file
        grayMask(masks().resolve("a.png"), WIDTH, HEIGHT, i -> 1);

        ImportReport report = ProjectImport.create(project(), images(), masks(), null);

        assertEquals(List.of("c"), report.importedTiles());
        assertTrue(mentions(report, "a.png", "already has a tile"), report.problems().toString());
        assertTrue(mentions(report, "b.png", "already has a tile"), report.problems().toString());
        assertTrue(mentions(report, "d.png", "already has a tile"), report.problems().toString());
        assertArrayEquals(tileBefore, Files.readAllBytes(tiles.resolve("a.png")));
        assertArrayEquals(labelBefore, Files.readAllBytes(oldLabel));
        assertFalse(Files.exists(tiles.resolve("b.png")));
        assertEquals(4, Project.open(project()).tiles().size());
    }

    /**
     * An import stopped part way (a crash, the window closed) and asked for again: the tiles it made are kept, and what
     * it had not reached is added, a GeoTIFF's place on the map included, without a clash reported.
     */
    @Test
    void anImportAskedForAgainCompletesTheOneThatStopped() throws IOException {
        TestRasters.tiff(images().resolve("a_scene.tif"), TestRasters.raster(64, 48, 3, 8, (x, y, b) -> x + y * b),
                0, TestRasters.georeferencing());
        frame(1, images().resolve("b.png"));
        frame(2, images().resolve("c.png"));
        grayMask(masks().resolve("b.png"), WIDTH, HEIGHT, i -> stripe(i) == 1 ? 255 : 0);
        grayMask(masks().resolve("c.png"), WIDTH, HEIGHT, i -> stripe(i) == 2 ? 255 : 0);
        class Stop extends RuntimeException {
        }
        assertThrows(Stop.class, () -> ProjectImport.create(project(), images(), masks(), null,
                ImageryOptions.DEFAULT, (done, total) -> {
                    if (done == 2) {
                        throw new Stop();
                    }
                }));
        Project stopped = Project.open(project());
        assertEquals(2, stopped.tiles().size());
        assertTrue(stopped.georeferencing(stopped.tile("a_scene").orElseThrow()).isEmpty(), "not recorded yet");

        ImportReport report = ProjectImport.create(project(), images(), masks(), null);

        assertEquals(List.of("c"), report.importedTiles());
        assertEquals(List.of("a_scene", "b"), report.alreadyThere());
        assertEquals(List.of(), report.problems());
        Project done = Project.open(project());
        assertTrue(done.georeferencing(done.tile("a_scene").orElseThrow()).isPresent());
        assertEquals(expected(i -> stripe(i) == 1 ? 1 : 0), label(done, "b"));
        assertEquals(expected(i -> stripe(i) == 2 ? 1 : 0), label(done, "c"));
    }

    @Test
    void filesThatWouldEscapeTheProjectAreSkipped() throws IOException {
        frame(1, images().resolve("a.png"));
        Path outside = frame(2, temp.resolve("elsewhere/secret.png"));
        Files.createSymbolicLink(images().resolve("link.png"), outside);
        frame(3, images().resolve("sub\\evil.png"));
        Files.writeString(images().resolve("notes.txt"), "field notes");

        ImportReport report = ProjectImport.create(project(), images(), null, null);

        assertEquals(List.of("a"), report.importedTiles());
        assertTrue(mentions(report, "link.png", "outside"), report.problems().toString());
        assertTrue(mentions(report, "evil.png", "path separator"), report.problems().toString());
        assertTrue(mentions(report, "notes.txt", "skipped"), report.problems().toString());
        assertEquals(List.of("tiles/a.png"), TestImages.filesBelow(project()).stream()
                .filter(f -> f.startsWith("tiles")).toList());
    }

    /** git-annex and DVC keep data as links into a store of their own: followed, the tile is what the link shows. */
    @Test
    void linksOutOfTheFolderAreCopiedWhenLinksAreFollowed() throws IOException {
        Path stored = frame(2, temp.resolve(".git/annex/objects/SHA256E-s1234--abcd.png"));
        Files.createSymbolicLink(images().resolve("airborne_2.png"), stored);
        Path linkedMask = Files.move(grayMask(temp.resolve("dvc-cache/ab/cd.png"), 480, 640,
                i -> i % 7 == 0 ? 255 : 0), temp.resolve("dvc-cache/ab/cd")); // DVC's store names have no extension
        Files.createSymbolicLink(masks().resolve("airborne_2.png"), linkedMask);

        ImportReport report = ProjectImport.create(project(), images(), masks(), null,
                new ImageryOptions(BandChoice.DEFAULT, null, true, ImageryOptions.CUT_LARGER_THAN));

        assertEquals(List.of("airborne_2"), report.importedTiles());
        assertEquals(List.of("airborne_2"), report.labelledTiles());
        assertEquals(List.of(), report.problems());
        Path tile = project().resolve("tiles/airborne_2.png");
        assertFalse(Files.isSymbolicLink(tile), "a copy, not the link");
        assertArrayEquals(Files.readAllBytes(stored), Files.readAllBytes(tile));
    }

    @Test
    void theProjectOpensWithTheSeededSplitForEveryTile() throws IOException {
        for (int n = 1; n <= 10; n++) {
            frame(n, images().resolve("airborne_" + n + ".png"));
        }

        ImportReport report = ProjectImport.create(project(), images(), null, null);

        assertEquals(10, report.importedTiles().size());
        JsonNode splits = new ObjectMapper().readTree(project().resolve("meander.json").toFile()).path("splits");
        Project project = Project.open(project());
        int[] counts = new int[Split.values().length];
        for (Tile tile : project.tiles()) {
            assertEquals(project.split(tile).key(), splits.path(tile.name()).asText(), tile.name());
            counts[project.split(tile).ordinal()]++;
        }
        assertEquals(10, splits.size());
        assertEquals(8, counts[Split.TRAIN.ordinal()]);
        assertEquals(1, counts[Split.VALIDATION.ordinal()]);
        assertEquals(1, counts[Split.TEST.ordinal()]);
    }
}
