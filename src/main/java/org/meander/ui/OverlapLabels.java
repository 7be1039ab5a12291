package org.meander.ui;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import org.meander.project.LabelStatus;
import org.meander.project.NeighbourLabels;
import org.meander.project.Project;
import org.meander.project.Tile;
import org.meander.weights.ErrorText;

/**
 * Shift+N: where tiles cut from one raster overlap, the open tile takes its labelled neighbours' labels there, as one
 * edit (Ctrl+Z undoes it); and an unlabelled tile that neighbours reach into says so when it opens. Neighbours'
 * labels are read in the background.
 */
final class OverlapLabels implements AutoCloseable {

    private final Project project;
    private final LabelEditor editor;
    private final ObjectProperty<Tile> selectedTile;
    private final Consumer<String> status;
    private final ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "meander-overlap-labels");
        t.setDaemon(true);
        return t;
    });

    OverlapLabels(Project project, LabelEditor editor, ObjectProperty<Tile> selectedTile, Consumer<String> status) {
        this.project = project;
        this.editor = editor;
        this.selectedTile = selectedTile;
        this.status = status;
        selectedTile.addListener((o, old, tile) -> hint(tile));
    }

    /** The open tile's label, with its labelled neighbours' labels wherever they overlap it. */
    void take() {
        Tile tile = selectedTile.get();
        if (tile == null) {
            return;
        }
        reader.execute(() -> {
            try {
                Optional<NeighbourLabels> neighbours = NeighbourLabels.of(project, tile);
                boolean cut = project.rasterWindow(tile).isPresent();
                Platform.runLater(() -> {
                    if (tile != selectedTile.get()) {
                        return;
                    }
                    if (neighbours.isEmpty()) {
                        status.accept(cut
                                ? "No labelled tile overlaps " + tile.name() + " yet (auto-labels waiting for review"
                                        + " do not count)."
                                : tile.name() + " was not cut from a raster, so no tile overlaps it.");
                    } else if (editor.takeNeighbours(neighbours.get())) {
                        status.accept("Took the labels of " + names(neighbours.get().neighbours()) + " where they"
                                + " overlap " + tile.name() + " (" + String.format(Locale.ROOT, "%,d",
                                neighbours.get().covered().foreground()) + " pixels); Ctrl+Z undoes it.");
                    } else {
                        status.accept(tile.name() + "'s label is still being read; Shift+N again in a moment.");
                    }
                });
            } catch (IOException | RuntimeException e) {
                Platform.runLater(() -> status.accept("The neighbours of " + tile.name() + " cannot be read: "
                        + ErrorText.of(e)));
            }
        });
    }

    private void hint(Tile tile) {
        if (tile == null) {
            return;
        }
        reader.execute(() -> {
            try {
                if (project.status(tile) != LabelStatus.NONE) {
                    return;
                }
                List<Tile> neighbours = NeighbourLabels.labelledNeighbours(project, tile);
                if (!neighbours.isEmpty()) {
                    Platform.runLater(() -> {
                        if (tile == selectedTile.get()) {
                            status.accept(names(neighbours.stream().map(Tile::name).toList()) + " overlap "
                                    + tile.name() + " and " + (neighbours.size() == 1 ? "is" : "are")
                                    + " labelled: Shift+N takes their labels there.");
                        }
                    });
                }
            } catch (IOException | RuntimeException e) {
                // only a hint: the tile opens and works without it
            }
        });
    }

    private static String names(List<String> tiles) {
        return tiles.size() <= 3 ? String.join(", ", tiles) : tiles.size() + " tiles";
    }

    @Override
    public void close() {
        reader.shutdownNow();
    }
}
