package org.meander.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.meander.project.Project;
import org.meander.project.Split;
import org.meander.project.export.LabelExport.Format;

/** The "Export labels…" window: format, tiles, where to; Export, and what was written. Binds only. */
final class ExportLabelsWindow {

    private final TaskWindow window;
    private final ExportLabelsViewModel model;

    ExportLabelsWindow(ExportLabelsViewModel model) {
        this.model = model;
        ComboBox<Format> format = new ComboBox<>();
        format.setId("export-format");
        format.getItems().setAll(Format.values());
        format.valueProperty().bindBidirectional(model.formatProperty());
        format.setConverter(ChoiceText.of(Format::description));

        ComboBox<Split> split = new ComboBox<>();
        split.setId("export-split");
        split.getItems().add(null);
        split.getItems().addAll(Split.values());
        split.valueProperty().bindBidirectional(model.splitProperty());
        split.setConverter(ChoiceText.withNull(s -> s == null ? "every tile" : "the " + s.key() + " split's tiles"));

        TextField out = new TextField();
        out.setId("export-out");
        out.setPrefColumnCount(34);
        out.textProperty().bindBidirectional(model.outProperty());
        Button choose = new Button("Choose…");
        choose.setMinWidth(Region.USE_PREF_SIZE);
        choose.setOnAction(e -> choose());

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.addRow(0, FormLabel.of("Format"), format);
        CheckBox acceptedOnly = new CheckBox("accepted labels only");
        acceptedOnly.setId("export-accepted-only");
        acceptedOnly.setTooltip(new Tooltip("Only the labels marked accepted: those a person checked"));
        acceptedOnly.selectedProperty().bindBidirectional(model.acceptedOnlyProperty());
        form.addRow(1, FormLabel.of("Tiles"), new HBox(12, split, acceptedOnly));
        TextField simplify = new TextField();
        simplify.setId("export-simplify");
        simplify.setPrefColumnCount(4);
        simplify.textProperty().bindBidirectional(model.simplifyProperty());
        simplify.setTooltip(new Tooltip("Each outline stays within this many pixels of the label's pixel edges;"
                + " no polygon is made invalid or made to cross another. 0 follows the pixel edges exactly (the"
                + " polygons then fill back to the same labels); 1 smooths their staircases."));
        Label simplifyLabel = FormLabel.of("Simplify outlines");
        HBox simplifyRow = new HBox(8, simplify, new Label("pixels"));
        simplifyRow.setAlignment(Pos.BASELINE_LEFT);
        for (Node node : List.of(simplifyLabel, simplifyRow)) {
            node.visibleProperty().bind(model.outlinesProperty());
            node.managedProperty().bind(model.outlinesProperty());
        }
        form.addRow(2, simplifyLabel, simplifyRow);
        form.addRow(3, FormLabel.of("Write to"), out, choose);
        GridPane.setHgrow(out, Priority.ALWAYS);

        Label problem = TaskWindow.problem("export-problem", model.problemProperty());

        Button export = new Button("Export");
        export.setId("export-start");
        export.setOnAction(e -> {
            Optional<String> question = model.replaceQuestion();
            if (question.isEmpty() || confirmReplacing(question.get())) {
                model.export(question.isPresent());
            }
        });

        TextArea report = TaskWindow.report("export-report", model.task().messageProperty());

        Label intro = TaskWindow.intro("Labels of " + model.project().directory().getFileName()
                + " for other tools; the same as ./meander project export. Tiles without a label are left out.");
        VBox root = new VBox(12, intro, form, problem,
                TaskWindow.startRow(model.problemProperty(), model.task(), false, export), report);
        root.setPadding(new Insets(14));
        window = new TaskWindow("Meander — export labels", root, 640, 420, model.task().runningProperty());
    }

    void show(Window owner) {
        window.show(owner);
    }

    Stage stage() {
        return window.stage();
    }

    /** The project it exports. */
    Project project() {
        return model.project();
    }

    /** An earlier export is the user's work, as on the command line (--overwrite): replace it only when told to. */
    private boolean confirmReplacing(String question) {
        ButtonType replace = new ButtonType("Replace", ButtonBar.ButtonData.OK_DONE);
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, question, replace, ButtonType.CANCEL);
        ask.setTitle("Meander — replace an export");
        ask.setHeaderText(null);
        ask.initOwner(window.stage());
        return ask.showAndWait().filter(replace::equals).isPresent();
    }

    private void choose() {
        String typed = model.outProperty().get();
        if (model.formatProperty().get().writesAFile()) {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("The COCO JSON file to write");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("JSON", "*.json"));
            ChooserStart.near(typed).ifPresent(chooser::setInitialDirectory);
            chooser.setInitialFileName(typed.isBlank() ? "labels.json" : Path.of(typed.strip()).getFileName()
                    .toString());
            File chosen = chooser.showSaveDialog(window.stage());
            if (chosen != null) {
                model.chosenInSaveDialog(chosen.toPath());
            }
        } else {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("The folder to write the "
                    + model.formatProperty().get().key().toUpperCase(Locale.ROOT) + " export into");
            ChooserStart.near(typed).ifPresent(chooser::setInitialDirectory);
            File chosen = chooser.showDialog(window.stage());
            if (chosen != null) {
                model.outProperty().set(chosen.getPath());
            }
        }
    }
}
