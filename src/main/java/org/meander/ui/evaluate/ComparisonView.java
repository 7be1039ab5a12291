package org.meander.ui.evaluate;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import org.meander.project.LabelMask;
import org.meander.sam.Prompt;
import org.meander.train.EvaluationRow;
import org.meander.train.TileComparison;
import org.meander.ui.image.MaskImages;
import org.meander.ui.image.PromptMarks;

/**
 * The selected tile three times, side by side: with its label, with the base model's mask and with the tuned
 * model's, the prompt drawn on both predictions. Several prompts are shown one at a time. Binds only.
 */
final class ComparisonView {

    private static final int LABEL_ARGB = 0x80ff30d0;
    private static final int BASE_ARGB = 0x80ff9020;
    private static final int TUNED_ARGB = 0x8020c0ff;
    private static final double GAP = 8;
    private static final double PADDING = 10;
    /** Height of a picture's title line. */
    private static final double TITLE = 22;

    private final EvaluateViewModel model;
    private final Panel label = new Panel("label-view");
    private final Panel base = new Panel("base-view");
    private final Panel tuned = new Panel("tuned-view");
    private final Label promptText = new Label();
    private final VBox root;
    private String shownTile;
    private Image tileImage;

    ComparisonView(EvaluateViewModel model) {
        this.model = model;
        Button previous = new Button("‹");
        previous.setOnAction(e -> model.previousPrompt());
        Button next = new Button("›");
        next.setOnAction(e -> model.nextPrompt());
        HBox prompts = new HBox(8, previous, promptText, next);
        prompts.setAlignment(Pos.CENTER_LEFT);
        prompts.visibleProperty().bind(Bindings.createBooleanBinding(() -> model.comparisonProperty().get() != null
                && model.comparisonProperty().get().prompts().size() > 1, model.comparisonProperty()));
        FlowPane panels = new FlowPane(GAP, GAP, label.root, base.root, tuned.root);
        Label hint = new Label("Select a tile to see its label and both predictions; double-click it (or press Enter)"
                + " to fix its label in Annotate.");
        hint.setWrapText(true);
        root = new VBox(GAP, hint, panels, prompts);
        root.setPadding(new Insets(PADDING));
        // the pictures follow the space given (fit), not the other way round
        root.setMinSize(0, 0);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(root.widthProperty());
        clip.heightProperty().bind(root.heightProperty());
        root.setClip(clip);
        panels.prefWrapLengthProperty().bind(root.widthProperty());
        root.widthProperty().addListener(o -> fit());
        root.heightProperty().addListener(o -> fit());
        model.comparisonProperty().addListener(o -> show());
        model.promptProperty().addListener(o -> show());
    }

    Node root() {
        return root;
    }

    /** The largest size at which the three pictures fit, in one row, two or three: tiles may be wide or tall. */
    private void fit() {
        TileComparison comparison = model.comparisonProperty().get();
        double aspect = comparison == null ? 1 : (double) comparison.label().height() / comparison.label().width();
        double width = root.getWidth() - 2 * PADDING;
        double height = root.getHeight() - 2 * PADDING - 80; // the hint and the prompt buttons
        double best = 0;
        for (int columns = 1; columns <= 3; columns++) {
            int rows = (3 + columns - 1) / columns;
            double byWidth = (width - GAP * (columns - 1)) / columns - 1; // a pixel to spare: no early wrap
            double byHeight = ((height - GAP * (rows - 1)) / rows - TITLE) / aspect;
            best = Math.max(best, Math.min(byWidth, byHeight));
        }
        for (Panel panel : new Panel[] {label, base, tuned}) {
            panel.picture.setFitWidth(Math.max(50, best));
            panel.overlay.setFitWidth(Math.max(50, best));
        }
    }

    private void show() {
        TileComparison comparison = model.comparisonProperty().get();
        EvaluationRow row = model.selectedTileProperty().get();
        if (comparison == null || row == null) {
            for (Panel panel : new Panel[] {label, base, tuned}) {
                panel.show("", null, null);
            }
            promptText.setText("");
            return;
        }
        fit();
        if (!comparison.tile().equals(shownTile)) {
            shownTile = comparison.tile();
            model.tileImage(comparison.tile()).ifPresent(path -> tileImage = new Image(path.toUri().toString(),
                    true));
        }
        int p = Math.min(model.promptProperty().get(), comparison.prompts().size() - 1);
        label.show("Label", tileImage, overlay(comparison.label(), LABEL_ARGB, null));
        base.show(String.format(Locale.ROOT, "%s · IoU %.3f", EvaluateView.capitalised(
                model.baselineWordBinding().get()), row.base().iou()), tileImage,
                overlay(comparison.base().get(p), BASE_ARGB, comparison.prompts().get(p)));
        tuned.show(String.format(Locale.ROOT, "Tuned · IoU %.3f", row.tuned().iou()), tileImage,
                overlay(comparison.tuned().get(p), TUNED_ARGB, comparison.prompts().get(p)));
        promptText.setText("Prompt " + (p + 1) + " of " + comparison.prompts().size());
    }

    /** The mask in a translucent colour, with the prompt that made it on top when there is one. */
    private static WritableImage overlay(LabelMask mask, int argb, Prompt prompt) {
        return PromptMarks.drawOn(MaskImages.overlay(mask.pixels(), mask.width(), mask.height(), argb), prompt);
    }

    /** A title over the tile with an overlay. */
    private static final class Panel {
        final Label title = new Label();
        final ImageView picture = new ImageView();
        final ImageView overlay = new ImageView();
        final VBox root;

        Panel(String id) {
            picture.setPreserveRatio(true);
            overlay.setPreserveRatio(true);
            StackPane stack = new StackPane(picture, overlay);
            stack.setAlignment(Pos.TOP_LEFT);
            root = new VBox(4, title, stack);
            root.setId(id);
        }

        void show(String text, Image tile, Image mask) {
            title.setText(text);
            picture.setImage(tile);
            overlay.setImage(mask);
        }
    }
}
