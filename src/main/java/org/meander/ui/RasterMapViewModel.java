package org.meander.ui;

import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.meander.project.LabelStatus;
import org.meander.project.Project;
import org.meander.project.RasterLayout;
import org.meander.project.Tile;
import org.meander.weights.ErrorText;

/**
 * The map of a raster cut into tiles (M): each tile in its place, tinted by its label status, the open one outlined;
 * a click, or an arrow key from the open tile, opens a tile in Annotate. With rivers across hundreds of tiles, the
 * list tells what is labelled but not where.
 */
final class RasterMapViewModel {

    private final Project project;
    private final AnnotateViewModel annotate;
    private final Consumer<Tile> open;
    private final ObservableList<RasterLayout> layouts = FXCollections.observableArrayList();
    private final ObjectProperty<RasterLayout> shown = new SimpleObjectProperty<>();
    private final InvalidationListener relayout = o -> relayout();
    private final Map<Tile, LabelStatus> statuses = new HashMap<>();

    /** open: opens a tile in Annotate, as the tile list does. */
    RasterMapViewModel(Project project, AnnotateViewModel annotate, Consumer<Tile> open) throws IOException {
        this.project = project;
        this.annotate = annotate;
        this.open = open;
        layouts.setAll(RasterLayout.of(project));
        Tile current = annotate.selectedTileProperty().get();
        shown.set(layouts.stream().filter(layout -> layout.cells().stream().anyMatch(c -> c.tile().equals(current)))
                .findFirst().orElse(layouts.isEmpty() ? null : layouts.get(0)));
        annotate.browser().tilesChangesProperty().addListener(relayout);
    }

    /** The tiles' labels as map overlays of the given size; arrived runs as each is read. */
    MapLabels labels(int side, Runnable arrived) {
        return new MapLabels(project, side, arrived);
    }

    /** The map closed: it no longer follows the project's tiles. */
    void close() {
        annotate.browser().tilesChangesProperty().removeListener(relayout);
    }

    /** The rasters cut into the project, one map each. */
    ObservableList<RasterLayout> layouts() {
        return layouts;
    }

    /** A tile was removed: the maps are laid out again, the same raster shown. */
    private void relayout() {
        String raster = shown.get() == null ? null : shown.get().raster().name();
        statuses.clear();
        try {
            layouts.setAll(RasterLayout.of(project));
        } catch (IOException e) {
            annotate.showMessage("The map cannot be drawn again: " + ErrorText.of(e));
            return;
        }
        shown.set(layouts.stream().filter(layout -> layout.raster().name().equals(raster)).findFirst()
                .orElse(layouts.isEmpty() ? null : layouts.get(0)));
    }

    /** The raster whose map is shown. */
    ObjectProperty<RasterLayout> shownProperty() {
        return shown;
    }

    /** The tile open in Annotate, or null. */
    ObjectProperty<Tile> openTileProperty() {
        return annotate.selectedTileProperty();
    }

    /** Counts the saves: a status shown on the map may have changed. */
    ReadOnlyIntegerProperty labelsWrittenProperty() {
        return annotate.labelsWrittenProperty();
    }

    /**
     * The tile's label status as last read: each is a look at a label file, and the map is drawn again as each
     * tile's picture arrives, so statuses are read once and again only after labels are written.
     */
    LabelStatus statusOf(Tile tile) {
        return statuses.computeIfAbsent(tile, project::status);
    }

    /** Labels were written: the statuses are read again as the map is next drawn. */
    void labelsWritten() {
        statuses.clear();
    }

    /** "ortho_r03_c07 · accepted · train split". */
    String describe(Tile tile) {
        return tile.name() + " · " + statusOf(tile).name().toLowerCase(Locale.ROOT) + " · "
                + project.split(tile).key() + " split";
    }

    void open(RasterLayout.Cell cell) {
        open.accept(cell.tile());
    }

    /**
     * An arrow key: the tile owning the raster just beyond the open tile's part in that direction (dx, dy of -1, 0
     * or 1), level with the part's middle; empty at the raster's edge or when the open tile is not on this map.
     */
    Optional<RasterLayout.Cell> beside(int dx, int dy) {
        RasterLayout layout = shown.get();
        Tile current = annotate.selectedTileProperty().get();
        if (layout == null || current == null) {
            return Optional.empty();
        }
        return layout.cells().stream().filter(cell -> cell.tile().equals(current)).findFirst().flatMap(cell -> {
            var own = cell.own();
            int x = dx < 0 ? own.x - 1 : dx > 0 ? own.x + own.width : own.x + own.width / 2;
            int y = dy < 0 ? own.y - 1 : dy > 0 ? own.y + own.height : own.y + own.height / 2;
            return layout.at(x, y);
        });
    }
}
