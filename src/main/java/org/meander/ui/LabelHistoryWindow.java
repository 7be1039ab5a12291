package org.meander.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * "Label history" (Shift+O): the open tile's earlier labels, newest first; the one chosen shows on the tile, Restore
 * makes it the label. Beside the main window, so the tile stays in view; Esc closes it. Binds only.
 */
final class LabelHistoryWindow {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private static final double WIDTH = 400;

    private final TaskWindow window;

    LabelHistoryWindow(LabelHistoryViewModel model) {
        Label message = new Label();
        message.setId("history-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.textProperty().bind(model.messageProperty());

        ListView<LabelHistoryViewModel.Version> versions = new ListView<>(model.versions());
        versions.setId("history-versions");
        versions.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(LabelHistoryViewModel.Version version, boolean empty) {
                super.updateItem(version, empty);
                setText(empty || version == null ? null : describe(version));
            }
        });
        model.chosenProperty().addListener((o, old, version) -> {
            if (version == null) {
                versions.getSelectionModel().clearSelection();
            }
        });
        versions.getSelectionModel().selectedItemProperty().addListener((o, old, version) -> {
            if (version != null) {
                model.chosenProperty().set(version);
            }
        });
        VBox.setVgrow(versions, Priority.ALWAYS);

        Button restore = new Button("Restore this version");
        restore.setId("history-restore");
        restore.disableProperty().bind(model.chosenProperty().isNull());
        restore.setOnAction(e -> model.restore());
        restore.setDefaultButton(true); // Enter restores the version chosen with the arrow keys

        Label hint = new Label("Choose a version to see it on the tile in place of the label. Restore (Enter) makes it"
                + " the label (Ctrl+Z in the main window undoes it); nothing is lost either way.");
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        VBox root = new VBox(10, message, versions, hint, restore);
        root.setPadding(new Insets(12));
        window = new TaskWindow("Meander — label history", root, WIDTH, 440, new ReadOnlyBooleanWrapper(false));
        window.stage().setOnHidden(e -> model.close());
    }

    /**
     * "Version 3", then "replaced 2026-11-29 00:10:04 · 12,345 river pixels" on a line of its own; version 1 is the
     * label the tile came with.
     */
    static String describe(LabelHistoryViewModel.Version version) {
        return "Version " + version.number() + (version.number() == 1 ? " (the first)" : "") + "\nreplaced "
                + WHEN.format(version.replaced()) + " · " + String.format(Locale.ROOT, "%,d", version.pixels())
                + " river pixels";
    }

    /**
     * At the main window's left edge, over the tile list and below the tool bar: the middle of the tile stays in view,
     * and so does the raster map, which opens at the right edge.
     */
    void show(Window owner) {
        if (!window.stage().isShowing() && owner != null) {
            window.stage().setX(owner.getX() + 16);
            window.stage().setY(owner.getY() + 120);
        }
        window.show(owner);
    }

    Stage stage() {
        return window.stage();
    }
}
