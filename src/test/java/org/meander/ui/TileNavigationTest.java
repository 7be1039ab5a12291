package org.meander.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.meander.project.LabelMask;
import org.meander.project.LabelStatus;
import org.meander.project.Tile;
import org.meander.project.edit.CombineMode;
import org.meander.testing.Fixtures;
import org.meander.testing.OneWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Going through a project's tiles from the keyboard, as a review of hundreds of labels needs. */
@ExtendWith({ApplicationExtension.class, OneWindow.class})
class TileNavigationTest {

    private Workbench workbench;

    @Start
    void start(Stage stage) throws Exception {
        workbench = SampleWindow.show(stage, 1, Fixtures.model("tiny")).workbench();
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    @Test
    void theWindowOpensWithTheTileListInFocusNotTheFilterAboveIt(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.Node list = robot.lookup("#tiles").query();
        assertEquals(list, list.getScene().getFocusOwner());
    }

    @Test
    void pageDownAndPageUpStepThroughTheList(FxRobot robot) {
        AnnotateViewModel model = workbench.annotate();
        List<Tile> tiles = model.tiles();
        robot.push(KeyCode.PAGE_DOWN);
        robot.push(KeyCode.PAGE_DOWN);
        assertEquals(tiles.get(2), selected(robot));
        assertEquals(tiles.get(2), model.selectedTileProperty().get(), "the list's tile is the one open");
        robot.push(KeyCode.PAGE_UP);
        assertEquals(tiles.get(1), selected(robot));
        robot.push(KeyCode.PAGE_UP);
        robot.push(KeyCode.PAGE_UP);
        assertEquals(tiles.get(0), selected(robot), "the first tile stays at the top");
    }

    @Test
    void shiftAAcceptsAndOpensTheNextTileToReview(FxRobot robot) throws Exception {
        AnnotateViewModel model = labelShown();
        List<Tile> tiles = List.copyOf(model.tiles());
        assertEquals("6 tiles, 6 labelled, 0 accepted", Fields.label(robot, "#review-summary"));
        robot.press(KeyCode.SHIFT).push(KeyCode.A).release(KeyCode.SHIFT);
        assertEquals(tiles.get(1), selected(robot));
        model.editor().awaitSaved();
        assertEquals(LabelStatus.ACCEPTED, workbench.project().status(tiles.get(0)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Fields.label(robot, "#review-summary").endsWith("1 accepted"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> cellText(robot, tiles.get(0)).contains("\naccepted\n"));

        select(robot, tiles.get(tiles.size() - 1));
        robot.push(KeyCode.N);
        assertEquals(tiles.get(1), selected(robot), "N goes round the list and passes accepted tiles by");
    }

    /** A for a tile with no river on it: the label accepted is empty, and the status bar says what that means. */
    @Test
    void acceptingAnEmptyLabelSaysTheTileHasNoRiver(FxRobot robot) throws Exception {
        AnnotateViewModel model = labelShown();
        Tile first = model.selectedTileProperty().get();
        LabelMask label = model.labelProperty().get();
        robot.push(KeyCode.A);
        model.editor().awaitSaved();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> ("Accepted the label of " + first.name()).equals(model.statusProperty().get()));

        LabelMask empty = new LabelMask(label.width(), label.height(), new byte[label.pixels().length]);
        robot.interact(() -> model.editor().accept(empty, CombineMode.REPLACE));
        robot.push(KeyCode.A);
        model.editor().awaitSaved();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.statusProperty().get().startsWith("Accepted "
                + first.name() + " as a tile without river"));
        assertTrue(workbench.project().readLabel(first).orElseThrow().isEmpty());
        assertEquals(LabelStatus.ACCEPTED, workbench.project().status(first));
    }

    @Test
    void whenEveryTileIsAcceptedNSaysSoAndStays(FxRobot robot) throws Exception {
        AnnotateViewModel model = workbench.annotate();
        List<Tile> tiles = model.tiles();
        for (int i = 0; i < tiles.size(); i++) {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.labelProperty().get() != null);
            robot.press(KeyCode.SHIFT).push(KeyCode.A).release(KeyCode.SHIFT);
        }
        model.editor().awaitSaved();
        assertTrue(tiles.stream().allMatch(t -> workbench.project().status(t) == LabelStatus.ACCEPTED));
        Tile last = selected(robot);
        robot.push(KeyCode.N);
        assertEquals(last, selected(robot));
        assertEquals("Every tile's label is accepted", model.statusProperty().get());
    }

    @Test
    void aFilterNarrowsTheListAndTheKeysStayWithinIt(FxRobot robot) throws Exception {
        AnnotateViewModel model = labelShown();
        List<Tile> tiles = List.copyOf(model.tiles());
        showOnlyPredicted(robot, model, tiles.get(2), tiles.get(4));
        assertEquals(List.of(tiles.get(0), tiles.get(2), tiles.get(4)), model.tiles(), "the open tile stays");
        robot.push(KeyCode.PAGE_DOWN);
        assertEquals(tiles.get(2), selected(robot));
        assertEquals(List.of(tiles.get(2), tiles.get(4)), model.tiles());
        assertEquals("6 tiles, 6 labelled, 0 accepted · 2 shown", Fields.label(robot, "#review-summary"));
        robot.push(KeyCode.PAGE_DOWN);
        robot.push(KeyCode.PAGE_DOWN);
        assertEquals(tiles.get(4), selected(robot), "held at the last tile shown");
    }

    /**
     * Tiles joining the list in two places before the open one made JavaFX's selection land on another tile, which
     * opened (its undo history lost) or left none open, with an exception (found walking the window).
     */
    @Test
    void theOpenTileStaysOpenAndSelectedWhateverTheFilterShowsAroundIt(FxRobot robot) throws Exception {
        AnnotateViewModel model = labelShown();
        List<Tile> tiles = List.copyOf(model.tiles());
        ChoiceBox<TileFilter> filter = showOnlyPredicted(robot, model, tiles.get(1), tiles.get(3));
        robot.push(KeyCode.PAGE_DOWN);
        robot.push(KeyCode.PAGE_DOWN);
        assertEquals(tiles.get(3), selected(robot));
        assertEquals(List.of(tiles.get(1), tiles.get(3)), model.tiles());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.labelProperty().get() != null);
        LabelMask label = model.labelProperty().get();
        robot.interact(() -> model.editor().accept(new LabelMask(label.width(), label.height(),
                new byte[label.pixels().length]), CombineMode.REPLACE));

        robot.interact(() -> filter.setValue(TileFilter.ALL));

        assertEquals(tiles, model.tiles());
        assertEquals(tiles.get(3), selected(robot), "tiles 0 and 2 joined before the open one");
        assertEquals(tiles.get(3), model.selectedTileProperty().get());
        assertTrue(model.labelProperty().get().isEmpty(), "the edit stays, undoable");
        robot.interact(() -> filter.setValue(TileFilter.ACCEPTED));
        assertEquals(List.of(tiles.get(3)), model.tiles(), "the open tile stays, though not accepted");
        assertEquals(tiles.get(3), selected(robot));
        assertEquals(tiles.get(3), model.selectedTileProperty().get());
    }

    /** A tile opened from elsewhere (a restore, the Evaluate tab, the raster map) is the one the list selects. */
    @Test
    void theListSelectsATileOpenedFromElsewhere(FxRobot robot) throws Exception {
        AnnotateViewModel model = labelShown();
        List<Tile> tiles = List.copyOf(model.tiles());
        robot.interact(() -> model.selectedTileProperty().set(tiles.get(4)));
        assertEquals(tiles.get(4), selected(robot));
    }

    @Test
    void ctrlFFindsATileByNameAndWhatIsTypedThereIsNoShortcut(FxRobot robot) throws Exception {
        AnnotateViewModel model = labelShown();
        List<Tile> tiles = List.copyOf(model.tiles());
        robot.press(KeyCode.CONTROL).push(KeyCode.F).release(KeyCode.CONTROL);
        // A accepts a label, E picks the eraser, P the polygon: not while typing a name
        type(robot, KeyCode.A, KeyCode.M, KeyCode.P, KeyCode.L, KeyCode.E);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("ample", Fields.text(robot, "#tile-search"));
        assertEquals(Tool.SAM, model.editor().toolProperty().get());
        assertEquals(LabelStatus.IMPORTED, workbench.project().status(tiles.get(0)));
        for (int i = 0; i < 5; i++) {
            robot.push(KeyCode.BACK_SPACE);
        }
        type(robot, KeyCode.DIGIT0, KeyCode.DIGIT4);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(tiles.get(0), tiles.get(3)), model.tiles(), "the open tile and the one found");
        robot.push(KeyCode.ENTER);
        assertEquals(tiles.get(3), selected(robot), "Enter opens the tile found");
        robot.press(KeyCode.CONTROL).push(KeyCode.F).release(KeyCode.CONTROL);
        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(tiles, model.tiles(), "Esc clears the search");
        assertEquals(tiles.get(3), selected(robot));
    }

    /**
     * A message about a tile goes when another tile opens; Shift+A says what it accepted and what it opened, and the
     * word of the save, which comes once the next tile is open, does not replace that.
     */
    @Test
    void aMessageAboutATileGoesWhenAnotherOpens(FxRobot robot) throws Exception {
        AnnotateViewModel model = labelShown();
        List<Tile> tiles = List.copyOf(model.tiles());
        robot.push(KeyCode.A);
        model.editor().awaitSaved();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> ("Accepted the label of " + tiles.get(0).name()).equals(model.statusProperty().get()));
        robot.push(KeyCode.PAGE_DOWN);
        assertEquals(tiles.get(1), selected(robot));
        assertEquals("", model.statusProperty().get(), "the word about " + tiles.get(0).name() + " went with it");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.labelProperty().get() != null);
        robot.press(KeyCode.SHIFT).push(KeyCode.A).release(KeyCode.SHIFT);
        assertEquals(tiles.get(2), selected(robot));
        model.editor().awaitSaved();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Accepted the label of " + tiles.get(1).name() + "; " + tiles.get(2).name()
                + " is the next to review", model.statusProperty().get());
        robot.push(KeyCode.PAGE_UP);
        assertEquals("", model.statusProperty().get());
    }

    /** Marks the tiles' labels predicted and filters the list to them; the filter, to change again. */
    @SuppressWarnings("unchecked")
    private ChoiceBox<TileFilter> showOnlyPredicted(FxRobot robot, AnnotateViewModel model, Tile... predicted)
            throws java.io.IOException {
        for (Tile tile : predicted) {
            workbench.project().writeLabel(tile, workbench.project().readLabel(tile).orElseThrow(),
                    LabelStatus.PREDICTED);
        }
        robot.interact(model::labelsWritten);
        ChoiceBox<TileFilter> filter = robot.lookup("#tile-filter").queryAs(ChoiceBox.class);
        robot.interact(() -> filter.setValue(TileFilter.PREDICTED));
        return filter;
    }

    /** Annotate once the first tile's label is shown (before that, A and Shift+A accept nothing). */
    private AnnotateViewModel labelShown() throws Exception {
        AnnotateViewModel model = workbench.annotate();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.labelProperty().get() != null);
        return model;
    }

    /** The list's entry for the tile, as shown. */
    private static String cellText(FxRobot robot, Tile tile) {
        return robot.lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.ListCell<?> c
                && c.getText() != null && c.getText().startsWith(tile.name() + "\n")).queryLabeled().getText();
    }

    private static void type(FxRobot robot, KeyCode... keys) {
        for (KeyCode key : keys) {
            robot.push(key);
        }
    }

    @SuppressWarnings("unchecked")
    private static Tile selected(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup("#tiles").queryAs(ListView.class).getSelectionModel().getSelectedItem() instanceof Tile t
                ? t : null;
    }

    @SuppressWarnings("unchecked")
    private static void select(FxRobot robot, Tile tile) {
        ListView<Tile> list = robot.lookup("#tiles").queryAs(ListView.class);
        robot.interact(() -> list.getSelectionModel().select(tile));
    }
}
