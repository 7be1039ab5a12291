package org.meander.ui;

import java.util.List;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * A form's row for a {@link BandChoiceModel}: the bands that make the picture, the near-infrared band, when
 * {@code found} is given what the imagery holds, all shown only while the choice is offered, and a picture of the
 * imagery with the bands chosen, shown while the model has one. Its fields' ids start with {@code idPrefix}.
 */
final class BandChoiceRow {

    /** The preview's longer side on screen, in pixels: enough to tell blue water from red. */
    private static final double PREVIEW_SIZE = 112;

    private BandChoiceRow() {
    }

    static void add(GridPane form, int row, BandChoiceModel model, String idPrefix, ObservableStringValue found) {
        TextField rgb = new TextField();
        rgb.setId(idPrefix + "-bands");
        rgb.setPrefColumnCount(6);
        rgb.setPromptText("1,2,3");
        rgb.setTooltip(new Tooltip("The bands shown and given to SAM as red, green and blue, numbered from 1 as GIS"
                + " tools number them (3,2,1 for imagery stored blue, green, red); filled in when the imagery names"
                + " its bands. 16-bit and floating-point bands are stretched to 8 bits between their 2nd and 98th"
                + " percentiles."));
        rgb.textProperty().bindBidirectional(model.rgbProperty());
        ChoiceBox<Integer> nir = new ChoiceBox<>();
        nir.setId(idPrefix + "-nir-band");
        nir.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer band) {
                return model.bandText(band);
            }

            @Override
            public Integer fromString(String text) {
                return text.equals("none") ? 0 : Integer.valueOf(text.split(" ")[0]);
            }
        });
        nir.setItems(model.nearInfraredChoices());
        nir.valueProperty().bindBidirectional(model.nearInfraredProperty());
        nir.setTooltip(new Tooltip("The band kept as near-infrared, at its own depth, for auto-label's water index"
                + " and the near-infrared views (V)"));
        for (Region field : List.of(rgb, nir)) {
            field.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox fields = new HBox(8, rgb, FormLabel.of("near-infrared band"), nir);
        fields.setAlignment(Pos.CENTER_LEFT);
        VBox choice = new VBox(4, fields);
        if (found != null) {
            Label what = new Label();
            what.setId(idPrefix + "-bands-found");
            what.textProperty().bind(found);
            what.setWrapText(true); // the bands' names can be long
            what.setMinHeight(Region.USE_PREF_SIZE);
            choice.getChildren().add(what);
        }
        HBox.setHgrow(choice, Priority.ALWAYS);
        ImageView preview = new ImageView();
        preview.setId(idPrefix + "-bands-preview");
        preview.imageProperty().bind(model.previewProperty());
        preview.setFitWidth(PREVIEW_SIZE);
        preview.setFitHeight(PREVIEW_SIZE);
        preview.setPreserveRatio(true);
        preview.visibleProperty().bind(model.previewProperty().isNotNull());
        preview.managedProperty().bind(preview.visibleProperty());
        Tooltip.install(preview, new Tooltip("The imagery with these bands, as its tiles will show it"));
        HBox cell = new HBox(12, choice, preview);
        Label label = FormLabel.of("Bands (red,green,blue)");
        for (Node node : List.of(label, choice)) {
            node.visibleProperty().bind(model.offeredProperty());
            node.managedProperty().bind(node.visibleProperty());
        }
        cell.visibleProperty().bind(model.offeredProperty().or(preview.visibleProperty()));
        cell.managedProperty().bind(cell.visibleProperty());
        GridPane.setValignment(label, VPos.TOP);
        form.add(label, 0, row);
        form.add(cell, 1, row, 2, 1);
    }
}
