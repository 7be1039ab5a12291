package org.meander.ui;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.meander.weights.ErrorText;
import org.meander.project.LabelMask;
import org.meander.project.LabelStatus;
import org.meander.project.NeighbourLabels;
import org.meander.project.Project;
import org.meander.project.Tile;
import org.meander.project.edit.BrushStroke;
import org.meander.project.edit.CombineMode;
import org.meander.project.edit.EditHistory;
import org.meander.project.edit.MaskOps;

/**
 * The label of the open tile and every change to it: SAM previews accepted (replace, add, subtract), brush and
 * eraser strokes, polygons, hole filling and island removal, each one undoable. Labels are read and saved in the
 * background (one thread, in order): saved when the user leaves the tile, on the autosave timer and on close;
 * every save keeps the previous version in the project's label history. Called on the JavaFX thread.
 */
final class LabelEditor implements AutoCloseable {

    static final int UNDO_STEPS = 200;
    static final int SMALLEST_ISLAND = 64;

    private final Project project;
    private final Consumer<String> status;
    private final ExecutorService saver = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "meander-label-saver");
        t.setDaemon(false); // a save in progress finishes even when the window closes
        return t;
    });

    private final ReadOnlyObjectWrapper<LabelMask> shown = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<StrokeUpdate> strokeUpdate = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<Tool> tool = new SimpleObjectProperty<>(Tool.SAM);
    private final DoubleProperty brushRadius = new SimpleDoubleProperty(8);
    private final BooleanProperty showOriginal = new SimpleBooleanProperty();
    /** An earlier version chosen in the label history, shown instead of the label; null for none. */
    private final ObjectProperty<LabelMask> shownVersion = new SimpleObjectProperty<>();
    private final ObservableList<double[]> polygon = FXCollections.observableArrayList();

    private Tile tile;
    /**
     * Whether an earlier version of the open tile's label was restored: the label may then not be the prediction it
     * began as, so saving forgets which decoder predicted it (even if the restore was undone: a record that may be
     * wrong is worse than none).
     */
    private boolean earlierVersionRestored;
    private EditHistory edits;
    private LabelMask original;
    private BrushStroke stroke;
    private double strokeX;
    private double strokeY;
    private Future<?> lastSave;
    private long openTicket;

    private final ReadOnlyIntegerWrapper saves = new ReadOnlyIntegerWrapper();

    LabelEditor(Project project, Consumer<String> status) {
        this.project = project;
        this.status = status;
        showOriginal.addListener(o -> refresh());
        shownVersion.addListener(o -> refresh());
        brushRadius.addListener((o, old, radius) -> {
            if (Math.round(old.doubleValue()) != Math.round(radius.doubleValue())) {
                status.accept(String.format(Locale.ROOT, "Brush radius %d pixels ([ and ] change it)",
                        Math.round(radius.doubleValue())));
            }
        });
    }

    /** S, B, E, P or a tool button: the tool is chosen, and the status bar says what it does and its keys. */
    void choose(Tool chosen) {
        tool.set(chosen);
        String said = switch (chosen) {
            case SAM -> "SAM: click on what to label, right click (or Alt+click) on what not to, or drag a box;"
                    + " Enter accepts, Shift+Enter adds, Alt+Enter subtracts, Tab shows the next candidate";
            case BRUSH -> String.format(Locale.ROOT, "Brush: drag to paint the label, radius %d pixels ([ and ]"
                    + " change it); Ctrl+Z undoes a stroke", Math.round(brushRadius.get()));
            case ERASER -> String.format(Locale.ROOT, "Eraser: drag to erase the label, radius %d pixels ([ and ]"
                    + " change it); Ctrl+Z undoes a stroke", Math.round(brushRadius.get()));
            case POLYGON -> "Polygon: click its vertices; Enter (or a double click) fills it, Alt+Enter cuts it,"
                    + " Backspace takes back a vertex";
        };
        status.accept(said.replace("Ctrl+", Shortcut.shortcutKey() + "+"));
    }

    /** Counts the saves that reached the disk, on the JavaFX thread: a tile's status may have changed. */
    ReadOnlyIntegerProperty savesProperty() {
        return saves.getReadOnlyProperty();
    }

    /**
     * What the canvas draws: the label as edited, the tile's original label while "show original" is on, or an
     * earlier version while the label history shows one.
     */
    ReadOnlyObjectProperty<LabelMask> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /**
     * The brush stroke in progress, after each mouse move: its working mask and the rectangle that move changed.
     * The label itself changes once, when the stroke ends.
     */
    ReadOnlyObjectProperty<StrokeUpdate> strokeUpdateProperty() {
        return strokeUpdate.getReadOnlyProperty();
    }

    /** A brush move: pixels in [x0, x1) x [y0, y1) of {@code mask} may have changed. */
    record StrokeUpdate(LabelMask mask, int x0, int y0, int x1, int y1) {
    }

    ObjectProperty<Tool> toolProperty() {
        return tool;
    }

    DoubleProperty brushRadiusProperty() {
        return brushRadius;
    }

    BooleanProperty showOriginalProperty() {
        return showOriginal;
    }

    /** An earlier version of the label to show instead of it (the label history's choice), or null. */
    ObjectProperty<LabelMask> shownVersionProperty() {
        return shownVersion;
    }

    ObservableList<double[]> polygon() {
        return polygon;
    }

    LabelMask current() {
        return edits == null ? null : edits.current();
    }

    boolean isDirty() {
        return edits != null && edits.isDirty();
    }

    /**
     * Opens a tile's label for editing, saving the previous tile's first if it changed. The label is read in the
     * background, on the thread that saves, so a tile reopened at once reads what was just saved; until it arrives
     * the editor shows nothing and ignores edits.
     */
    void open(Tile next) {
        saveIfDirty();
        tile = next;
        earlierVersionRestored = false;
        stroke = null;
        polygon.clear();
        edits = null;
        original = null;
        shownVersion.set(null);
        refresh();
        if (next == null) {
            return;
        }
        long ticket = ++openTicket;
        saver.submit(() -> {
            try {
                LabelMask label = project.labelOrEmpty(next);
                LabelMask imported = project.originalLabel(next).orElse(null);
                Platform.runLater(() -> {
                    if (ticket == openTicket) {
                        edits = new EditHistory(label, UNDO_STEPS);
                        original = imported;
                        refresh();
                    }
                });
            } catch (IOException | RuntimeException e) {
                Platform.runLater(() -> status.accept(ErrorText.of(e)));
            }
        });
    }

    /** Makes an earlier version the label again, as an edit that Ctrl+Z undoes. */
    void restore(LabelMask version) {
        if (edits == null) {
            return;
        }
        earlierVersionRestored = true;
        change("restore an earlier version", version);
    }

    /** Takes the labelled neighbours' labels where they overlap the tile; false while the label is still loading. */
    boolean takeNeighbours(NeighbourLabels neighbours) {
        if (edits == null) {
            return false;
        }
        change("neighbours' labels in the overlaps", neighbours.over(current()));
        return true;
    }

    void accept(LabelMask preview, CombineMode mode) {
        if (edits == null) {
            return;
        }
        change("SAM " + mode.name().toLowerCase(Locale.ROOT), MaskOps.combine(current(), preview, mode));
    }

    void beginStroke(double x, double y) {
        if (edits == null) {
            return;
        }
        shownVersion.set(null); // the stroke paints the label, so the label is what shows
        stroke = new BrushStroke(edits.current(), brushRadius.get(), tool.get() != Tool.ERASER);
        strokeX = x;
        strokeY = y;
        moveStroke(x, y);
    }

    void continueStroke(double x, double y) {
        if (stroke != null) {
            moveStroke(x, y);
        }
    }

    private void moveStroke(double x, double y) {
        stroke.moveTo(x, y);
        double r = brushRadius.get() + 1;
        strokeUpdate.set(new StrokeUpdate(stroke.current(), (int) Math.floor(Math.min(x, strokeX) - r),
                (int) Math.floor(Math.min(y, strokeY) - r), (int) Math.ceil(Math.max(x, strokeX) + r),
                (int) Math.ceil(Math.max(y, strokeY) + r)));
        strokeX = x;
        strokeY = y;
    }

    void endStroke() {
        if (stroke != null) {
            LabelMask painted = stroke.current();
            stroke = null;
            strokeUpdate.set(null);
            change(tool.get() == Tool.ERASER ? "eraser" : "brush", painted);
        }
    }

    void addVertex(double x, double y) {
        polygon.add(new double[] {x, y});
    }

    /** Closes the polygon: fills it, or cuts it out of the label. Fewer than 3 vertices close nothing. */
    void closePolygon(boolean fill) {
        if (polygon.isEmpty()) {
            return;
        }
        if (polygon.size() < 3) {
            status.accept("A polygon needs 3 vertices at least; this one had " + polygon.size());
        } else if (edits == null) {
            status.accept(stillBeingRead());
        } else {
            List<double[]> vertices = List.copyOf(polygon);
            LabelMask before = edits.current();
            LabelMask after = MaskOps.polygon(before, vertices, fill);
            change(fill ? "polygon fill" : "polygon cut", after);
            long pixels = MaskOps.pixelsChanged(before, after);
            status.accept(pixels == 0
                    ? (fill ? "The polygon lies within the label already: nothing to fill"
                            : "The polygon holds no label: nothing to cut")
                    : String.format(Locale.ROOT, "%s the polygon of %d vertices: %s %s",
                            fill ? "Filled" : "Cut out", vertices.size(), pixels(pixels),
                            fill ? "added to the label" : "taken from the label"));
        }
        polygon.clear();
    }

    void cancelPolygon() {
        polygon.clear();
    }

    /** Backspace with the polygon tool: the polygon without its last vertex. */
    void removeLastVertex() {
        if (!polygon.isEmpty()) {
            polygon.remove(polygon.size() - 1);
        }
    }

    /** Ctrl+H: the label's holes filled; the status bar says how many. */
    void fillHoles() {
        if (edits == null) {
            status.accept(stillBeingRead());
            return;
        }
        LabelMask before = edits.current();
        LabelMask after = MaskOps.fillHoles(before);
        change("fill holes", after);
        int holes = MaskOps.holesFilled(before, after);
        status.accept(holes == 0 ? "No holes to fill: the label has none"
                : String.format(Locale.ROOT, "Filled %d hole%s (%s); %s undoes", holes,
                        holes == 1 ? "" : "s", pixels(MaskOps.pixelsChanged(before, after)), Shortcut.UNDO.keys));
    }

    /** Ctrl+I: the islands smaller than {@value #SMALLEST_ISLAND} pixels removed; the status bar counts them. */
    void removeIslands() {
        if (edits == null) {
            status.accept(stillBeingRead());
            return;
        }
        LabelMask before = edits.current();
        LabelMask after = MaskOps.removeIslands(before, SMALLEST_ISLAND);
        change("remove small islands", after);
        int islands = MaskOps.islandsRemoved(before, after);
        status.accept(islands == 0 ? "No islands smaller than " + SMALLEST_ISLAND + " pixels to remove"
                : String.format(Locale.ROOT, "Removed %d island%s smaller than %d pixels (%s); %s undoes",
                        islands, islands == 1 ? "" : "s", SMALLEST_ISLAND, pixels(MaskOps.pixelsChanged(before, after)),
                        Shortcut.UNDO.keys));
    }

    private static String pixels(long count) {
        return count == 1 ? "1 pixel" : String.format(Locale.ROOT, "%,d pixels", count);
    }

    private String stillBeingRead() {
        return tile == null ? "No tile is open" : "The label of " + tile.name() + " is still being read";
    }

    void undo() {
        if (edits != null && edits.canUndo()) {
            String what = edits.undoDescription().orElse("");
            edits.undo();
            refresh();
            status.accept("Undid " + what);
        }
    }

    void redo() {
        if (edits != null && edits.canRedo()) {
            String what = edits.redoDescription().orElse("");
            edits.redo();
            refresh();
            status.accept("Redid " + what);
        }
    }

    /**
     * Saves now with the given status (EDITED, or ACCEPTED when the user marks the label correct), in the background;
     * false while the label is still being read, and there is nothing to save.
     */
    boolean save(LabelStatus labelStatus) {
        if (edits == null) {
            return false;
        }
        Tile target = tile;
        LabelMask mask = edits.current();
        boolean otherOrigin = earlierVersionRestored;
        String saved = savedMessage(target, mask, labelStatus);
        edits.markSaved();
        lastSave = saver.submit(() -> {
            try {
                if (otherOrigin) {
                    project.writeLabelOfOtherOrigin(target, mask, labelStatus);
                } else {
                    project.writeLabel(target, mask, labelStatus);
                }
                Platform.runLater(() -> {
                    saves.set(saves.get() + 1);
                    if (target.equals(tile)) {
                        status.accept(saved); // once another tile is open, its list line says the status
                    }
                });
            } catch (IOException | RuntimeException e) {
                Platform.runLater(() -> status.accept("Could not save the label of " + target.name() + ": "
                        + ErrorText.of(e)));
            }
        });
        return true;
    }

    /** Accepting an empty label says "no river here", which A pressed on an unlabelled tile may not have meant. */
    static String savedMessage(Tile tile, LabelMask mask, LabelStatus labelStatus) {
        if (labelStatus != LabelStatus.ACCEPTED) {
            return "Saved the label of " + tile.name();
        }
        return mask.isEmpty()
                ? "Accepted " + tile.name() + " as a tile without river: its label is empty"
                : "Accepted the label of " + tile.name();
    }

    void saveIfDirty() {
        if (isDirty()) {
            save(LabelStatus.EDITED);
        }
    }

    /** Waits for the last save to reach the disk (tests, and closing the window). */
    void awaitSaved() throws Exception {
        if (lastSave != null) {
            lastSave.get();
        }
    }

    @Override
    public void close() {
        saveIfDirty();
        saver.shutdown();
    }

    private void change(String description, LabelMask next) {
        shownVersion.set(null); // an edit is made to the label, so the label is what shows
        edits.apply(description, next);
        refresh();
    }

    private void refresh() {
        if (shownVersion.get() != null) {
            shown.set(shownVersion.get());
        } else {
            shown.set(showOriginal.get() && original != null ? original : current());
        }
    }
}
