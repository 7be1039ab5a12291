package org.meander.ui;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import org.meander.weights.ErrorText;
import org.meander.project.LabelStatus;
import org.meander.project.Project;
import org.meander.project.Split;
import org.meander.project.Tile;

/**
 * The tile list's state: the tiles it shows (a {@link TileFilter} and a search by name), the review count, and the
 * keyboard's moves from tile to tile, which go through the tiles shown. The open tile stays shown whatever the
 * filter, so that accepting it under "To review" does not pull it from under the annotator; it leaves the list when
 * another tile opens.
 */
public final class TileBrowser {

    private final Project project;
    private final Consumer<String> status;
    private List<Tile> all;
    private final ShownTiles shown = new ShownTiles();
    private final ObjectProperty<TileFilter> filter = new SimpleObjectProperty<>(TileFilter.ALL);
    private final StringProperty search = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper review = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper tilesChanges = new ReadOnlyIntegerWrapper();
    /** "226 tiles, 190 labelled, 120 accepted": read again only when labels are written. */
    private String counts;
    private Tile open;

    /** status: where a move that cannot be made says why (the status bar). */
    TileBrowser(Project project, Consumer<String> status) {
        this.project = project;
        this.status = status;
        all = project.tiles();
        counts = countLabels();
        filter.addListener(o -> refilter());
        search.addListener(o -> refilter());
        refilter();
    }

    /** The tiles the list shows, in the project's order. */
    public ObservableList<Tile> shown() {
        return shown;
    }

    ObjectProperty<TileFilter> filterProperty() {
        return filter;
    }

    /** Part of the tile's name, any case; empty for every name. */
    StringProperty searchProperty() {
        return search;
    }

    /** "226 tiles, 190 labelled, 120 accepted", and how many are shown when not all are; it follows every save. */
    public ReadOnlyStringProperty reviewProperty() {
        return review.getReadOnlyProperty();
    }

    /** The tile now open in the editor (or null): shown whatever the filter until another one opens. */
    void open(Tile tile) {
        open = tile;
        refilter();
    }

    /** Whether the list is taking in a change of the tiles shown, during which its selection is no one's choice. */
    boolean changingShown() {
        return shown.changing();
    }

    /** A tile left the project (removed to its trash): the list and the count follow. */
    void tilesChanged() {
        all = project.tiles();
        if (open != null && !all.contains(open)) {
            open = null;
        }
        labelsWritten();
        tilesChanges.set(tilesChanges.get() + 1);
    }

    /** Counts the changes to the project's tiles, for views that show them elsewhere (the raster map). */
    ReadOnlyIntegerProperty tilesChangesProperty() {
        return tilesChanges.getReadOnlyProperty();
    }

    /** Labels were written (a save, auto-label): statuses, and so the tiles shown and the count, are read again. */
    void labelsWritten() {
        counts = countLabels();
        refilter();
    }

    /** Whether the project still holds the tile: a removal takes it out before the list hears of it. */
    boolean holds(Tile tile) {
        return project.tile(tile.name()).filter(tile::equals).isPresent();
    }

    /** The tile's label status as the list shows it: none, imported, edited, accepted, or predicted (to review). */
    String statusOf(Tile tile) {
        LabelStatus labelStatus = project.status(tile);
        return labelStatus == LabelStatus.PREDICTED ? "predicted, to review"
                : labelStatus.name().toLowerCase(Locale.ROOT);
    }

    /** Where the tile's label came from when auto-label predicted it, for its tooltip; null otherwise. */
    String provenanceOf(Tile tile) {
        return project.predictedBy(tile).map(decoder -> "Its label began as auto-label's prediction by " + decoder
                + (project.status(tile) == LabelStatus.PREDICTED ? ", to review" : ", since reviewed")).orElse(null);
    }

    Split splitOf(Tile tile) {
        return project.split(tile);
    }

    /** Moves a tile to another split, recorded at once. */
    void setSplit(Tile tile, Split split) {
        try {
            project.setSplit(tile, split);
            status.accept(tile.name() + " is now in the " + split.key() + " split");
            refilter();
        } catch (IOException e) {
            status.accept("Could not record the split: " + ErrorText.of(e));
        }
    }

    /**
     * The tile {@code step} places from the open one among those shown (Page Down: 1, Page Up: -1), held at either
     * end.
     */
    Tile tileAfter(int step) {
        int at = shown.indexOf(open);
        return shown.isEmpty() ? null : shown.get(Math.max(0, Math.min(shown.size() - 1, at + step)));
    }

    /**
     * The first tile shown after the open one, going round, whose label is not accepted yet; null, with a word in the
     * status bar, when no other tile waits. openAccepted: whether the open tile's label is accepted, or is being saved
     * so.
     */
    Tile nextToReview(boolean openAccepted) {
        int at = shown.indexOf(open);
        for (int i = 1; i < shown.size(); i++) {
            Tile tile = shown.get(Math.floorMod(at + i, shown.size()));
            if (project.status(tile) != LabelStatus.ACCEPTED) {
                return tile;
            }
        }
        boolean filtered = shown.size() < all.size();
        status.accept(openAccepted
                ? (filtered ? "Every tile shown is accepted" : "Every tile's label is accepted")
                : (filtered ? "No other tile shown waits for review" : "No other tile waits for review"));
        return null;
    }

    /** The first tile shown that the filter and the search admit (not merely kept because it is open), or null. */
    Tile firstFound() {
        return shown.stream().filter(this::admits).findFirst().orElse(null);
    }

    private void refilter() {
        shown.showOnly(all.stream().filter(tile -> tile.equals(open) || admits(tile))
                .toList());
        review.set(describeReview());
    }

    /**
     * Whether the filter and the search admit the tile, which may also be shown because it is open. A label's status
     * is read only when the filter asks for it: on a network drive each read is a round trip, and the list is
     * filtered again at every tile opened and every key typed in the search.
     */
    boolean admits(Tile tile) {
        TileFilter chosen = filter.get();
        return tile.name().toLowerCase(Locale.ROOT).contains(search.get().strip().toLowerCase(Locale.ROOT))
                && chosen.admits(chosen.readsStatus() ? project.status(tile) : null, project.split(tile));
    }

    private String describeReview() {
        return shown.size() == all.size() ? counts : counts + " · " + shown.size() + " shown";
    }

    private String countLabels() {
        int labelled = 0;
        int accepted = 0;
        for (Tile tile : all) {
            LabelStatus labelStatus = project.status(tile);
            labelled += labelStatus == LabelStatus.NONE ? 0 : 1;
            accepted += labelStatus == LabelStatus.ACCEPTED ? 1 : 0;
        }
        return all.size() + (all.size() == 1 ? " tile, " : " tiles, ") + labelled + " labelled, " + accepted
                + " accepted";
    }
}
