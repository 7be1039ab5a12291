package org.meander.ui;

import java.io.IOException;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.util.Duration;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.meander.embed.EncodingProgress;
import org.meander.project.LabelStatus;
import org.meander.weights.ErrorText;
import org.meander.project.edit.CombineMode;
import org.meander.ui.evaluate.AnnotationModel;
import org.meander.ui.evaluate.EvaluateView;
import org.meander.ui.train.TrainView;

/**
 * The main window: the tile list, the Annotate tab's canvas, the Train and Evaluate tabs, and a status bar with SAM's
 * message and the background encoding progress. Enter accepts the preview, Escape clears the prompt.
 */
final class MainWindow {

    private final BorderPane root = new BorderPane();
    private final TileCanvas canvas;
    private final TileList tileList;
    private final TabPane tabs;
    private final AnnotateViewModel model;
    private final ToolBar toolBar;
    private final HBox statusBar;
    private LabelHistoryWindow history;
    private RasterMapWindow map;
    /** Annotate's decoder, which D switches; null without a model or without the Evaluate tab. */
    private AnnotationDecoder decoders;

    MainWindow(AnnotateViewModel model, String modelName) {
        this(model, modelName, ProjectActions.NONE);
    }

    /** The whole workbench: Annotate, Train and Evaluate. */
    MainWindow(Workbench workbench, ProjectActions projects) {
        this(workbench.annotate(), workbench.modelName(), projects);
        decoders = workbench.annotationDecoder();
        if (decoders != null) {
            statusBar.getChildren().add(statusBar.getChildren().size() - 1, decoderInUse(decoders));
        }
        Tab train = new Tab("Train", new TrainView(workbench.train()).root());
        Tab evaluate = new Tab("Evaluate", new EvaluateView(workbench.evaluate()).root());
        tabs.getTabs().addAll(train, evaluate);
        // labels, splits and runs change while a tab is hidden: it reads them again when shown
        train.setOnSelectionChanged(e -> {
            if (train.isSelected()) {
                workbench.train().refresh();
            }
        });
        evaluate.setOnSelectionChanged(e -> {
            if (evaluate.isSelected()) {
                workbench.evaluate().refreshRuns();
            }
        });
        Tab annotate = tabs.getTabs().get(0);
        workbench.evaluate().setOpenTile(tile -> {
            tabs.getSelectionModel().select(annotate);
            tileList.open(tile);
        });
    }

    /** Annotate alone. */
    MainWindow(AnnotateViewModel model, String modelName, ProjectActions projects) {
        tileList = new TileList(model);

        canvas = new TileCanvas(model);
        canvas.setId("canvas");
        tabs = new TabPane(new Tab("Annotate", canvas));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);

        Label message = new Label();
        message.setId("status-message");
        message.textProperty().bind(model.statusProperty());
        // a long message is cut short in the bar, and whole in its tooltip
        Tooltip wholeMessage = new Tooltip();
        wholeMessage.textProperty().bind(model.statusProperty());
        wholeMessage.setWrapText(true);
        wholeMessage.setMaxWidth(600);
        message.setTooltip(wholeMessage);
        Label encodingText = new Label();
        encodingText.setId("encoding-progress");
        ProgressBar encodingBar = new ProgressBar(0);
        model.encodingProperty().addListener((o, old, p) -> showEncoding(p, encodingBar, encodingText));
        showEncoding(model.encodingProperty().get(), encodingBar, encodingText); // it may be there already
        statusBar = new HBox(12, message, spacer(), encodingText, encodingBar, new Label("Model: " + modelName));
        keepWhole(encodingText, encodingBar, statusBar.getChildren().get(statusBar.getChildren().size() - 1));
        statusBar.setAlignment(Pos.CENTER_LEFT);
        statusBar.setPadding(new Insets(4, 8, 4, 8));

        toolBar = WorkbenchToolBar.create(model.editor(), canvas, model.views(), projects, this::showHistory,
                () -> ShortcutHelp.show(root.getScene().getWindow()));
        root.setTop(toolBar);
        root.setLeft(tileList.root());
        root.setCenter(tabs);
        root.setBottom(statusBar);
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::onKeyPressed);
        root.addEventFilter(KeyEvent.KEY_RELEASED, e -> {
            if (e.getCode() == KeyCode.SPACE) {
                canvas.setSpaceDown(false);
            }
        });
        this.model = model;
        Timeline autosave = new Timeline(new KeyFrame(Duration.seconds(30), e -> model.editor().saveIfDirty()));
        autosave.setCycleCount(Animation.INDEFINITE);
        autosave.play();
        // a tile may be open already: the one the user was on when the project was last left
        if (model.selectedTileProperty().get() == null && !model.tiles().isEmpty()) {
            tileList.selectFirst();
        }
    }

    /**
     * Puts the model menu in the status bar, in place of the model's name, and, when given, a bar under the tool
     * bar (no model yet).
     */
    void showModelControls(Node menu, Node banner) {
        statusBar.getChildren().set(statusBar.getChildren().size() - 1, menu);
        keepWhole(menu);
        root.setTop(banner == null ? toolBar : new VBox(toolBar, banner));
    }

    /**
     * The workbench's keys, taken before the focused control sees them. Ctrl+Tab (Ctrl+Page Down) and F1 work on
     * every tab; the others are Annotate's, so on the other tabs keys reach their fields, as they do in the search
     * field, and Space and Enter reach a button or box the keyboard focused. Tab is SAM's next candidate only on the
     * tile; elsewhere it moves the focus.
     */
    private void onKeyPressed(KeyEvent e) {
        Shortcut shortcut = Shortcut.of(e);
        if (shortcut == null) {
            return;
        }
        if (shortcut == Shortcut.NEXT_TAB || shortcut == Shortcut.PREVIOUS_TAB) {
            // a text area takes Ctrl+Tab to move the focus out of it, Tab being a character there
            if (!(e.getTarget() instanceof TextArea && e.getCode() == KeyCode.TAB)) {
                switchTab(shortcut == Shortcut.NEXT_TAB ? 1 : -1);
                e.consume();
            }
            return;
        }
        if (shortcut == Shortcut.HELP) {
            ShortcutHelp.show(root.getScene().getWindow());
            e.consume();
            return;
        }
        if (tabs.getSelectionModel().getSelectedIndex() != 0 || e.getTarget() instanceof TextInputControl
                || operatesFocusedControl(e)) {
            return; // typing in the search field, pressing a button
        }
        if (shortcut == Shortcut.NEXT_CANDIDATE && !cyclesCandidates()) {
            return; // Tab moves the focus
        }
        LabelEditor editor = model.editor();
        boolean drawingPolygon = editor.toolProperty().get() == Tool.POLYGON && !editor.polygon().isEmpty();
        switch (shortcut) {
            case ACCEPT -> {
                if (drawingPolygon) {
                    editor.closePolygon(true);
                } else {
                    model.acceptPreview(CombineMode.REPLACE);
                }
            }
            case ACCEPT_ADD -> model.acceptPreview(CombineMode.ADD);
            case ACCEPT_SUBTRACT -> {
                if (drawingPolygon) {
                    editor.closePolygon(false);
                } else {
                    model.acceptPreview(CombineMode.SUBTRACT);
                }
            }
            case CLEAR_PROMPT -> {
                editor.cancelPolygon();
                model.sam().clearPrompt();
            }
            case REMOVE_LAST_POINT -> {
                if (drawingPolygon) {
                    editor.removeLastVertex();
                } else {
                    model.sam().removeLastFromPrompt();
                }
            }
            case NEXT_CANDIDATE -> model.sam().nextCandidate();
            case SAM_TOOL -> editor.choose(Tool.SAM);
            case BRUSH_TOOL -> editor.choose(Tool.BRUSH);
            case ERASER_TOOL -> editor.choose(Tool.ERASER);
            case POLYGON_TOOL -> editor.choose(Tool.POLYGON);
            case SMALLER_BRUSH -> editor.brushRadiusProperty().set(Math.max(1, editor.brushRadiusProperty().get() / 1.25));
            case LARGER_BRUSH -> editor.brushRadiusProperty().set(Math.min(500, editor.brushRadiusProperty().get() * 1.25));
            case FILL_HOLES -> editor.fillHoles();
            case REMOVE_ISLANDS -> editor.removeIslands();
            case UNDO -> editor.undo();
            case REDO -> editor.redo();
            case SAVE -> editor.save(LabelStatus.EDITED);
            case MARK_ACCEPTED -> editor.save(LabelStatus.ACCEPTED);
            case ACCEPT_AND_NEXT -> tileList.open(model.acceptAndNext());
            case NEXT_TO_REVIEW -> tileList.open(model.nextToReview());
            case TAKE_NEIGHBOURS -> model.overlaps().take();
            case NEXT_TILE -> tileList.open(model.browser().tileAfter(1));
            case PREVIOUS_TILE -> tileList.open(model.browser().tileAfter(-1));
            case FIND -> tileList.focusSearch();
            case SHOW_ORIGINAL -> editor.showOriginalProperty().set(!editor.showOriginalProperty().get());
            case HIDE_LABEL -> canvas.labelHiddenProperty().set(!canvas.labelHiddenProperty().get());
            case OUTLINE_LABEL -> canvas.labelOutlineProperty().set(!canvas.labelOutlineProperty().get());
            case LABEL_HISTORY -> showHistory();
            case MAP -> showMap();
            case NEXT_VIEW -> model.views().cycle();
            case STRETCH -> model.views().toggleStretch();
            case FIT -> canvas.fit();
            case ACTUAL_SIZE -> canvas.actualSize();
            case PAN -> canvas.setSpaceDown(true);
            case TOGGLE_HOVER -> model.sam().hoverPreviewProperty().set(!model.sam().hoverPreviewProperty().get());
            case SWITCH_DECODER -> {
                if (decoders == null) {
                    model.showMessage("Switching decoders needs a SAM model: choose one in the status bar's model"
                            + " menu.");
                } else {
                    decoders.switchDecoder();
                }
            }
        }
        e.consume();
    }

    /**
     * Tab cycles SAM's candidates while the tile has the focus (a click on it gives it) and SAM shows more than one;
     * elsewhere it moves the focus, as in any window.
     */
    private boolean cyclesCandidates() {
        SamPreview preview = model.sam().previewProperty().get();
        return canvas.getScene() != null && canvas.getScene().getFocusOwner() == canvas && preview != null
                && preview.candidates() > 1;
    }

    /**
     * Space or Enter on a button, check box or drop-down list that the keyboard moved the focus to (Tab): the
     * control's, not the workbench's. A control clicked with the mouse holds the focus too, but then the keys stay
     * the workbench's (Enter accepts the preview after a click on Stretch).
     */
    private static boolean operatesFocusedControl(KeyEvent e) {
        return (e.getCode() == KeyCode.SPACE || e.getCode() == KeyCode.ENTER)
                && e.getTarget() instanceof Node node && node.isFocusVisible()
                && (node instanceof ButtonBase || node instanceof ComboBoxBase<?> || node instanceof ChoiceBox<?>);
    }

    /**
     * Ctrl+Tab, Ctrl+Page Down (step 1) or with Shift, Ctrl+Page Up (-1): the next or previous tab, going round. The
     * focus, if it was on the tab left, goes to the tabs' headers, from where Tab enters the tab shown.
     */
    private void switchTab(int step) {
        int count = tabs.getTabs().size();
        Tab left = tabs.getSelectionModel().getSelectedItem();
        tabs.getSelectionModel().select(Math.floorMod(tabs.getSelectionModel().getSelectedIndex() + step, count));
        Node focused = root.getScene() == null ? null : root.getScene().getFocusOwner();
        if (focused == null || isWithin(focused, left.getContent())) {
            tabs.requestFocus();
        }
    }

    private static boolean isWithin(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    Scene scene() {
        return new Scene(root, 1280, 800);
    }

    /** Shift+O: the open tile's label history, in one window that follows the tile. */
    private void showHistory() {
        if (history == null || !history.stage().isShowing()) {
            history = new LabelHistoryWindow(new LabelHistoryViewModel(model.project(), model));
        }
        history.show(root.getScene().getWindow());
    }

    /** M: the map of the rasters cut into the project, in one window that follows the open tile. */
    private void showMap() {
        if (map == null || !map.stage().isShowing()) {
            try {
                RasterMapViewModel mapModel = new RasterMapViewModel(model.project(), model, tileList::open);
                if (mapModel.layouts().isEmpty()) {
                    model.showMessage("No raster was cut into this project, so there is no map: the map shows the"
                            + " tiles of a raster cut with ./meander project tile (or cut on import).");
                    return;
                }
                map = new RasterMapWindow(mapModel);
            } catch (IOException e) {
                model.showMessage("The map cannot be drawn: " + ErrorText.of(e));
                return;
            }
        }
        map.show(root.getScene().getWindow());
    }

    /** The raster map window, while one has been opened. */
    RasterMapWindow map() {
        return map;
    }

    /** The label history window, while one has been opened. */
    LabelHistoryWindow history() {
        return history;
    }

    TileCanvas canvas() {
        return canvas;
    }

    private static void showEncoding(EncodingProgress p, ProgressBar bar, Label text) {
        if (p == null) {
            return;
        }
        bar.setProgress(EncodingStatus.fraction(p));
        text.setText(EncodingStatus.text(p));
        String problem = EncodingStatus.problem(p);
        text.setTooltip(problem == null ? null : new Tooltip(problem));
    }

    /** "Decoder: run …" while a tuned decoder makes Annotate's masks; nothing while the model's own does. */
    private static Label decoderInUse(AnnotationDecoder decoders) {
        Label decoder = new Label();
        decoder.setId("decoder-in-use");
        decoder.textProperty().bind(Bindings.concat("Decoder: ", decoders.decoderInUseProperty()));
        decoder.visibleProperty().bind(decoders.decoderInUseProperty().isNotEqualTo(AnnotationModel.OWN_DECODER));
        decoder.managedProperty().bind(decoder.visibleProperty());
        decoder.setTooltip(new Tooltip("Annotate's masks come from this fine-tuned decoder; D switches to the model's"
                + " own and back"));
        keepWhole(decoder);
        return decoder;
    }

    /** The status bar's message gives way first: these keep their width however long it is. */
    private static void keepWhole(Node... nodes) {
        for (Node node : nodes) {
            if (node instanceof Region region) {
                region.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
    }

    private static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }
}
