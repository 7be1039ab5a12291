package org.meander.ui;

import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.meander.project.Split;
import org.meander.prompts.RoughMaskSource;

/** The "Auto-label…" window: where the rough mask comes from, the prompt, which tiles; Start, Stop, the report. */
final class AutoLabelWindow {

    private final TaskWindow window;
    private final AutoLabelViewModel model;

    AutoLabelWindow(AutoLabelViewModel model) {
        this.model = model;
        Label intro = TaskWindow.intro("SAM labels the tiles without a label, prompted by points drawn from a rough"
                + " water mask of the imagery; each label is marked \"predicted, to review\" (with the tile list's"
                + " filter on \"Predicted, to review\", N and Shift+A go through them). The same as ./meander"
                + " autolabel.");

        ComboBox<RoughMaskSource> source = new ComboBox<>();
        source.setId("autolabel-source");
        source.getItems().setAll(RoughMaskSource.values());
        source.valueProperty().bindBidirectional(model.sourceProperty());
        source.setConverter(ChoiceText.of(s -> s == RoughMaskSource.HSV ? "colour (HSV thresholds on the RGB)"
                : "near-infrared water index (needs nir/<tile>.png)"));
        TextField threshold = field("autolabel-ndwi-threshold", model.ndwiThresholdProperty(), 5);
        threshold.disableProperty().bind(model.sourceProperty().isNotEqualTo(RoughMaskSource.NDWI));
        TextField positives = field("autolabel-positives", model.positivesProperty(), 3);
        TextField negatives = field("autolabel-negatives", model.negativesProperty(), 3);
        CheckBox box = new CheckBox("and the box around the largest water body");
        box.selectedProperty().bindBidirectional(model.boxProperty());
        ComboBox<Split> split = new ComboBox<>();
        split.setId("autolabel-split");
        split.getItems().add(null);
        split.getItems().addAll(Split.values());
        split.valueProperty().bindBidirectional(model.splitProperty());
        split.setConverter(ChoiceText.withNull(s -> s == null ? "every tile" : "the " + s.key() + " split's tiles"));
        CheckBox overwrite = new CheckBox("label tiles that have a label too (the old one goes to its history)");
        overwrite.selectedProperty().bindBidirectional(model.overwriteProperty());

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.addRow(0, FormLabel.of("Rough mask from"), source);
        form.addRow(1, FormLabel.of("Water index above"), threshold);
        HBox points = new HBox(8, positives, FormLabel.of("positive,"), negatives, FormLabel.of("negative"));
        points.setAlignment(Pos.CENTER_LEFT);
        form.addRow(2, FormLabel.of("Points"), points);
        form.add(box, 1, 3);
        form.addRow(4, FormLabel.of("Tiles"), split);
        form.add(overwrite, 1, 5);
        form.setMinWidth(Region.USE_PREF_SIZE); // the preview beside it gives up the room

        Label decoder = new Label();
        decoder.setId("autolabel-decoder");
        decoder.setWrapText(true);
        decoder.textProperty().bind(model.decoderProperty());
        decoder.managedProperty().bind(model.decoderProperty().isNotEmpty());
        Label problem = TaskWindow.problem("autolabel-problem", model.problemProperty());

        Button start = new Button("Start");
        start.setId("autolabel-start");
        start.setOnAction(e -> model.start());
        Button stop = new Button("Stop");
        stop.setId("autolabel-stop");
        stop.disableProperty().bind(model.task().runningProperty().not());
        stop.setOnAction(e -> model.stop());

        TextArea report = TaskWindow.report("autolabel-report", model.task().messageProperty());

        HBox settingsAndPreview = new HBox(20, form, new AutoLabelPreviewPane(model.previews()).root());
        VBox root = new VBox(12, intro, settingsAndPreview, decoder, problem,
                TaskWindow.startRow(model.problemProperty(), model.task(), true, start, stop), report);
        root.setPadding(new Insets(14));
        window = new TaskWindow("Meander — auto-label " + model.project().directory().getFileName(), root, 1080, 640,
                model.task().runningProperty());
        window.stage().showingProperty().addListener((o, was, shown) -> model.previewing(shown));
    }

    void show(Window owner) {
        window.show(owner);
    }

    Stage stage() {
        return window.stage();
    }

    /** The Annotate tab whose SAM it asks. */
    AnnotateViewModel annotate() {
        return model.annotate();
    }

    private static TextField field(String id, StringProperty value, int columns) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(columns);
        field.setMaxWidth(Region.USE_PREF_SIZE);
        field.textProperty().bindBidirectional(value);
        return field;
    }
}
