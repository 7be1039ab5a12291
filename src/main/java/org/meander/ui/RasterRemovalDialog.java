package org.meander.ui;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.stage.Window;
import org.meander.project.Project;
import org.meander.project.RasterRemoval;
import org.meander.project.SourceRaster;
import org.meander.project.Tile;
import org.meander.weights.ErrorText;

/**
 * Project ▸ Remove a raster…: which raster, then the question with the number of its tiles; the removal itself is
 * {@link TileRemoval}'s, as for one tile. The window's way to {@code ./meander project remove-raster}.
 */
final class RasterRemovalDialog {

    private RasterRemovalDialog() {
    }

    static void show(Window owner, AnnotateViewModel annotate) {
        Project project = annotate.project();
        List<String> rasters = new ArrayList<>();
        try {
            project.rasters().stream().map(SourceRaster::name).forEach(rasters::add);
        } catch (IOException e) {
            annotate.showMessage("The project's rasters cannot be read: " + ErrorText.of(e));
            return;
        }
        rasters.addAll(project.interruptedCuts());
        if (rasters.isEmpty()) {
            annotate.showMessage("No raster was cut into this project, so none can be removed (Project ▸ Add a"
                    + " raster… cuts one).");
            return;
        }
        ChoiceDialog<String> choice = new ChoiceDialog<>(rasters.get(0), rasters);
        choice.setTitle("Meander — remove a raster");
        choice.setHeaderText("Which raster leaves the project, with the tiles cut from it?");
        choice.setContentText("Raster");
        choice.initOwner(owner);
        Optional<String> raster = choice.showAndWait();
        if (raster.isEmpty()) {
            return;
        }
        List<Tile> tiles;
        try {
            tiles = RasterRemoval.tilesOf(project, raster.get());
        } catch (IOException e) {
            annotate.showMessage("The tiles of " + raster.get() + " cannot be listed: " + ErrorText.of(e));
            return;
        }
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, TileRemoval.rasterQuestion(raster.get(), tiles.size()),
                ButtonType.OK, ButtonType.CANCEL);
        confirm.setTitle("Meander — remove a raster");
        confirm.setHeaderText(null);
        confirm.initOwner(owner);
        confirm.showAndWait().filter(ButtonType.OK::equals)
                .ifPresent(ok -> annotate.removal().removeRaster(raster.get(), tiles));
    }
}
