package org.meander.ui;

import java.awt.Rectangle;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Border;
import javafx.scene.layout.BorderStroke;
import javafx.scene.layout.BorderStrokeStyle;
import javafx.scene.layout.BorderWidths;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.meander.project.LabelStatus;
import org.meander.project.RasterLayout;
import org.meander.project.Tile;

/**
 * "Raster map" (M): the raster's tiles in their places, drawn from their own images, each tinted by its label status
 * over the part of the raster it owns; the open tile outlined in white. A click opens a tile, arrow keys open the one
 * beside it, Esc closes. Binds and draws only.
 */
final class RasterMapWindow {

    /** The longest side a tile's picture is loaded at: the map needs no more. */
    private static final int PICTURE_SIDE = 160;
    private static final double WIDTH = 760;

    private final RasterMapViewModel model;
    private final TaskWindow window;
    private final Canvas canvas = new Canvas();
    private final Label hovered = new Label();
    private final Map<Tile, Image> pictures = new HashMap<>();
    private final MapLabels labels;
    private final CheckBox showLabels = new CheckBox("labels");
    private final Map<LabelStatus, Label> legendEntries = new EnumMap<>(LabelStatus.class);

    RasterMapWindow(RasterMapViewModel model) {
        this.model = model;
        this.labels = model.labels(PICTURE_SIDE, this::draw);
        showLabels.setId("map-labels");
        showLabels.setSelected(true);
        showLabels.setFocusTraversable(false);
        showLabels.setTooltip(new Tooltip("The tiles' labels on the map: the river as labelled, across the raster"));
        showLabels.selectedProperty().addListener(o -> draw());
        ComboBox<RasterLayout> raster = new ComboBox<>();
        raster.setId("map-raster");
        raster.setItems(model.layouts());
        raster.setConverter(ChoiceText.of(layout -> layout.raster().name() + " (" + layout.raster().width() + " x "
                + layout.raster().height() + ", " + layout.cells().size() + " tiles)"));
        raster.valueProperty().bindBidirectional(model.shownProperty());
        raster.setFocusTraversable(false);

        hovered.setId("map-hovered");
        HBox legend = new HBox(10);
        for (LabelStatus status : LabelStatus.values()) {
            Label swatch = swatch(status);
            swatch.setId("map-count-" + status.name().toLowerCase(Locale.ROOT));
            legendEntries.put(status, swatch);
            legend.getChildren().add(swatch);
        }
        legend.setAlignment(Pos.CENTER_LEFT);

        Pane area = new Pane(canvas);
        area.setMinSize(200, 150);
        canvas.widthProperty().bind(area.widthProperty());
        canvas.heightProperty().bind(area.heightProperty());
        canvas.widthProperty().addListener(o -> draw());
        canvas.heightProperty().addListener(o -> draw());
        canvas.setId("map-canvas");
        canvas.setFocusTraversable(true);
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> cellAt(e.getX(), e.getY()).ifPresent(model::open));
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> hovered.setText(cellAt(e.getX(), e.getY())
                .map(cell -> model.describe(cell.tile())).orElse("")));
        canvas.addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        VBox.setVgrow(area, Priority.ALWAYS);

        model.shownProperty().addListener(o -> draw());
        // the window's own listeners on the main window's state go when it closes: a closed map draws no more
        InvalidationListener redraw = o -> draw();
        InvalidationListener reread = o -> {
            labels.refresh();
            model.labelsWritten();
            draw();
        };
        model.openTileProperty().addListener(redraw);
        model.labelsWrittenProperty().addListener(reread);

        Label hint = new Label("Click a tile to open it in Annotate; arrow keys open the tile beside the open one.");
        HBox top = new HBox(8, new Label("Raster"), raster, showLabels);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox root = new VBox(8, top, legend, area, hovered, hint);
        root.setPadding(new Insets(10));
        window = new TaskWindow("Meander — raster map", root, WIDTH, 640, new ReadOnlyBooleanWrapper(false));
        window.stage().setOnShown(e -> canvas.requestFocus());
        // the last raster removed: nothing is left to draw
        model.layouts().addListener((ListChangeListener<RasterLayout>) change -> {
            if (model.layouts().isEmpty()) {
                window.stage().close();
            }
        });
        window.stage().setOnHidden(e -> {
            model.openTileProperty().removeListener(redraw);
            model.labelsWrittenProperty().removeListener(reread);
            model.close();
            labels.close();
        });
    }

    /** At the main window's right edge, below its tool bar, so that the tile list stays in view. */
    void show(Window owner) {
        if (!window.stage().isShowing() && owner != null) {
            window.stage().setX(owner.getX() + owner.getWidth() - WIDTH - 16);
            window.stage().setY(owner.getY() + 120);
        }
        window.show(owner);
        draw();
    }

    Stage stage() {
        return window.stage();
    }

    /** The canvas point over a raster pixel, for tests that click on a tile. */
    double[] toCanvas(int x, int y) {
        double scale = scale();
        return new double[] {x * scale, y * scale};
    }

    private void onKey(KeyEvent e) {
        int dx = e.getCode() == KeyCode.LEFT ? -1 : e.getCode() == KeyCode.RIGHT ? 1 : 0;
        int dy = e.getCode() == KeyCode.UP ? -1 : e.getCode() == KeyCode.DOWN ? 1 : 0;
        if (dx != 0 || dy != 0) {
            model.beside(dx, dy).ifPresent(model::open);
            e.consume();
        }
    }

    private Optional<RasterLayout.Cell> cellAt(double x, double y) {
        RasterLayout layout = model.shownProperty().get();
        double scale = scale();
        return layout == null || scale == 0 ? Optional.empty()
                : layout.at((int) Math.floor(x / scale), (int) Math.floor(y / scale));
    }

    /** Canvas pixels per raster pixel: the whole raster fits. */
    private double scale() {
        RasterLayout layout = model.shownProperty().get();
        if (layout == null) {
            return 0;
        }
        return Math.min(canvas.getWidth() / layout.raster().width(), canvas.getHeight() / layout.raster().height());
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.gray(0.15));
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        RasterLayout layout = model.shownProperty().get();
        double scale = scale();
        if (layout == null || scale == 0) {
            return;
        }
        Tile open = model.openTileProperty().get();
        RasterLayout.Cell openCell = null;
        Map<LabelStatus, Integer> counts = new EnumMap<>(LabelStatus.class);
        for (RasterLayout.Cell cell : layout.cells()) {
            Rectangle own = cell.own();
            Image picture = picture(cell);
            if (picture.getProgress() >= 1 && !picture.isError()) {
                drawOwnPart(g, picture, cell, scale);
            }
            LabelStatus status = model.statusOf(cell.tile());
            counts.merge(status, 1, Integer::sum);
            Color tint = tint(status);
            if (tint != null) {
                g.setFill(tint);
                g.fillRect(own.x * scale, own.y * scale, own.width * scale, own.height * scale);
            }
            Image label = showLabels.isSelected() ? labels.of(cell.tile()) : null;
            if (label != null) {
                drawOwnPart(g, label, cell, scale);
            }
            g.setStroke(Color.gray(0.1, 0.6));
            g.setLineWidth(1);
            g.strokeRect(own.x * scale, own.y * scale, own.width * scale, own.height * scale);
            if (cell.tile().equals(open)) {
                openCell = cell;
            }
        }
        legendEntries.forEach((status, entry) -> entry.setText(legendText(status) + " "
                + counts.getOrDefault(status, 0)));
        if (openCell != null) {
            Rectangle own = openCell.own();
            g.setStroke(Color.WHITE);
            g.setLineWidth(2.5);
            g.strokeRect(own.x * scale, own.y * scale, own.width * scale, own.height * scale);
        }
    }

    /** The part of a picture of the tile (its image or its label, at any size) over the tile's own part. */
    private static void drawOwnPart(GraphicsContext g, Image picture, RasterLayout.Cell cell, double scale) {
        Rectangle own = cell.own();
        double perPixel = picture.getWidth() / cell.window().width();
        g.drawImage(picture, (own.x - cell.window().x()) * perPixel, (own.y - cell.window().y()) * perPixel,
                own.width * perPixel, own.height * perPixel,
                own.x * scale, own.y * scale, own.width * scale, own.height * scale);
    }

    /** Loaded in the background at map size; the map is drawn again as each arrives. */
    private Image picture(RasterLayout.Cell cell) {
        return pictures.computeIfAbsent(cell.tile(), tile -> {
            Image image = new Image(tile.image().toUri().toString(), PICTURE_SIDE, PICTURE_SIDE, true, true, true);
            image.progressProperty().addListener((o, old, done) -> {
                if (done.doubleValue() >= 1) {
                    draw();
                }
            });
            return image;
        });
    }

    /** A label's status as a translucent tint; none for a tile without a label. */
    static Color tint(LabelStatus status) {
        return switch (status) {
            case NONE -> null;
            case IMPORTED -> Color.rgb(60, 120, 255, 0.35);
            case PREDICTED -> Color.rgb(255, 150, 30, 0.40);
            case EDITED -> Color.rgb(255, 230, 40, 0.35);
            case ACCEPTED -> Color.rgb(40, 200, 80, 0.40);
        };
    }

    /** A legend entry: the status's tint, its name and (once drawn) how many of the raster's tiles have it. */
    private static Label swatch(LabelStatus status) {
        Label label = new Label(legendText(status));
        Region box = new Region();
        box.setPrefSize(12, 12);
        Color tint = tint(status);
        box.setBackground(new Background(new BackgroundFill(tint == null ? Color.TRANSPARENT : tint, null, null)));
        box.setBorder(new Border(new BorderStroke(Color.gray(0.5), BorderStrokeStyle.SOLID, null,
                BorderWidths.DEFAULT)));
        label.setGraphic(box);
        return label;
    }

    private static String legendText(LabelStatus status) {
        return switch (status) {
            case NONE -> "no label";
            case PREDICTED -> "predicted, to review";
            default -> status.name().toLowerCase(Locale.ROOT);
        };
    }
}
