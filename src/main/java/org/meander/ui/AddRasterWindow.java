package org.meander.ui;

import java.io.File;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The "Add a raster…" window: the raster and what goes with it, the tiles' size; Cut, its progress and report. */
final class AddRasterWindow {

    private final TaskWindow window;
    private final AddRasterViewModel model;

    AddRasterWindow(AddRasterViewModel model) {
        this.model = model;
        Label intro = TaskWindow.intro("An orthomosaic, or any image larger than a tile, is cut into overlapping tiles"
                + " of this project without being read whole (TIFF, striped or tiled, is the fast way; a GDAL"
                + " virtual raster, .vrt, stacks a satellite scene's band files). Its"
                + " near-infrared band, when it is a raster of its own, and a river mask of it from another tool are"
                + " cut along with it. Its labels are stitched back into one mask of it on export; M shows it as a"
                + " map. The same as ./meander project tile.");

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        fileRow(form, 0, "Raster", "add-raster-file", model.rasterProperty(), "the raster to cut into tiles");
        Label found = new Label();
        found.setId("add-raster-found");
        found.textProperty().bind(model.rasterFoundProperty());
        found.setWrapText(true); // the bands' names can be long
        found.setMinHeight(Region.USE_PREF_SIZE);
        form.add(found, 1, 1, 2, 1);
        BandChoiceRow.add(form, 2, model.bands(), "add-raster", null);
        fileRow(form, 3, "Near-infrared raster (optional)", "add-raster-nir", model.nearInfraredFileProperty(),
                "the near-infrared band, a raster of its own");
        fileRow(form, 4, "River mask (optional)", "add-raster-mask", model.maskProperty(),
                "a river mask of the whole raster");
        TextField classIndex = new TextField();
        classIndex.setId("add-raster-class-index");
        classIndex.setPromptText("empty: every pixel above 0 is river");
        classIndex.textProperty().bindBidirectional(model.classIndexProperty());
        form.addRow(5, FormLabel.of("Class index (optional)"), classIndex);
        TextField tileSize = number("add-raster-tile-size", model.tileSizeProperty(), "Tiles' width and height in"
                + " pixels: 1024, SAM's own input size, unless the imagery's features need another scale");
        TextField overlap = number("add-raster-overlap", model.overlapProperty(), "The least overlap of neighbouring"
                + " tiles in pixels; the tiles are spread evenly, so it comes out a little larger");
        HBox sizes = new HBox(8, tileSize, FormLabel.of("overlap"), overlap);
        sizes.setAlignment(Pos.CENTER_LEFT);
        form.add(FormLabel.of("Tile size"), 0, 6);
        form.add(sizes, 1, 6, 2, 1);

        Label problem = TaskWindow.problem("add-raster-problem", model.problemProperty());
        Button cut = new Button("Cut into tiles");
        cut.setId("add-raster-start");
        cut.setOnAction(e -> model.start());
        TextArea report = TaskWindow.report("add-raster-report", model.task().messageProperty());

        VBox root = new VBox(12, intro, form, problem,
                TaskWindow.startRow(model.problemProperty(), model.task(), true, cut), report);
        root.setPadding(new Insets(14));
        window = new TaskWindow("Meander — add a raster", root, 680, 620, model.task().runningProperty());
    }

    void show(Window owner) {
        window.show(owner);
    }

    Stage stage() {
        return window.stage();
    }

    /** Annotate's view-model, whose tile list takes in the tiles cut. */
    AnnotateViewModel annotate() {
        return model.annotate();
    }

    private static TextField number(String id, StringProperty value, String tip) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(6);
        field.setTooltip(new Tooltip(tip));
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private void fileRow(GridPane form, int row, String label, String id, StringProperty file, String what) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(30);
        field.textProperty().bindBidirectional(file);
        GridPane.setHgrow(field, Priority.ALWAYS);
        Button choose = new Button("Choose…");
        choose.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Choose " + what);
            chooser.getExtensionFilters().addAll(
                    new FileChooser.ExtensionFilter("Rasters", "*.tif", "*.tiff", "*.vrt", "*.jp2", "*.j2k",
                            "*.png", "*.jpg", "*.jpeg", "*.bmp"),
                    new FileChooser.ExtensionFilter("Any file", "*"));
            ChooserStart.near(file.get()).ifPresent(chooser::setInitialDirectory);
            File chosen = chooser.showOpenDialog(window.stage());
            if (chosen != null) {
                file.set(chosen.getPath());
            }
        });
        choose.setMinWidth(Region.USE_PREF_SIZE);
        form.addRow(row, FormLabel.of(label), field, choose);
    }
}
