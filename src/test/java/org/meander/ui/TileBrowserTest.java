package org.meander.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meander.project.LabelStatus;
import org.meander.project.Project;
import org.meander.project.SampleProject;
import org.meander.project.Split;
import org.meander.project.Tile;

/** The tile list's filter, search, count and moves, on the sample project's six tiles (all with imported labels). */
class TileBrowserTest {

    @TempDir
    Path dir;

    private Project project;
    private List<Tile> tiles;
    private final List<String> messages = new ArrayList<>();
    private TileBrowser browser;

    @BeforeEach
    void open() throws IOException {
        project = SampleProject.create(dir.resolve("sample"), 1);
        tiles = project.tiles();
        browser = new TileBrowser(project, messages::add);
    }

    @Test
    void aFilterShowsTheTilesWhoseLabelStandsSoAndTheCountSaysHowMany() throws IOException {
        relabel(tiles.get(1), LabelStatus.PREDICTED);
        relabel(tiles.get(4), LabelStatus.PREDICTED);
        relabel(tiles.get(2), LabelStatus.ACCEPTED);
        browser.labelsWritten();
        browser.filterProperty().set(TileFilter.PREDICTED);
        assertEquals(List.of(tiles.get(1), tiles.get(4)), browser.shown());
        assertEquals("6 tiles, 6 labelled, 1 accepted · 2 shown", browser.reviewProperty().get());
        browser.filterProperty().set(TileFilter.TO_REVIEW);
        assertEquals(5, browser.shown().size());
        assertEquals(false, browser.shown().contains(tiles.get(2)));
        browser.filterProperty().set(TileFilter.ALL);
        assertEquals("6 tiles, 6 labelled, 1 accepted", browser.reviewProperty().get());
    }

    @Test
    void theOpenTileStaysShownUntilAnotherOneOpens() throws IOException {
        browser.filterProperty().set(TileFilter.TO_REVIEW);
        browser.open(tiles.get(0));
        relabel(tiles.get(0), LabelStatus.ACCEPTED);
        browser.labelsWritten();
        assertEquals(tiles.get(0), browser.shown().get(0), "accepted, but open: it stays under the annotator");
        browser.open(tiles.get(1));
        assertEquals(tiles.subList(1, 6), browser.shown());
    }

    @Test
    void theSearchFindsPartOfANameInAnyCase() {
        String name = tiles.get(3).name();
        browser.searchProperty().set("  " + name.substring(name.length() - 2).toUpperCase() + " ");
        assertEquals(List.of(tiles.get(3)), browser.shown());
        browser.searchProperty().set("no such tile");
        assertEquals(List.of(), browser.shown());
        assertEquals("6 tiles, 6 labelled, 0 accepted · 0 shown", browser.reviewProperty().get());
    }

    @Test
    void movesGoThroughTheTilesShown() throws IOException {
        project.setSplit(tiles.get(1), Split.TEST);
        project.setSplit(tiles.get(3), Split.TEST);
        project.setSplit(tiles.get(5), Split.TEST);
        browser.filterProperty().set(TileFilter.TEST);
        browser.open(tiles.get(1));
        assertEquals(tiles.get(3), browser.tileAfter(1));
        assertEquals(tiles.get(1), browser.tileAfter(-1), "held at the first tile shown");
        relabel(tiles.get(3), LabelStatus.ACCEPTED);
        browser.labelsWritten();
        assertEquals(tiles.get(5), browser.nextToReview(false), "the accepted one is passed by");
        browser.open(tiles.get(5));
        relabel(tiles.get(1), LabelStatus.ACCEPTED);
        relabel(tiles.get(5), LabelStatus.ACCEPTED);
        browser.labelsWritten();
        assertNull(browser.nextToReview(true));
        assertEquals("Every tile shown is accepted", messages.get(messages.size() - 1));
    }

    /**
     * N goes to the next tile shown that is not accepted, whatever its label: after auto-label, the "Predicted, to
     * review" filter makes it go through what auto-label labelled, as README says.
     */
    @Test
    void nGoesThroughThePredictedLabelsUnderTheirFilter() throws IOException {
        relabel(tiles.get(1), LabelStatus.PREDICTED);
        relabel(tiles.get(4), LabelStatus.PREDICTED);
        browser.labelsWritten();
        browser.open(tiles.get(1));
        assertEquals(tiles.get(2), browser.nextToReview(false), "every tile shown: an imported label waits too");
        browser.filterProperty().set(TileFilter.PREDICTED);
        assertEquals(tiles.get(4), browser.nextToReview(false));
        browser.open(tiles.get(4));
        assertEquals(tiles.get(1), browser.nextToReview(false), "going round the list");
    }

    @Test
    void aTileMovedOutOfTheSplitShownLeavesTheListOnceClosed() {
        browser.filterProperty().set(TileFilter.TRAIN);
        int before = browser.shown().size();
        Tile moved = browser.shown().get(0);
        browser.open(moved);
        browser.setSplit(moved, Split.VALIDATION);
        assertEquals(moved.name() + " is now in the validation split", messages.get(messages.size() - 1));
        assertEquals(before, browser.shown().size(), "still open");
        browser.open(null);
        assertEquals(before - 1, browser.shown().size());
    }

    @Test
    void aTileOpenedFromElsewhereIsShownWhateverTheFilter() {
        browser.filterProperty().set(TileFilter.PREDICTED); // none is
        browser.open(tiles.get(0));
        assertEquals(List.of(tiles.get(0)), browser.shown());
        browser.open(tiles.get(3));
        assertEquals(List.of(tiles.get(3)), browser.shown());
    }

    /**
     * A listener told of a change may open a tile, which changes the tiles shown again: that change follows the one
     * being told (JavaFX cannot begin one inside another: it threw).
     */
    @Test
    void aTileOpenedByAListenerToTheListIsShownOnceItsChangeIsTold() {
        browser.filterProperty().set(TileFilter.PREDICTED);
        List<Boolean> changing = new ArrayList<>();
        browser.shown().addListener((javafx.collections.ListChangeListener<Tile>) change -> {
            changing.add(browser.changingShown());
            if (browser.shown().isEmpty()) {
                browser.open(tiles.get(2));
            }
        });
        browser.open(tiles.get(1));
        browser.open(null);
        assertEquals(List.of(tiles.get(2)), browser.shown());
        assertEquals(List.of(true, true, true), changing, "shown, gone, and the tile the listener opened");
    }

    private void relabel(Tile tile, LabelStatus status) throws IOException {
        project.writeLabel(tile, project.readLabel(tile).orElseThrow(), status);
    }
}
