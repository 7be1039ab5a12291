package org.meander.ui;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.meander.weights.ErrorText;
import org.meander.weights.hub.HubRepo;

/**
 * The model manager's window: the models on offer with how far each is downloaded, another hub model by name, a
 * local folder, the download's progress and the model in use. Binds and forwards only.
 */
final class ModelManagerWindow {

    private final Stage stage = new Stage();
    private final ModelManagerViewModel models;
    private final ListView<ModelChoice> list = new ListView<>();
    private final TextField other = new TextField();

    ModelManagerWindow(ModelManagerViewModel models) {
        this.models = models;
        Label intro = new Label("Masks from clicks need a SAM model. Download one from the Hugging Face hub into "
                + models.store().root() + ", or choose a folder that holds config.json and model.safetensors"
                + " (a model fine-tuned in Meander or saved by transformers).");
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE); // wrapped text in full; the list gives up the room

        list.setId("model-list");
        list.setItems(models.choices());
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(ModelChoice choice, boolean empty) {
                super.updateItem(choice, empty);
                setText(empty || choice == null ? null : choice.title() + "  (" + choice.repo() + ")"
                        + (choice.size().isEmpty() ? "" : ", " + choice.size())
                        + (choice.folder().equals(models.currentProperty().get()) ? "  — in use" : "")
                        + "\n" + choice.description() + "\n" + choice.stateText());
            }
        });
        list.setPrefHeight(300);
        VBox.setVgrow(list, Priority.ALWAYS);
        models.currentProperty().addListener(o -> list.refresh());

        other.setId("model-other");
        other.setPromptText("or another SAM model on the hub: owner/name");
        HBox.setHgrow(other, Priority.ALWAYS);

        Button download = new Button("Download");
        download.setId("model-download");
        download.setDefaultButton(true);
        download.setOnAction(e -> download());
        download.disableProperty().bind(models.downloadingProperty());
        Button useButton = new Button("Use");
        useButton.setId("model-use");
        useButton.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            ModelChoice selected = list.getSelectionModel().getSelectedItem();
            return selected == null || selected.state() != ModelChoice.State.DOWNLOADED;
        }, list.getSelectionModel().selectedItemProperty(), models.choices()));
        useButton.setOnAction(e -> models.use(list.getSelectionModel().getSelectedItem().folder()));
        Button local = new Button("Choose a local folder…");
        local.setId("model-local");
        local.setOnAction(e -> ModelFolderChooser.choose(stage, models));
        // offline, the local folder is the way forward: make it the obvious button
        local.styleProperty().bind(Bindings.when(models.offlineProperty())
                .then("-fx-font-weight: bold; -fx-border-color: -fx-accent;").otherwise(""));
        Button cancel = new Button("Cancel download");
        cancel.setId("model-cancel");
        cancel.visibleProperty().bind(models.downloadingProperty());
        cancel.setOnAction(e -> models.cancel());

        ProgressBar bar = new ProgressBar();
        bar.setId("model-progress");
        bar.progressProperty().bind(models.progressProperty());
        bar.visibleProperty().bind(models.downloadingProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        Label progressText = new Label();
        progressText.textProperty().bind(models.progressTextProperty());
        Label message = new Label();
        message.setId("model-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.textProperty().bind(models.messageProperty());
        Label inUse = new Label();
        inUse.textProperty().bind(Bindings.createStringBinding(() -> "In use: "
                + (models.currentProperty().get() == null ? "none" : models.currentProperty().get()),
                models.currentProperty()));

        VBox root = new VBox(10, intro, list, new HBox(8, other), new HBox(8, download, useButton, local, cancel),
                bar, progressText, message, inUse);
        root.setPadding(new Insets(14));
        stage.setTitle("Meander — SAM models");
        Scene scene = new Scene(root, 620, 600);
        // Esc closes, as the window manager's close does; a download goes on, and the window shows it when reopened
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.close();
                e.consume();
            }
        });
        stage.setScene(scene);
    }

    /** The text field's model if one is typed there, else the selected one. */
    private void download() {
        String typed = other.getText().strip();
        try {
            if (!typed.isEmpty()) {
                models.download(HubRepo.parse(typed));
            } else if (list.getSelectionModel().getSelectedItem() != null) {
                models.download(list.getSelectionModel().getSelectedItem().repo());
            } else {
                models.setMessage("Select a model in the list, or type a hub model's owner/name.");
            }
        } catch (IllegalArgumentException e) {
            models.setMessage(ErrorText.of(e));
        }
    }

    void show(Window owner) {
        if (stage.getOwner() == null && owner != null) {
            stage.initOwner(owner);
        }
        models.refresh();
        stage.show();
        stage.toFront();
    }

    Stage stage() {
        return stage;
    }
}
