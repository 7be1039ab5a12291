package org.meander.ui;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.meander.project.LabelMask;
import org.meander.project.Tile;
import org.meander.prompts.autolabel.AutoLabelAnswer;
import org.meander.ui.image.MaskImages;
import org.meander.ui.image.PromptMarks;

/**
 * The Auto-label window's preview, side by side: the tile with its rough mask, and with SAM's label, the prompt on
 * both. Binds only.
 */
final class AutoLabelPreviewPane {

    private static final int ROUGH_ARGB = 0x802080ff;
    private static final int LABEL_ARGB = 0x80ff9020;
    private static final double PICTURE_WIDTH = 240;
    private static final double PICTURE_HEIGHT = 300;

    private final Picture rough = new Picture("autolabel-preview-rough", "Rough mask");
    private final Picture label = new Picture("autolabel-preview-label", "SAM's label");
    private final VBox root;
    private Tile shownTile;
    private Image tileImage;

    AutoLabelPreviewPane(AutoLabelPreviews previews) {
        Label text = new Label();
        text.setId("autolabel-preview-text");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.textProperty().bind(previews.textProperty());
        Label legend = new Label("The tile open in Annotate (choose another in the tile list). Squares: the points"
                + " drawn, green on water, red off it; yellow: the box.");
        legend.setWrapText(true);
        legend.setMinHeight(Region.USE_PREF_SIZE);
        root = new VBox(8, new HBox(10, rough.root, label.root), text, legend);
        root.setMaxWidth(2 * PICTURE_WIDTH + 10);
        previews.shownProperty().addListener((o, old, preview) -> show(preview));
    }

    Node root() {
        return root;
    }

    private void show(AutoLabelPreviews.Preview preview) {
        if (preview == null) {
            rough.show(null, null);
            label.show(null, null);
            return;
        }
        if (!preview.tile().equals(shownTile)) {
            shownTile = preview.tile();
            tileImage = new Image(shownTile.image().toUri().toString(), true);
        }
        AutoLabelAnswer answer = preview.answer();
        if (answer == null) {
            rough.show(tileImage, null);
            label.show(tileImage, null);
            return;
        }
        rough.show(tileImage, overlay(answer.rough().water(), ROUGH_ARGB, answer));
        label.show(tileImage, answer.labelled() ? overlay(answer.mask(), LABEL_ARGB, answer) : null);
    }

    private static WritableImage overlay(LabelMask mask, int argb, AutoLabelAnswer answer) {
        return PromptMarks.drawOn(MaskImages.overlay(mask.pixels(), mask.width(), mask.height(), argb),
                answer.prompt());
    }

    /** A title over the tile with an overlay. */
    private static final class Picture {
        final ImageView tile = view();
        final ImageView overlay = view();
        final VBox root;

        Picture(String id, String title) {
            StackPane stack = new StackPane(tile, overlay);
            stack.setAlignment(Pos.TOP_LEFT);
            root = new VBox(4, new Label(title), stack);
            root.setId(id);
        }

        void show(Image picture, Image mask) {
            tile.setImage(picture);
            overlay.setImage(mask);
        }

        /** Tile and overlay fitted to the same box, so that they line up whatever their pixel sizes. */
        private static ImageView view() {
            ImageView view = new ImageView();
            view.setPreserveRatio(true);
            view.setFitWidth(PICTURE_WIDTH);
            view.setFitHeight(PICTURE_HEIGHT);
            return view;
        }
    }
}
