package org.meander.ui;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import org.meander.project.LabelMask;
import org.meander.sam.Point;

/**
 * Draws a tile fitted to the view with its label (magenta) and SAM's preview (orange) on top, and the prompt points
 * (green positive, red negative); turns clicks into image-pixel prompts. Only binds and forwards: the view-model
 * decides what a click means.
 */
final class TileCanvas extends Pane {

    private static final int LABEL_ARGB = 0x59ff30d0;
    private static final int PREVIEW_ARGB = 0x88ff9020;

    private final Canvas canvas = new Canvas();
    private final AnnotateViewModel model;
    private Image tile;
    private Image labelOverlay;
    private Image previewOverlay;

    TileCanvas(AnnotateViewModel model) {
        this.model = model;
        getChildren().add(canvas);
        canvas.widthProperty().bind(widthProperty());
        canvas.heightProperty().bind(heightProperty());
        canvas.widthProperty().addListener(o -> draw());
        canvas.heightProperty().addListener(o -> draw());
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, this::onClick);
        model.selectedTileProperty().addListener((o, old, t) -> {
            // loaded in the background: a large tile must not stall the JavaFX thread
            tile = t == null ? null : new Image(t.image().toUri().toString(), true);
            if (tile != null) {
                tile.progressProperty().addListener((p, before, done) -> draw());
            }
            draw();
        });
        model.labelProperty().addListener((o, old, mask) -> {
            labelOverlay = overlay(mask, LABEL_ARGB);
            draw();
        });
        model.previewProperty().addListener((o, old, mask) -> {
            previewOverlay = overlay(mask, PREVIEW_ARGB);
            draw();
        });
        model.promptProperty().addListener(o -> draw());
    }

    Canvas canvas() {
        return canvas;
    }

    /** The canvas position of an image pixel, for tests and for drawing. */
    double[] toCanvas(double x, double y) {
        double scale = scale();
        return new double[] {offsetX(scale) + x * scale, offsetY(scale) + y * scale};
    }

    private void onClick(MouseEvent e) {
        if (tile == null || e.getButton() == MouseButton.MIDDLE) {
            return;
        }
        double scale = scale();
        double x = (e.getX() - offsetX(scale)) / scale;
        double y = (e.getY() - offsetY(scale)) / scale;
        if (x < 0 || y < 0 || x >= tile.getWidth() || y >= tile.getHeight()) {
            return;
        }
        boolean negative = e.getButton() == MouseButton.SECONDARY || e.isAltDown();
        model.addPoint(x, y, !negative);
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.gray(0.15));
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (tile == null || tile.getProgress() < 1) {
            return;
        }
        double scale = scale();
        double x0 = offsetX(scale);
        double y0 = offsetY(scale);
        double w = tile.getWidth() * scale;
        double h = tile.getHeight() * scale;
        g.drawImage(tile, x0, y0, w, h);
        if (labelOverlay != null) {
            g.drawImage(labelOverlay, x0, y0, w, h);
        }
        if (previewOverlay != null) {
            g.drawImage(previewOverlay, x0, y0, w, h);
        }
        for (Point p : model.promptProperty().get().points()) {
            double[] c = toCanvas(p.x(), p.y());
            g.setFill(p.label() == Point.POSITIVE ? Color.LIMEGREEN : Color.RED);
            g.fillOval(c[0] - 5, c[1] - 5, 10, 10);
            g.setStroke(Color.WHITE);
            g.strokeOval(c[0] - 5, c[1] - 5, 10, 10);
        }
    }

    private double scale() {
        if (tile == null || tile.getWidth() == 0) {
            return 1;
        }
        return Math.min(canvas.getWidth() / tile.getWidth(), canvas.getHeight() / tile.getHeight());
    }

    private double offsetX(double scale) {
        return tile == null ? 0 : (canvas.getWidth() - tile.getWidth() * scale) / 2;
    }

    private double offsetY(double scale) {
        return tile == null ? 0 : (canvas.getHeight() - tile.getHeight() * scale) / 2;
    }

    private static Image overlay(LabelMask mask, int argb) {
        return mask == null ? null : MaskImages.overlay(mask.pixels(), mask.width(), mask.height(), argb);
    }
}
