package org.meander.ui;

import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.control.ChoiceDialog;
import javafx.stage.Window;
import org.meander.project.RemovedTile;
import org.meander.weights.ErrorText;

/**
 * Project ▸ Restore a removed tile…: which of the tiles in the project's trash, the latest removal first; the
 * restoring itself is {@link TileRemoval}'s. The window's way to {@code ./meander project restore}.
 */
final class RestoreTileDialog {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private RestoreTileDialog() {
    }

    static void show(Window owner, AnnotateViewModel annotate) {
        List<RemovedTile> removed;
        try {
            removed = RemovedTile.in(annotate.project().directory());
        } catch (IOException e) {
            annotate.showMessage("The project's trash folder cannot be read: " + ErrorText.of(e));
            return;
        }
        if (removed.isEmpty()) {
            annotate.showMessage("No tile was removed from this project, so there is none to restore.");
            return;
        }
        Map<String, RemovedTile> byText = new LinkedHashMap<>();
        removed.forEach(tile -> byText.put(tile.name() + ", removed " + WHEN.format(tile.removed().toInstant())
                + " (" + tile.id() + ")", tile));
        List<String> choices = List.copyOf(byText.keySet());
        ChoiceDialog<String> choice = new ChoiceDialog<>(choices.get(0), choices);
        choice.setTitle("Meander — restore a removed tile");
        choice.setHeaderText("Which tile comes back, with its label, label history and near-infrared band?");
        choice.setContentText("Tile");
        choice.initOwner(owner);
        choice.showAndWait().map(byText::get).ifPresent(tile -> annotate.removal().restore(tile));
    }
}
