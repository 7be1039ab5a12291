package org.meander.prompts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.meander.project.ImageryOptions;
import org.meander.project.LabelMask;
import org.meander.project.Project;
import org.meander.project.ProjectImport;
import org.meander.project.RasterTiling;
import org.meander.project.RasterWindow;
import org.meander.project.Tile;
import org.meander.project.raster.BandChoice;
import org.meander.project.raster.Georeferencing;
import org.meander.project.raster.Window;
import org.meander.testing.Messages;
import org.meander.testing.TestRasters;

/**
 * The water index on multispectral imagery (red, green, blue and near-infrared as a sensor measured them: 16-bit
 * reflectances times 10000, or floating-point reflectances): the tile's green is stretched for the eye, so the index
 * must read it back as measured to compare it with the near-infrared, kept as measured. A river between gravel bars
 * in a forest: only the river is water, as McFeeters' index at 0 says of the true reflectances, and where nothing was
 * seen (GDAL's nodata) is not.
 */
class MultispectralWaterIndexTest {

    private static final int WIDTH = 300;
    private static final int HEIGHT = 200;
    private static final BandChoice RGB_AND_NIR = new BandChoice(1, 2, 3, OptionalInt.of(4));
    private static final RoughMaskSettings INDEX = new RoughMaskSettings(RoughMaskSource.NDWI, WaterIndex.MCFEETERS,
            HsvRange.RIVER_WATER, RoughMaskCleanup.DEFAULT);
    /** Red, green, blue and near-infrared reflectances, times 10000, of each kind of ground. */
    private static final int[] WATER = {150, 500, 600, 200};
    private static final int[] GRAVEL = {1800, 1500, 1300, 2500};
    private static final int[] FOREST = {500, 800, 400, 4000};
    private static final int OUTSIDE = 10;

    @TempDir
    Path temp;

    /** Outside the flight, the first columns, every band holds GDAL's nodata, 0. */
    private static int reflectance(int x, int y, int band) {
        if (x < OUTSIDE) {
            return 0;
        }
        int[] ground = x >= 120 && x < 180 ? WATER : x >= 90 && x < 210 ? GRAVEL : FOREST;
        return ground[band] + (7 * x + 13 * y) % 50;
    }

    private Path scene(String kind) throws IOException {
        return scene(kind, TestRasters.georeferencing());
    }

    /** The scene as a TIFF of {@code kind} ("16-bit", "float") with these fields (its nodata 0 among them). */
    private Path scene(String kind, List<TestRasters.Field> fields) throws IOException {
        Path file = temp.resolve("images/scene.tif");
        return kind.startsWith("float")
                ? TestRasters.tiff(file, TestRasters.floatRaster(WIDTH, HEIGHT, 4,
                        (x, y, b) -> reflectance(x, y, b) / 10000f), 0, fields)
                : TestRasters.tiff(file, TestRasters.raster(WIDTH, HEIGHT, 4, 16,
                        MultispectralWaterIndexTest::reflectance), 0, fields);
    }

    @ParameterizedTest
    @ValueSource(strings = {"16-bit", "float"})
    void anImportedImagesRiverIsWaterAndItsGravelAndForestAreNot(String kind) throws IOException {
        Path scene = scene(kind);
        ProjectImport.create(temp.resolve("project"), scene.getParent(), null, null,
                new ImageryOptions(RGB_AND_NIR, null));
        Project project = Project.open(temp.resolve("project"));

        LabelMask water = RoughMasks.of(project, project.tiles().get(0), INDEX).water();

        assertGround(water, new Window(0, 0, WIDTH, HEIGHT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"16-bit", "float"})
    void aCutRastersRiverIsWaterAndItsGravelAndForestAreNot(String kind) throws IOException {
        Path raster = scene(kind);
        RasterTiling.tile(temp.resolve("project"), raster, new RasterTiling.Settings(128, 32, RGB_AND_NIR),
                (done, total) -> { });
        Project project = Project.open(temp.resolve("project"));

        for (Tile tile : project.tiles()) {
            LabelMask water = RoughMasks.of(project, tile, INDEX).water();
            assertGround(water, project.rasterWindow(tile).orElseThrow().window());
        }
    }

    /**
     * A false-colour picture (near-infrared, red, green) of bands the file names: the index reads green from the
     * tile's blue channel. Its red channel holds near-infrared, its green red, which is below near-infrared over water.
     */
    @Test
    void aFalseColourPictureOfNamedBandsGivesTheIndexItsGreen() throws IOException {
        List<TestRasters.Field> fields = new java.util.ArrayList<>(TestRasters.georeferencing());
        fields.add(TestRasters.bandNames("Red", "Green", "Blue", "NIR"));
        Path scene = scene("16-bit", fields);
        BandChoice falseColour = new BandChoice(4, 1, 2, OptionalInt.of(4));
        ProjectImport.create(temp.resolve("whole"), scene.getParent(), null, null,
                new ImageryOptions(falseColour, null));
        RasterTiling.tile(temp.resolve("cut"), scene, new RasterTiling.Settings(128, 32, falseColour),
                (done, total) -> { });

        for (Project project : List.of(Project.open(temp.resolve("whole")), Project.open(temp.resolve("cut")))) {
            for (Tile tile : project.tiles()) {
                assertEquals(2, project.greenChannel(tile));
                Window window = project.rasterWindow(tile).map(RasterWindow::window)
                        .orElse(new Window(0, 0, WIDTH, HEIGHT));
                assertGround(RoughMasks.of(project, tile, INDEX).water(), window);
            }
        }
    }

    /**
     * GDAL writes the nodata value of a raster without a place on the map too: it is left out of the stretch, and the
     * near-infrared band has no value there.
     */
    @ParameterizedTest
    @ValueSource(strings = {"16-bit", "float"})
    void theNodataOfATiffWithoutGeoreferencingIsKnownToo(String kind) throws IOException {
        Path raster = scene(kind, List.of(new TestRasters.Field(Georeferencing.GDAL_NODATA, "TIFFAsciis", "0")));
        ProjectImport.create(temp.resolve("whole"), raster.getParent(), null, null,
                new ImageryOptions(RGB_AND_NIR, null));
        RasterTiling.tile(temp.resolve("cut"), raster, new RasterTiling.Settings(128, 32, RGB_AND_NIR),
                (done, total) -> { });

        for (Project project : List.of(Project.open(temp.resolve("whole")), Project.open(temp.resolve("cut")))) {
            Tile first = project.tiles().get(0);
            double greenLow = project.colourRadiometry(first).orElseThrow().stretch().low()[1];
            assertTrue(greenLow >= (kind.equals("float") ? 0.05 : 500), "nodata left out of the stretch: " + greenLow);
            LabelMask unknown = NearInfraredBand.read(project.nearInfraredFile(first)).unknown();
            assertEquals(1, unknown.pixels()[5 * unknown.width() + 5], "no value outside the flight");
            assertEquals(0, unknown.pixels()[5 * unknown.width() + 50]);
            assertGround(RoughMasks.of(project, first, INDEX).water(),
                    project.rasterWindow(first).map(RasterWindow::window).orElse(new Window(0, 0, WIDTH, HEIGHT)));
        }
    }

    /** A project imported before stretches were recorded for images gets the record from the same import again. */
    @Test
    void importingTheSameImagesAgainRecordsTheStretchOfATileImportedWithout() throws IOException {
        Path dir = importedSixteenBitScene();
        editManifest(dir, root -> root.remove("sources"));
        assertTrue(Project.open(dir).colourRadiometry(Project.open(dir).tiles().get(0)).isEmpty());

        importedSixteenBitScene();

        Project project = Project.open(dir);
        assertGround(RoughMasks.of(project, project.tiles().get(0), INDEX).water(), new Window(0, 0, WIDTH, HEIGHT));
    }

    @Test
    void aGreenChannelInMeanderJsonOutOfRangeIsNamedWithTheWayOut() throws IOException {
        Path dir = importedSixteenBitScene();
        editManifest(dir, root -> ((ObjectNode) root.path("sources").path("scene")).put("green_channel", 3));
        Project project = Project.open(dir);

        IOException e = assertThrows(IOException.class, () -> project.greenChannel(project.tiles().get(0)));

        Messages.assertContains(e.getMessage(), dir.resolve("meander.json").toString(),
                "sources.scene.green_channel", "is 3", "fix it or remove it");
    }

    @Test
    void aStretchInMeanderJsonThatIsNotThreeNumbersIsNamedWithTheWayOut() throws IOException {
        Path dir = importedSixteenBitScene();
        editManifest(dir, root -> ((ObjectNode) root.path("sources").path("scene").path("stretch")).putArray("low")
                .add(1).add("dark"));
        Project project = Project.open(dir);

        IOException e = assertThrows(IOException.class, () -> project.colourRadiometry(project.tiles().get(0)));

        Messages.assertContains(e.getMessage(), dir.resolve("meander.json").toString(), "sources.scene.stretch",
                "\"low\"", "three numbers", "remove it");
    }

    /** The project the 16-bit scene is imported into (again, when it is there). */
    private Path importedSixteenBitScene() throws IOException {
        Path dir = temp.resolve("project");
        ProjectImport.create(dir, scene("16-bit").getParent(), null, null, new ImageryOptions(RGB_AND_NIR, null));
        return dir;
    }

    private static void editManifest(Path dir, Consumer<ObjectNode> edit) throws IOException {
        Path manifest = dir.resolve("meander.json");
        ObjectNode root = (ObjectNode) new ObjectMapper().readTree(manifest.toFile());
        edit.accept(root);
        new ObjectMapper().writeValue(manifest.toFile(), root);
    }

    /** Every pixel of the river water, every other pixel not. */
    private static void assertGround(LabelMask water, Window window) {
        for (int y = 0; y < window.height(); y++) {
            for (int x = 0; x < window.width(); x++) {
                int sceneX = window.x() + x;
                int expected = sceneX >= 120 && sceneX < 180 ? 1 : 0;
                assertEquals(expected, water.pixels()[y * window.width() + x],
                        "scene pixel " + sceneX + "," + (window.y() + y));
            }
        }
    }
}
