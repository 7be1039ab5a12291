package org.meander.ui;

import java.io.File;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The "Import labels…" window: the GeoJSON to read, whether to replace labels; Import, and what it did. */
final class ImportLabelsWindow {

    private final TaskWindow window;
    private final ImportLabelsViewModel model;

    ImportLabelsWindow(ImportLabelsViewModel model) {
        this.model = model;
        Label intro = TaskWindow.intro("River polygons from a GIS (or exported as GeoJSON and corrected there) become"
                + " the labels of the tiles they cover, marked imported, to be checked. A file named like a tile"
                + " labels that tile; any other file labels the georeferenced tiles it reaches, in the same CRS. A"
                + " COCO file from a labelling tool (CVAT, Label Studio, Roboflow) labels the tiles named like its"
                + " images. The same as ./meander project import-labels.");

        TextField source = new TextField();
        source.setId("import-source");
        source.setPrefColumnCount(34);
        source.textProperty().bindBidirectional(model.sourceProperty());
        Button file = new Button("File…");
        file.setMinWidth(Region.USE_PREF_SIZE);
        file.setOnAction(e -> chooseFile());
        Button folder = new Button("Folder…");
        folder.setMinWidth(Region.USE_PREF_SIZE);
        folder.setOnAction(e -> chooseFolder());
        TextField where = new TextField();
        where.setId("import-where");
        where.setPromptText("every feature; or KEY=VALUE, such as DN=255 or fclass=river");
        where.textProperty().bindBidirectional(model.whereProperty());
        where.setTooltip(new Tooltip("Only the features whose property KEY is VALUE: gdal_polygonize writes the"
                + " land (DN=0) as polygons too, hydrography layers hold roads and lakes"));
        TextField category = new TextField();
        category.setId("import-category");
        category.setPromptText("its only category; or the river's name or id");
        category.textProperty().bindBidirectional(model.categoryProperty());
        CheckBox unannotated = new CheckBox("no river in COCO images without annotations (label them empty)");
        unannotated.setId("import-unannotated");
        unannotated.setTooltip(new Tooltip("Without it, such images label nothing: tools list the images not yet"
                + " labelled too"));
        unannotated.selectedProperty().bindBidirectional(model.unannotatedAsEmptyProperty());
        CheckBox replace = new CheckBox("replace labels tiles already have (the old ones go to their history)");
        replace.setId("import-replace");
        replace.setTooltip(new Tooltip("Without it, a tile that has a label keeps it"));
        replace.selectedProperty().bindBidirectional(model.replaceProperty());

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.addRow(0, FormLabel.of("GeoJSON or COCO"), source, file, folder);
        form.add(FormLabel.of("Only features where"), 0, 1);
        form.add(where, 1, 1, 3, 1);
        form.add(FormLabel.of("COCO category"), 0, 2);
        form.add(category, 1, 2, 3, 1);
        form.add(unannotated, 1, 3, 3, 1);
        form.add(replace, 1, 4, 3, 1);
        GridPane.setHgrow(source, Priority.ALWAYS);

        Label problem = TaskWindow.problem("import-problem", model.problemProperty());
        Button start = new Button("Import");
        start.setId("import-start");
        start.setOnAction(e -> model.start());
        TextArea report = TaskWindow.report("import-report", model.task().messageProperty());

        VBox root = new VBox(12, intro, form, problem,
                TaskWindow.startRow(model.problemProperty(), model.task(), false, start), report);
        root.setPadding(new Insets(14));
        window = new TaskWindow("Meander — import labels", root, 660, 480, model.task().runningProperty());
    }

    void show(Window owner) {
        window.show(owner);
    }

    Stage stage() {
        return window.stage();
    }

    /** Annotate's view-model, told which labels the import replaced. */
    AnnotateViewModel annotate() {
        return model.annotate();
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("The GeoJSON file of river polygons, or a COCO file");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("GeoJSON or COCO", "*.geojson", "*.json"),
                new FileChooser.ExtensionFilter("Any file", "*"));
        ChooserStart.near(model.sourceProperty().get()).ifPresent(chooser::setInitialDirectory);
        File chosen = chooser.showOpenDialog(window.stage());
        if (chosen != null) {
            model.sourceProperty().set(chosen.getPath());
        }
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("A folder of GeoJSON files, one per tile or layer");
        ChooserStart.near(model.sourceProperty().get()).ifPresent(chooser::setInitialDirectory);
        File chosen = chooser.showDialog(window.stage());
        if (chosen != null) {
            model.sourceProperty().set(chosen.getPath());
        }
    }
}
