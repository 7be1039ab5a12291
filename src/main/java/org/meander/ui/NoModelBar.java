package org.meander.ui;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.meander.weights.hub.KnownModel;

/**
 * The bar under the tool bar while no SAM model is loaded: says what works without one and gets one in a click
 * (downloading SAM ViT-B, or using it if it is already downloaded), with the download's progress and any error.
 */
final class NoModelBar {

    private NoModelBar() {
    }

    static VBox create(ModelManagerViewModel models, Runnable openManager, Runnable chooseFolder) {
        Label text = new Label("No SAM model yet. Tiles, labels, brush, eraser and polygon work without one;"
                + " masks from clicks need one.");
        KnownModel base = KnownModel.SAM_VIT_BASE;
        Button get = new Button();
        get.setId("get-sam");
        get.disableProperty().bind(models.downloadingProperty());
        Runnable label = () -> get.setText(models.store().isInstalled(base.repo()) ? "Use " + base.title()
                : "Download " + base.titleWithSize());
        label.run();
        models.choices().addListener((ListChangeListener<ModelChoice>) c -> label.run());
        get.setOnAction(e -> {
            if (models.store().isInstalled(base.repo())) {
                models.use(models.store().folderOf(base.repo()));
            } else {
                models.download(base.repo());
            }
        });
        Button local = new Button("Choose a local folder…");
        local.setOnAction(e -> chooseFolder.run());
        Button others = new Button("Other models…");
        others.setOnAction(e -> openManager.run());
        Button cancel = new Button("Cancel");
        cancel.visibleProperty().bind(models.downloadingProperty());
        cancel.managedProperty().bind(models.downloadingProperty());
        cancel.setOnAction(e -> models.cancel());

        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(models.progressProperty());
        bar.visibleProperty().bind(models.downloadingProperty());
        bar.managedProperty().bind(models.downloadingProperty());
        Label progress = new Label();
        progress.textProperty().bind(models.progressTextProperty());
        Label message = new Label();
        message.setId("no-model-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.textProperty().bind(models.messageProperty());
        message.visibleProperty().bind(models.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        HBox actions = new HBox(8, get, local, others, bar, progress, cancel);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, text, actions, message);
        box.setId("no-model-bar");
        box.setPadding(new Insets(8, 10, 8, 10));
        box.setStyle("-fx-background-color: #fff4cc; -fx-border-color: #e0c060; -fx-border-width: 0 0 1 0;");
        return box;
    }
}
