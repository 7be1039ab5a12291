package org.meander.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.meander.project.LabelMask;
import org.meander.project.LabelStatus;
import org.meander.project.Project;
import org.meander.project.Split;
import org.meander.project.Tile;
import org.meander.project.export.LabelExport.Format;
import org.meander.testing.OneWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** "Export labels…": the labels as the window shows them, an unsaved edit included, written for other tools. */
@ExtendWith({ApplicationExtension.class, OneWindow.class})
class ExportLabelsTest {

    @TempDir
    Path dir;

    private Workbench workbench;
    private ExportLabelsViewModel model;
    private ExportLabelsWindow window;

    @Start
    void start(Stage stage) throws Exception {
        workbench = SampleWindow.show(stage, 1, null).workbench();
        model = new ExportLabelsViewModel(workbench.project(), workbench.annotate().editor());
        window = new ExportLabelsWindow(model);
        window.show(stage);
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    @Test
    void pngMasksHoldTheLabelBeingEditedToo(FxRobot robot) throws Exception {
        AnnotateViewModel model = workbench.annotate();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.labelProperty().get() != null);
        Tile open = model.selectedTileProperty().get();
        robot.interact(() -> model.editor().fillHoles()); // an edit not yet saved
        LabelMask edited = model.labelProperty().get();

        assertEquals(workbench.project().directory().resolve("export").resolve("png").toString(),
                Fields.text(robot, "#export-out"), "by default into the project's export folder");
        assertEquals("every tile", Fields.choice(robot, "#export-split"),
                "the split's first choice is named, not a blank line");
        Path out = dir.resolve("masks");
        Fields.set(robot, "#export-out", out.toString());
        robot.clickOn("#export-start");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> Fields.text(robot, "#export-report").startsWith("Written to"));

        assertTrue(Fields.text(robot, "#export-report").contains("masks: 6"), Fields.text(robot, "#export-report"));
        BufferedImage written = ImageIO.read(out.resolve(open.name() + ".png").toFile());
        byte[] pixels = new byte[edited.width() * edited.height()];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (written.getRaster().getSample(i % edited.width(), i / edited.width(), 0) > 0 ? 1 : 0);
        }
        assertArrayEquals(edited.pixels(), pixels, "the open tile's mask is its label as edited");
    }

    /** After a review, the labels a person checked, and only those, for training elsewhere. */
    @Test
    void acceptedLabelsOnly(FxRobot robot) throws Exception {
        Project project = workbench.project();
        List<Tile> tiles = project.tiles();
        for (Tile tile : List.of(tiles.get(1), tiles.get(4))) {
            project.writeLabel(tile, project.readLabel(tile).orElseThrow(), LabelStatus.ACCEPTED);
        }
        Path out = dir.resolve("accepted");
        Fields.set(robot, "#export-out", out.toString());
        robot.clickOn("#export-accepted-only");
        robot.clickOn("#export-start");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> Fields.text(robot, "#export-report").startsWith("Written to"));
        assertEquals(List.of(tiles.get(1).name() + ".png", tiles.get(4).name() + ".png"), visibleFiles(out));
    }

    /** As {@code project export --overwrite}: an earlier export is replaced wholly, once the user says so. */
    @Test
    void anEarlierExportIsReplacedOnlyOnceConfirmed(FxRobot robot) throws Exception {
        Project project = workbench.project();
        Tile checked = project.tiles().get(2);
        project.writeLabel(checked, project.readLabel(checked).orElseThrow(), LabelStatus.ACCEPTED);
        Path out = dir.resolve("masks");
        Fields.set(robot, "#export-out", out.toString());
        robot.clickOn("#export-start");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> Fields.text(robot, "#export-report").startsWith("Written to"));
        assertEquals(6, visibleFiles(out).size());

        robot.clickOn("#export-accepted-only");
        robot.clickOn("#export-start");
        WaitForAsyncUtils.waitForFxEvents();
        String question = robot.lookup(".dialog-pane .content").queryLabeled().getText();
        assertEquals(out + " holds an earlier export (png, 6 files). Replace it? The files it wrote go; other files"
                + " there stay.", question);
        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(6, visibleFiles(out).size(), "not replaced unasked");

        robot.clickOn("#export-start");
        WaitForAsyncUtils.waitForFxEvents();
        robot.push(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> visibleFiles(out).size() == 1
                && Fields.text(robot, "#export-report").startsWith("Written to"));
        assertEquals(List.of(checked.name() + ".png"), visibleFiles(out));
    }

    @Test
    void aFolderOfOtherFilesIsNoPlaceForAnExport(FxRobot robot) throws Exception {
        Path out = Files.createDirectories(dir.resolve("photos"));
        Files.writeString(out.resolve("holiday.jpg"), "not a mask");

        Fields.set(robot, "#export-out", out.toString());

        assertTrue(Fields.label(robot, "#export-problem").startsWith(out + ": holds 1 file that no Meander export"),
                Fields.label(robot, "#export-problem"));
        assertTrue(robot.lookup("#export-start").queryAs(Button.class).isDisabled());
    }

    @Test
    void cocoOfOneSplitIsOneJsonFile(FxRobot robot) throws Exception {
        ComboBox<?> format = robot.lookup("#export-format").queryAs(ComboBox.class);
        robot.interact(() -> format.getSelectionModel().select(Format.COCO.ordinal()));
        assertEquals(workbench.project().directory().resolve("export").resolve("coco.json").toString(),
                Fields.text(robot, "#export-out"), "the suggestion follows the format");

        Fields.set(robot, "#export-out", dir.toString());
        assertTrue(Fields.label(robot, "#export-problem").contains("is a folder; COCO is one JSON file"));
        assertTrue(robot.lookup("#export-start").queryAs(Button.class).isDisabled());

        ComboBox<?> split = robot.lookup("#export-split").queryAs(ComboBox.class);
        robot.interact(() -> split.getSelectionModel().select(1 + Split.TRAIN.ordinal()));
        Path json = dir.resolve("train.json");
        Fields.set(robot, "#export-out", json.toString());
        robot.clickOn("#export-start");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> Fields.text(robot, "#export-report").startsWith("Written to"));
        JsonNode coco = new ObjectMapper().readTree(json.toFile());
        long train = workbench.project().tiles().stream()
                .filter(t -> workbench.project().split(t) == Split.TRAIN).count();
        assertEquals(train, coco.get("images").size(), "the train split's tiles only");

        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!window.stage().isShowing(), "Esc closes the window");
        assertTrue(Files.isRegularFile(json));
    }

    /**
     * A COCO file that exists, chosen in the save dialog, was agreed to be replaced there (every platform's save dialog
     * asks): Export replaces it without asking again. A file typed in is asked about.
     */
    @Test
    void aCocoFileChosenInTheSaveDialogIsNotAskedAboutTwice(FxRobot robot) throws Exception {
        ComboBox<?> format = robot.lookup("#export-format").queryAs(ComboBox.class);
        robot.interact(() -> format.getSelectionModel().select(Format.COCO.ordinal()));
        Path chosen = Files.writeString(dir.resolve("chosen.json"), "an earlier file");
        Path typed = Files.writeString(dir.resolve("typed.json"), "an earlier file");

        robot.interact(() -> model.chosenInSaveDialog(chosen)); // the save dialog cannot be driven headless
        robot.clickOn("#export-start");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> Fields.text(robot, "#export-report").startsWith("Written to"));
        assertEquals(6, new ObjectMapper().readTree(chosen.toFile()).get("images").size(), "replaced unasked");

        Fields.set(robot, "#export-out", typed.toString());
        robot.clickOn("#export-start");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(typed + " exists. Replace it?", robot.lookup(".dialog-pane .content").queryLabeled().getText());
        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("an earlier file", Files.readString(typed));
    }

    /** Outlines for a GIS: a GeoJSON file per tile whose polygons hold the label's pixels, the open tile's edit too. */
    @Test
    void geoJsonOutlinesOfEveryTile(FxRobot robot) throws Exception {
        AnnotateViewModel model = workbench.annotate();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.labelProperty().get() != null);
        Tile open = model.selectedTileProperty().get();
        robot.interact(() -> model.editor().fillHoles());
        LabelMask edited = model.labelProperty().get();
        ComboBox<?> format = robot.lookup("#export-format").queryAs(ComboBox.class);
        robot.interact(() -> format.getSelectionModel().select(Format.GEOJSON.ordinal()));
        assertEquals(workbench.project().directory().resolve("export").resolve("geojson").toString(),
                Fields.text(robot, "#export-out"));

        Path out = dir.resolve("outlines");
        Fields.set(robot, "#export-out", out.toString());
        robot.clickOn("#export-start");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> Fields.text(robot, "#export-report").startsWith("Written to"));

        assertTrue(Fields.text(robot, "#export-report").contains("files: 6"), Fields.text(robot, "#export-report"));
        JsonNode outlines = new ObjectMapper().readTree(out.resolve(open.name() + ".geojson").toFile());
        long pixels = 0;
        for (JsonNode feature : outlines.get("features")) {
            pixels += feature.get("properties").get("pixels").asLong();
        }
        long labelled = 0;
        for (byte p : edited.pixels()) {
            labelled += p;
        }
        assertTrue(labelled > 0);
        assertEquals(labelled, pixels, "the polygons hold the label as edited");
    }

    /** Smoothed outlines for a map: fewer corners, the same regions and pixels; only GeoJSON offers it. */
    @Test
    void geoJsonOutlinesSimplified(FxRobot robot) throws Exception {
        assertTrue(!shown(robot.lookup("#export-simplify").query()), "masks have no outlines to simplify");
        ComboBox<?> format = robot.lookup("#export-format").queryAs(ComboBox.class);
        robot.interact(() -> format.getSelectionModel().select(Format.GEOJSON.ordinal()));
        assertTrue(shown(robot.lookup("#export-simplify").query()));
        Path exact = dir.resolve("exact");
        Fields.set(robot, "#export-out", exact.toString());
        robot.clickOn("#export-start");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> Fields.text(robot, "#export-report").startsWith("Written to " + exact));

        Fields.set(robot, "#export-simplify", "one");
        assertTrue(Fields.label(robot, "#export-problem").startsWith("Simplify: type a number of pixels"));
        assertTrue(robot.lookup("#export-start").queryAs(Button.class).isDisabled());
        Fields.set(robot, "#export-simplify", "1");
        Path simplified = dir.resolve("simplified");
        Fields.set(robot, "#export-out", simplified.toString());
        robot.clickOn("#export-start");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> Fields.text(robot, "#export-report").startsWith("Written to " + simplified));

        assertTrue(Fields.text(robot, "#export-report").contains("simplified pixels: 1.0"),
                Fields.text(robot, "#export-report"));
        Tile tile = workbench.project().tiles().get(0);
        JsonNode before = new ObjectMapper().readTree(exact.resolve(tile.name() + ".geojson").toFile());
        JsonNode after = new ObjectMapper().readTree(simplified.resolve(tile.name() + ".geojson").toFile());
        assertEquals(before.get("features").size(), after.get("features").size(), "the same regions");
        long cornersBefore = 0;
        long cornersAfter = 0;
        for (int i = 0; i < before.get("features").size(); i++) {
            JsonNode exactFeature = before.get("features").get(i);
            JsonNode simplifiedFeature = after.get("features").get(i);
            assertEquals(exactFeature.get("properties"), simplifiedFeature.get("properties"),
                    "the region's pixels, whatever its outline");
            cornersBefore += exactFeature.get("geometry").get("coordinates").get(0).size();
            cornersAfter += simplifiedFeature.get("geometry").get("coordinates").get(0).size();
        }
        assertTrue(cornersAfter < cornersBefore / 2, cornersAfter + " corners of " + cornersBefore);
    }

    /** The files a person sees in the folder, sorted: not the export's hidden record. */
    private static List<String> visibleFiles(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).filter(name -> !name.startsWith(".")).sorted()
                    .toList();
        }
    }

    private static boolean shown(Node node) {
        return node.isVisible() && (node.getParent() == null || shown(node.getParent()));
    }
}
