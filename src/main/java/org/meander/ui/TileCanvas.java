package org.meander.ui;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.meander.project.LabelMask;
import org.meander.project.Tile;
import org.meander.sam.Box;
import org.meander.sam.Point;
import org.meander.ui.image.MaskImages;

/**
 * Draws a tile with its label (magenta) and SAM's preview (orange) on top, the prompt points (green positive, red
 * negative) and box, and turns the mouse into prompts: click a point (right or Alt for negative), drag a box,
 * hover for a preview before the first click. Wheel zooms to the cursor, the middle button or Space + drag pans.
 * Only binds and forwards: the view-model decides what a prompt means.
 */
final class TileCanvas extends Pane {

    private static final int LABEL_ARGB = 0x59ff30d0;
    private static final int PREVIEW_ARGB = 0x88ff9020;
    /** A press that moves less than this (view pixels) before release is a click, not a drag. */
    private static final double DRAG_THRESHOLD = 4;

    private final Canvas canvas = new Canvas();
    private final AnnotateViewModel model;
    private final Viewport viewport = new Viewport();
    private final DoubleProperty labelOpacity = new SimpleDoubleProperty(1);
    private final BooleanProperty labelOutline = new SimpleBooleanProperty();
    private final BooleanProperty labelHidden = new SimpleBooleanProperty();
    private Image tile;
    private Image labelOverlay;
    private Image previewOverlay;
    private boolean fitPending = true;
    /** Whether the view shows the tile fitted, as opened or after F: a resized view fits it again. */
    private boolean fitted;
    private boolean spaceDown;
    private double pressX;
    private double pressY;
    private double lastX;
    private double lastY;
    private boolean dragging;
    private boolean panning;
    private boolean stroking;
    private double cursorX = -1;
    private double cursorY = -1;

    TileCanvas(AnnotateViewModel model) {
        this.model = model;
        getChildren().add(canvas);
        setFocusTraversable(true);
        canvas.widthProperty().bind(widthProperty());
        canvas.heightProperty().bind(heightProperty());
        canvas.widthProperty().addListener(o -> resized());
        canvas.heightProperty().addListener(o -> resized());
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPressed);
        // the press is the tile's: the tab pane around it would take the focus from it (and with it Tab, which
        // cycles SAM's candidates only while the tile has the focus)
        addEventHandler(MouseEvent.MOUSE_PRESSED, MouseEvent::consume);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDragged);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, this::onReleased);
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, this::onMoved);
        canvas.addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        model.selectedTileProperty().addListener((o, old, t) -> {
            tile = null;
            fitPending = true;
            showTile();
            draw();
        });
        model.views().viewProperty().addListener(o -> showTile());
        model.views().stretchedProperty().addListener(o -> showTile());
        model.labelProperty().addListener(o -> rebuildLabelOverlay());
        model.editor().strokeUpdateProperty().addListener((o, old, update) -> {
            if (update != null) {
                showStroke(update);
            }
        });
        labelOutline.addListener(o -> rebuildLabelOverlay());
        labelOpacity.addListener(o -> draw());
        labelHidden.addListener(o -> draw());
        model.sam().previewProperty().addListener((o, old, preview) -> {
            previewOverlay = preview == null ? null : overlay(preview.mask(), PREVIEW_ARGB);
            draw();
        });
        model.sam().promptProperty().addListener(o -> draw());
        model.editor().polygon().addListener((javafx.collections.ListChangeListener<double[]>) c -> draw());
        model.editor().toolProperty().addListener(o -> draw());
        model.editor().brushRadiusProperty().addListener(o -> draw());
        // a tile may be open before the window is: the one the project was last left on
        if (model.selectedTileProperty().get() != null) {
            fitPending = true;
            rebuildLabelOverlay();
            showTile();
        }
    }

    /** The open tile in the chosen view, loaded in the background: a large tile must not stall the JavaFX thread. */
    private void showTile() {
        Tile t = model.selectedTileProperty().get();
        TileView view = model.views().shown();
        boolean stretched = model.views().stretchedProperty().get();
        if (t != null && model.views().painted()) {
            // the picture shown stays until the new one is painted: the same tile, so nothing moves
            model.views().paint(t, view, painted -> {
                if (t == model.selectedTileProperty().get() && view == model.views().shown()
                        && stretched == model.views().stretchedProperty().get()) {
                    tile = painted;
                    redrawFitting();
                }
            }, () -> {
                if (t == model.selectedTileProperty().get()) {
                    showColours(t);
                }
            });
            return;
        }
        showColours(t);
    }

    private void showColours(Tile t) {
        tile = t == null ? null : new Image(t.image().toUri().toString(), true);
        if (tile != null) {
            Image shown = tile;
            tile.progressProperty().addListener((p, before, done) -> redrawFitting());
            tile.errorProperty().addListener((e, before, failed) -> {
                if (failed && tile == shown) {
                    model.imageUnreadable(t, shown.getException());
                    draw();
                }
            });
        }
        draw();
    }

    /** The picture of the tile being shown, once loaded; null before. */
    Image shownImage() {
        return loaded() ? tile : null;
    }

    private Tool tool() {
        return model.editor().toolProperty().get();
    }

    Canvas canvas() {
        return canvas;
    }

    /** How opaque the label overlay is drawn, 0 to 1 (on top of its own translucency). */
    DoubleProperty labelOpacityProperty() {
        return labelOpacity;
    }

    /** L: the label not drawn at all, to see the whole tile for a moment; the label itself is untouched. */
    BooleanProperty labelHiddenProperty() {
        return labelHidden;
    }

    /** Draw only the label's outline, to see the tile underneath. */
    BooleanProperty labelOutlineProperty() {
        return labelOutline;
    }

    /** Redraws only what one brush move changed, so painting stays smooth on large tiles. */
    private void showStroke(LabelEditor.StrokeUpdate update) {
        LabelMask mask = update.mask();
        if (!(labelOverlay instanceof WritableImage image) || image.getWidth() != mask.width()
                || image.getHeight() != mask.height()) {
            labelOverlay = labelOutline.get()
                    ? MaskImages.outline(mask.pixels(), mask.width(), mask.height(), LABEL_ARGB)
                    : overlay(mask, LABEL_ARGB);
        } else {
            MaskImages.update(image, mask.pixels(), mask.width(), mask.height(), update.x0(), update.y0(),
                    update.x1(), update.y1(), LABEL_ARGB, labelOutline.get());
        }
        draw();
    }

    private void rebuildLabelOverlay() {
        LabelMask mask = model.labelProperty().get();
        if (mask == null) {
            labelOverlay = null;
        } else if (labelOutline.get()) {
            labelOverlay = MaskImages.outline(mask.pixels(), mask.width(), mask.height(), LABEL_ARGB);
        } else {
            labelOverlay = overlay(mask, LABEL_ARGB);
        }
        draw();
    }

    /** The canvas position of an image point. */
    double[] toCanvas(double x, double y) {
        return new double[] {viewport.toViewX(x), viewport.toViewY(y)};
    }

    /** F: the whole tile in view. */
    void fit() {
        if (loaded()) {
            viewport.fit(tile.getWidth(), tile.getHeight(), canvas.getWidth(), canvas.getHeight());
            fitted = true;
            draw();
        }
    }

    /** 1: one tile pixel per screen pixel, around the view's centre. */
    void actualSize() {
        viewport.actualSize(canvas.getWidth() / 2, canvas.getHeight() / 2);
        fitted = false;
        draw();
    }

    void setSpaceDown(boolean down) {
        spaceDown = down;
    }

    private void onPressed(MouseEvent e) {
        requestFocus();
        pressX = e.getX();
        pressY = e.getY();
        lastX = pressX;
        lastY = pressY;
        dragging = false;
        panning = e.getButton() == MouseButton.MIDDLE || (spaceDown && e.getButton() == MouseButton.PRIMARY);
        if (!panning && loaded() && e.getButton() == MouseButton.PRIMARY
                && (tool() == Tool.BRUSH || tool() == Tool.ERASER)) {
            stroking = true;
            model.editor().beginStroke(viewport.toImageX(e.getX()), viewport.toImageY(e.getY()));
        }
    }

    private void onDragged(MouseEvent e) {
        if (panning) {
            viewport.pan(e.getX() - lastX, e.getY() - lastY);
            fitted = false;
            draw();
        } else if (stroking) {
            cursorX = e.getX();
            cursorY = e.getY();
            model.editor().continueStroke(viewport.toImageX(e.getX()), viewport.toImageY(e.getY()));
        } else if (tool() == Tool.SAM && e.getButton() == MouseButton.PRIMARY
                && Math.hypot(e.getX() - pressX, e.getY() - pressY) >= DRAG_THRESHOLD) {
            dragging = true;
            draw();
            drawDragBox(e.getX(), e.getY());
        }
        lastX = e.getX();
        lastY = e.getY();
    }

    private void onReleased(MouseEvent e) {
        if (!loaded() || panning) {
            panning = false;
            return;
        }
        if (stroking) {
            stroking = false;
            model.editor().endStroke();
            return;
        }
        if (tool() == Tool.POLYGON) {
            onPolygonClick(e);
            return;
        }
        if (tool() != Tool.SAM) {
            return;
        }
        if (dragging) {
            dragging = false;
            model.sam().setBox(clampX(viewport.toImageX(pressX)), clampY(viewport.toImageY(pressY)),
                    clampX(viewport.toImageX(e.getX())), clampY(viewport.toImageY(e.getY())));
            return;
        }
        double x = viewport.toImageX(e.getX());
        double y = viewport.toImageY(e.getY());
        if (x < 0 || y < 0 || x >= tile.getWidth() || y >= tile.getHeight()) {
            return;
        }
        boolean negative = e.getButton() == MouseButton.SECONDARY || e.isAltDown();
        model.sam().addPoint(x, y, !negative);
    }

    /** A click adds a vertex; a double click closes the polygon, filling it (or, with Alt, cutting it). */
    private void onPolygonClick(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        if (e.getClickCount() >= 2) {
            model.editor().closePolygon(!e.isAltDown());
        } else {
            model.editor().addVertex(clampX(viewport.toImageX(e.getX())), clampY(viewport.toImageY(e.getY())));
        }
    }

    private void onMoved(MouseEvent e) {
        cursorX = e.getX();
        cursorY = e.getY();
        if (!loaded()) {
            return;
        }
        if (tool() != Tool.SAM) {
            draw(); // the brush outline follows the cursor
            return;
        }
        double x = viewport.toImageX(e.getX());
        double y = viewport.toImageY(e.getY());
        if (x >= 0 && y >= 0 && x < tile.getWidth() && y < tile.getHeight()) {
            model.sam().hover(x, y);
        }
    }

    private void onScroll(ScrollEvent e) {
        if (e.getDeltaY() != 0) {
            viewport.zoomAt(e.getX(), e.getY(), Math.pow(1.0015, e.getDeltaY()));
            fitted = false; // the user's zoom stays when the window is resized
            draw();
        }
    }

    private void resized() {
        if (fitted && loaded()) {
            fit();
        } else {
            redrawFitting();
        }
    }

    private void redrawFitting() {
        if (fitPending && loaded() && canvas.getWidth() > 0) {
            fitPending = false;
            fit();
        } else {
            draw();
        }
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.gray(0.15));
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (tile != null && tile.isError()) {
            g.setFill(Color.gray(0.85));
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText("This tile's image cannot be read: see the status bar", canvas.getWidth() / 2,
                    canvas.getHeight() / 2);
            return;
        }
        if (!loaded()) {
            return;
        }
        double x0 = viewport.toViewX(0);
        double y0 = viewport.toViewY(0);
        double w = tile.getWidth() * viewport.scale();
        double h = tile.getHeight() * viewport.scale();
        // nearest-neighbour when zoomed in, so single pixels can be judged
        g.setImageSmoothing(viewport.scale() < 2);
        g.drawImage(tile, x0, y0, w, h);
        if (labelOverlay != null && !labelHidden.get()) {
            g.setGlobalAlpha(labelOpacity.get());
            g.drawImage(labelOverlay, x0, y0, w, h);
            g.setGlobalAlpha(1);
        }
        if (previewOverlay != null) {
            g.drawImage(previewOverlay, x0, y0, w, h);
        }
        PromptState prompt = model.sam().promptProperty().get();
        Box box = prompt.box();
        if (box != null) {
            g.setStroke(Color.YELLOW);
            g.setLineWidth(2);
            g.strokeRect(viewport.toViewX(box.x0()), viewport.toViewY(box.y0()),
                    (box.x1() - box.x0()) * viewport.scale(), (box.y1() - box.y0()) * viewport.scale());
        }
        drawPolygon(g);
        drawBrushOutline(g);
        for (Point p : prompt.points()) {
            double cx = viewport.toViewX(p.x());
            double cy = viewport.toViewY(p.y());
            g.setFill(p.label() == Point.POSITIVE ? Color.LIMEGREEN : Color.RED);
            g.fillOval(cx - 5, cy - 5, 10, 10);
            g.setStroke(Color.WHITE);
            g.setLineWidth(1);
            g.strokeOval(cx - 5, cy - 5, 10, 10);
        }
    }

    private void drawPolygon(GraphicsContext g) {
        var vertices = model.editor().polygon();
        if (vertices.isEmpty()) {
            return;
        }
        g.setStroke(Color.CYAN);
        g.setLineWidth(1.5);
        double[] xs = new double[vertices.size()];
        double[] ys = new double[vertices.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = viewport.toViewX(vertices.get(i)[0]);
            ys[i] = viewport.toViewY(vertices.get(i)[1]);
            g.fillOval(xs[i] - 3, ys[i] - 3, 6, 6);
        }
        g.strokePolyline(xs, ys, xs.length);
    }

    private void drawBrushOutline(GraphicsContext g) {
        if ((tool() == Tool.BRUSH || tool() == Tool.ERASER) && cursorX >= 0) {
            double r = model.editor().brushRadiusProperty().get() * viewport.scale();
            g.setStroke(tool() == Tool.BRUSH ? Color.WHITE : Color.ORANGERED);
            g.setLineWidth(1);
            g.strokeOval(cursorX - r, cursorY - r, 2 * r, 2 * r);
        }
    }

    private void drawDragBox(double x, double y) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setStroke(Color.YELLOW);
        g.setLineWidth(1.5);
        g.setLineDashes(6, 4);
        g.strokeRect(Math.min(pressX, x), Math.min(pressY, y), Math.abs(x - pressX), Math.abs(y - pressY));
        g.setLineDashes(null);
    }

    private boolean loaded() {
        return tile != null && tile.getProgress() >= 1 && tile.getWidth() > 0;
    }

    private double clampX(double x) {
        return Math.max(0, Math.min(tile.getWidth() - 1, x));
    }

    private double clampY(double y) {
        return Math.max(0, Math.min(tile.getHeight() - 1, y));
    }

    private static Image overlay(LabelMask mask, int argb) {
        return mask == null ? null : MaskImages.overlay(mask.pixels(), mask.width(), mask.height(), argb);
    }
}
